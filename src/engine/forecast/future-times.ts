import { median } from "../stats/median";

/**
 * The times of the next `horizon` steps after the last observed time, spaced by the median gap between
 * consecutive distinct times (np.median(np.diff(times))), so irregular series step at their typical interval:
 *
 *   t_k = t_last + k · median(Δt),   k = 1..horizon.
 *
 * Datetime series work in epoch milliseconds; a future datetime is rounded to the nearest millisecond only
 * when printed as ISO (see `formatForecastTime`).
 *
 * @example futureTimes(new Float64Array([0, 10, 20, 40]), 2) // Float64Array [50, 60]
 */
export function futureTimes(times: Float64Array, horizon: number): Float64Array {
  const gaps = new Float64Array(times.length - 1);
  for (let i = 1; i < times.length; i++) gaps[i - 1] = times[i] - times[i - 1];
  const step = median(gaps, gaps.length);
  const last = times[times.length - 1];
  const out = new Float64Array(horizon);
  for (let k = 1; k <= horizon; k++) out[k - 1] = last + k * step;
  return out;
}

/** ISO for datetime series (rounded to the millisecond, halves up as Math.round), the number otherwise. */
export function formatForecastTime(time: number, isDatetime: boolean): string | number {
  return isDatetime ? new Date(Math.round(time)).toISOString() : time;
}
