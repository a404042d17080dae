/**
 * Readers for one cell range of the CSV text. They return NaN when the cell is not of their kind, so the
 * column builder can try them without allocating a substring per cell; a valid cell never reads as NaN
 * because "nan"-like spellings are NA tokens, not numbers.
 *
 * Numbers follow pandas 1.5's C parser: optional sign, digits with an optional fraction and exponent
 * ("0012", "1.", ".5", "1e3"), `inf`/`infinity` in any case, surrounded by optional spaces/tabs (pandas skips
 * them for numbers, while it keeps them for booleans and NA tokens, so " NA" and " true" are strings).
 */

/**
 * Side channel of {@link readNumber}: whether the last number read had integer form (no fraction, no
 * exponent). A shared mutable flag instead of a returned object keeps the per-cell path allocation-free.
 */
export const lastNumber = { isInteger: false };

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
  1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Reads a number from `text[start, end)`.
 *
 * Exact: with at most 15 significant digits and a decimal exponent within ±22, `m * 10^k` or `m / 10^-k` of
 * two exactly representable doubles is correctly rounded by IEEE arithmetic (Clinger's fast path, the same
 * one strtod uses); anything longer is validated here and converted by `Number()`. Integers beyond 2^53 keep
 * type "integer" but are stored as the nearest double (Float64Array columns cannot hold them exactly).
 *
 * @example
 * readNumber(" 0012", 0, 5); // 12, lastNumber.isInteger === true
 */
export function readNumber(text: string, start: number, end: number): number {
  let c = 0;
  while (start < end && ((c = text.charCodeAt(start)) === 32 || c === 9)) start++;
  while (end > start && ((c = text.charCodeAt(end - 1)) === 32 || c === 9)) end--;
  if (start === end) return NaN;
  let i = start;
  let negative = false;
  c = text.charCodeAt(i);
  if (c === 45 || c === 43) {
    negative = c === 45;
    if (++i === end) return NaN;
    c = text.charCodeAt(i);
  }
  if (c === 105 || c === 73) return readInfinity(text, i, end, negative);

  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  while (i < end && (c = text.charCodeAt(i) - 48) >= 0 && c <= 9) {
    mantissa = mantissa * 10 + c;
    if (significant > 0 || c !== 0) significant++;
    digits++;
    i++;
  }
  if (i === end) {
    lastNumber.isInteger = true;
    if (significant > 15) return Number(text.slice(start, end));
    return negative && mantissa !== 0 ? -mantissa : mantissa;
  }
  let scale = 0;
  if (text.charCodeAt(i) === 46) {
    i++;
    while (i < end && (c = text.charCodeAt(i) - 48) >= 0 && c <= 9) {
      mantissa = mantissa * 10 + c;
      if (significant > 0 || c !== 0) significant++;
      digits++;
      scale--;
      i++;
    }
  }
  if (digits === 0) return NaN;
  if (i < end) {
    c = text.charCodeAt(i);
    if (c !== 101 && c !== 69) return NaN;
    if (++i === end) return NaN;
    c = text.charCodeAt(i);
    let expNegative = false;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      if (++i === end) return NaN;
    }
    let exponent = 0;
    const expStart = i;
    while (i < end && (c = text.charCodeAt(i) - 48) >= 0 && c <= 9) {
      if (exponent < 100000) exponent = exponent * 10 + c;
      i++;
    }
    if (i !== end || i === expStart) return NaN;
    scale += expNegative ? -exponent : exponent;
  }
  lastNumber.isInteger = false;
  if (significant > 15 || scale > 22 || scale < -22) return Number(text.slice(start, end));
  const value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
  return negative ? -value : value;
}

function readInfinity(text: string, i: number, end: number, negative: boolean): number {
  const word = text.slice(i, end).toLowerCase();
  if (word !== "inf" && word !== "infinity") return NaN;
  lastNumber.isInteger = false;
  return negative ? -Infinity : Infinity;
}

/**
 * Reads `true/True/TRUE/false/False/FALSE` (exactly, as pandas) as 1/0.
 *
 * @example
 * readBoolean("x,TRUE", 2, 6); // 1
 */
export function readBoolean(text: string, start: number, end: number): number {
  const length = end - start;
  if (length === 4) {
    const word = text.slice(start, end);
    return word === "true" || word === "True" || word === "TRUE" ? 1 : NaN;
  }
  if (length === 5) {
    const word = text.slice(start, end);
    return word === "false" || word === "False" || word === "FALSE" ? 0 : NaN;
  }
  return NaN;
}

/**
 * Reads an ISO 8601 date or date-time as epoch milliseconds UTC:
 * `YYYY-MM-DD`, optionally `T` or space then `HH:MM[:SS[.f{1,9}]]`, optionally `Z` or `±HH:MM` / `±HHMM`.
 * A naive value is UTC; an offset is subtracted to get UTC. Fractions beyond milliseconds are truncated
 * (the columnar form holds milliseconds). Calendar fields are range-checked, so "2023-02-29" is not a date.
 *
 * @example
 * readDateTime("2026-11-27T12:00:00+02:00", 0, 25); // Date.UTC(2026, 10, 27, 10)
 */
export function readDateTime(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < 10) return NaN;
  const year = digitsAt(text, start, 4);
  if (year < 0 || text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return NaN;
  const month = digitsAt(text, start + 5, 2);
  const day = digitsAt(text, start + 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  let ms = daysFromCivil(year, month, day) * 86_400_000;
  let i = start + 10;
  if (i === end) return ms;

  const sep = text.charCodeAt(i);
  if ((sep !== 84 && sep !== 32) || end - i < 6 || text.charCodeAt(i + 3) !== 58) return NaN;
  const hour = digitsAt(text, i + 1, 2);
  const minute = digitsAt(text, i + 4, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  ms += (hour * 60 + minute) * 60_000;
  i += 6;
  if (i < end && text.charCodeAt(i) === 58) {
    const second = digitsAt(text, i + 1, 2);
    if (second < 0 || second > 59 || i + 3 > end) return NaN;
    ms += second * 1000;
    i += 3;
    if (i < end && text.charCodeAt(i) === 46) {
      i++;
      let fraction = 0;
      let count = 0;
      let c = 0;
      while (i < end && (c = text.charCodeAt(i) - 48) >= 0 && c <= 9) {
        if (count < 3) fraction = fraction * 10 + c;
        count++;
        i++;
      }
      if (count === 0 || count > 9) return NaN;
      for (let k = count; k < 3; k++) fraction *= 10;
      ms += fraction;
    }
  }
  if (i === end) return ms;
  const zone = text.charCodeAt(i);
  if (zone === 90) return i + 1 === end ? ms : NaN;
  if (zone !== 43 && zone !== 45) return NaN;
  const rest = end - i - 1;
  const offsetHour = digitsAt(text, i + 1, 2);
  let offsetMinute: number;
  if (rest === 5 && text.charCodeAt(i + 3) === 58) offsetMinute = digitsAt(text, i + 4, 2);
  else if (rest === 4) offsetMinute = digitsAt(text, i + 3, 2);
  else return NaN;
  if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return NaN;
  const offset = (offsetHour * 60 + offsetMinute) * 60_000;
  return zone === 43 ? ms - offset : ms + offset;
}

function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const d = text.charCodeAt(at + k) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
