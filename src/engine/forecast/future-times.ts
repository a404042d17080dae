import { EngineError } from "../errors";
import { median } from "../stats/median";

/**
 * The last instant an ISO 8601 time with a four-digit year can name, 9999-12-31T23:59:59.999Z: past it
 * `toISOString` writes `+010000-...`, which Python's `datetime.fromisoformat` (and most clients) cannot read,
 * and past ±8.64e15 ms there is no JavaScript date at all.
 */
export const MAX_DATETIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const DAY_MS = 86_400_000;

/**
 * The times of the next `horizon` steps after the last observed time, spaced by the median gap between
 * consecutive distinct times (np.median(np.diff(times))), so irregular series step at their typical interval:
 *
 *   t_k = t_last + k · median(Δt),   k = 1..horizon.
 *
 * Datetime series work in epoch milliseconds; a future datetime is rounded to the nearest millisecond only
 * when printed as ISO (see `formatForecastTime`). The times must stay writable: a datetime past
 * {@link MAX_DATETIME_MS}, or a numeric time past the largest double, is refused with `forecast_out_of_range`
 * (path `plan.horizon`, naming the longest horizon that fits) rather than answered with an unreadable time.
 *
 * @example futureTimes(new Float64Array([0, 10, 20, 40]), 2, false) // Float64Array [50, 60]
 */
export function futureTimes(times: Float64Array, horizon: number, isDatetime: boolean): Float64Array {
  const gaps = new Float64Array(times.length - 1);
  for (let i = 1; i < times.length; i++) gaps[i - 1] = times[i] - times[i - 1];
  const step = median(gaps, gaps.length);
  const last = times[times.length - 1];
  const out = new Float64Array(horizon);
  for (let k = 1; k <= horizon; k++) out[k - 1] = last + k * step;
  const end = out[horizon - 1];
  if (isDatetime ? Math.round(end) > MAX_DATETIME_MS : !Number.isFinite(end)) throw outOfRange(last, step, horizon, isDatetime);
  return out;
}

/** ISO for datetime series (rounded to the millisecond, halves up as Math.round), the number otherwise. */
export function formatForecastTime(time: number, isDatetime: boolean): string | number {
  return isDatetime ? new Date(Math.round(time)).toISOString() : time;
}

function outOfRange(last: number, step: number, horizon: number, isDatetime: boolean): EngineError {
  let fits = 0;
  while (fits < horizon && (isDatetime ? Math.round(last + (fits + 1) * step) <= MAX_DATETIME_MS : Number.isFinite(last + (fits + 1) * step))) fits++;
  const spacing = isDatetime ? `${Number((step / DAY_MS).toPrecision(6))} days` : String(step);
  const limit = isDatetime ? "past 9999-12-31, the last date an ISO 8601 time can name" : "past the largest number a time can hold";
  const advice = fits === 0 ? "not even one fits" : `at most ${fits} fit: ask for a horizon of ${fits} or less`;
  const message = `The forecast's ${horizon} periods of ${spacing} after the last time would reach ${limit}; ${advice}.`;
  return new EngineError("forecast_out_of_range", message, { problems: [{ path: "plan.horizon", code: "forecast_out_of_range", message }] });
}
