import type { Granularity } from "../plan/group-by-item";
import { civilFromDays, DAY_MS, daysFromCivil, weekdayOfDays } from "./civil-calendar";

const HOUR_MS = 3_600_000;
const civil = new Int32Array(3);

/**
 * The start of the calendar period (UTC) holding an instant, in epoch milliseconds: pandas
 * `Series.dt.to_period(freq).dt.start_time` with freq Y, Q, M, W (W-SUN: weeks run Monday to Sunday), D, H.
 *
 * Hours and days are floors of the millisecond count; a week starts on the Monday at or before the day;
 * months, quarters and years go through the civil calendar's integer day-number algorithms, so no Date object
 * is made per value. NaN stays NaN.
 *
 * @example periodStart(Date.UTC(2024, 4, 17, 13, 5), "quarter") // Date.UTC(2024, 3, 1)
 * @example periodStart(Date.UTC(2024, 0, 3), "week") // Date.UTC(2024, 0, 1) (a Monday)
 */
export function periodStart(ms: number, granularity: Granularity): number {
  if (ms !== ms) return Number.NaN;
  if (granularity === "hour") return Math.floor(ms / HOUR_MS) * HOUR_MS;
  const days = Math.floor(ms / DAY_MS);
  if (granularity === "day") return days * DAY_MS;
  if (granularity === "week") return (days - weekdayOfDays(days)) * DAY_MS;
  civilFromDays(days, civil);
  const month = civil[1];
  const first = granularity === "year" ? 1 : granularity === "quarter" ? month - ((month - 1) % 3) : month;
  return daysFromCivil(civil[0], first, 1) * DAY_MS;
}
