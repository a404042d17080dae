import type { Granularity } from "../plan/group-by-item";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The start of the calendar period (UTC) holding an instant, in epoch milliseconds: pandas
 * `Series.dt.to_period(freq).dt.start_time` with freq Y, Q, M, W (W-SUN: weeks run Monday to Sunday), D, H.
 *
 * Hours and days are floors of the millisecond count; a week starts on the Monday at or before the day
 * (1970-01-01 was a Thursday, weekday 3 counting Monday as 0); months, quarters and years go through the civil
 * calendar with H. Hinnant's integer algorithms (days <-> proleptic Gregorian year/month/day), so no Date object
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
  if (granularity === "week") return (days - positiveModulo(days + 3, 7)) * DAY_MS;
  // Civil date of `days` (Hinnant's civil_from_days), in eras of 400 years starting on March 1st.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const first = granularity === "year" ? 1 : granularity === "quarter" ? month - ((month - 1) % 3) : month;
  return daysFromCivil(year, first, 1) * DAY_MS;
}

/** Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function positiveModulo(a: number, n: number): number {
  return ((a % n) + n) % n;
}
