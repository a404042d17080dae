/**
 * The proleptic Gregorian calendar on day numbers (days since 1970-01-01, UTC), as numpy's datetime64 and
 * pandas' `.dt` count them. Integer arithmetic only: no Date objects on per-row paths.
 */

export const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil); month 1-12, any day (out-of-range days
 * roll over, so callers validate first when they must).
 *
 * @example daysFromCivil(2024, 2, 29) // 19782
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The civil date of a day number (H. Hinnant's civil_from_days), written into `into` as [year, month, day] so
 * per-row loops allocate nothing.
 *
 * @example civilFromDays(19782, out) // out = [2024, 2, 29]
 */
export function civilFromDays(days: number, into: Int32Array): Int32Array {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  into[0] = yoe + era * 400 + (month <= 2 ? 1 : 0);
  into[1] = month;
  into[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
  return into;
}

/** Days in a month of the proleptic Gregorian calendar. @example daysInMonth(2024, 2) // 29 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Monday = 0 ... Sunday = 6 of a day number (1970-01-01 was a Thursday). @example weekdayOfDays(0) // 3 */
export function weekdayOfDays(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}
