import { daysFromCivil, daysInMonth } from "../dates/civil-calendar";

/**
 * Readers for one cell range of the CSV bytes (UTF-8, already validated). Each returns whether the cell is of
 * its kind and, if so, writes the value to `into[at]`, so the column builder can try them without decoding or
 * allocating per cell. Writing instead of returning the double matters: a non-inlined call returning a
 * non-integer number boxes it, ~9 MB of short-lived heap per parse of the 10 MB bench file.
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

function store(into: Float64Array, at: number, value: number): true {
  into[at] = value;
  return true;
}

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
  1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Reads a number from `bytes[start, end)` into `into[at]`.
 *
 * Exact: with at most 15 significant digits and a decimal exponent within ±22, `m * 10^k` or `m / 10^-k` of
 * two exactly representable doubles is correctly rounded by IEEE arithmetic (Clinger's fast path, the same
 * one strtod uses); anything longer is validated here and converted by `Number()`. Integers beyond 2^53 keep
 * type "integer" but are stored as the nearest double (Float64Array columns cannot hold them exactly).
 *
 * @example
 * readNumber(utf8(" 0012"), 0, 5, out, 0); // true, out[0] === 12, lastNumber.isInteger === true
 */
export function readNumber(bytes: Uint8Array, start: number, end: number, into: Float64Array, at: number): boolean {
  let c = 0;
  while (start < end && ((c = bytes[start]) === 32 || c === 9)) start++;
  while (end > start && ((c = bytes[end - 1]) === 32 || c === 9)) end--;
  if (start === end) return false;
  let i = start;
  let negative = false;
  c = bytes[i];
  if (c === 45 || c === 43) {
    negative = c === 45;
    if (++i === end) return false;
    c = bytes[i];
  }
  if (c === 105 || c === 73) return readInfinity(bytes, i, end, negative, into, at);

  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  while (i < end && (c = bytes[i] - 48) >= 0 && c <= 9) {
    mantissa = mantissa * 10 + c;
    if (significant > 0 || c !== 0) significant++;
    digits++;
    i++;
  }
  if (i === end) {
    lastNumber.isInteger = true;
    if (significant > 15) return store(into, at, Number(asciiText(bytes, start, end)));
    return store(into, at, negative && mantissa !== 0 ? -mantissa : mantissa);
  }
  let scale = 0;
  if (bytes[i] === 46) {
    i++;
    while (i < end && (c = bytes[i] - 48) >= 0 && c <= 9) {
      mantissa = mantissa * 10 + c;
      if (significant > 0 || c !== 0) significant++;
      digits++;
      scale--;
      i++;
    }
  }
  if (digits === 0) return false;
  if (i < end) {
    c = bytes[i];
    if (c !== 101 && c !== 69) return false;
    if (++i === end) return false;
    c = bytes[i];
    let expNegative = false;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      if (++i === end) return false;
    }
    let exponent = 0;
    const expStart = i;
    while (i < end && (c = bytes[i] - 48) >= 0 && c <= 9) {
      if (exponent < 100000) exponent = exponent * 10 + c;
      i++;
    }
    if (i !== end || i === expStart) return false;
    scale += expNegative ? -exponent : exponent;
  }
  lastNumber.isInteger = false;
  if (significant > 15 || scale > 22 || scale < -22) return store(into, at, Number(asciiText(bytes, start, end)));
  const value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
  return store(into, at, negative ? -value : value);
}

const INF = [105, 110, 102, 105, 110, 105, 116, 121]; // "infinity"

/** `inf` or `infinity` in any ASCII case (pandas' spelling); `| 0x20` lower-cases a letter byte. */
function readInfinity(bytes: Uint8Array, i: number, end: number, negative: boolean, into: Float64Array, at: number): boolean {
  const length = end - i;
  if (length !== 3 && length !== 8) return false;
  for (let k = 0; k < length; k++) if ((bytes[i + k] | 0x20) !== INF[k]) return false;
  lastNumber.isInteger = false;
  return store(into, at, negative ? -Infinity : Infinity);
}

const decoder = new TextDecoder();

/** The text of a validated number range, for the `Number()` slow path (long or far-exponent numbers). */
function asciiText(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end));
}

/**
 * Reads `true/True/TRUE/false/False/FALSE` (exactly, as pandas) as 1/0 into `into[at]`.
 *
 * @example
 * readBoolean(utf8("x,TRUE"), 2, 6, out, 0); // true, out[0] === 1
 */
export function readBoolean(bytes: Uint8Array, start: number, end: number, into: Float64Array, at: number): boolean {
  const length = end - start;
  if (length === 4) return matchesAny(bytes, start, TRUE_WORDS) && store(into, at, 1);
  if (length === 5) return matchesAny(bytes, start, FALSE_WORDS) && store(into, at, 0);
  return false;
}

const ascii = (word: string) => Uint8Array.from(word, (ch) => ch.charCodeAt(0));
const TRUE_WORDS = ["true", "True", "TRUE"].map(ascii);
const FALSE_WORDS = ["false", "False", "FALSE"].map(ascii);

function matchesAny(bytes: Uint8Array, start: number, words: readonly Uint8Array[]): boolean {
  next: for (const word of words) {
    for (let k = 0; k < word.length; k++) if (bytes[start + k] !== word[k]) continue next;
    return true;
  }
  return false;
}

/**
 * Reads an ISO 8601 date or date-time as epoch milliseconds UTC:
 * `YYYY-MM-DD`, optionally `T` or space then `HH:MM[:SS[.f{1,9}]]`, optionally `Z` or `±HH:MM` / `±HHMM`.
 * A naive value is UTC; an offset is subtracted to get UTC. Fractions beyond milliseconds are truncated
 * (the columnar form holds milliseconds). Calendar fields are range-checked, so "2023-02-29" is not a date.
 *
 * @example
 * readDateTime(utf8("2026-11-27T12:00:00+02:00"), 0, 25, out, 0); // true, out[0] === Date.UTC(2026, 10, 27, 10)
 */
export function readDateTime(bytes: Uint8Array, start: number, end: number, into: Float64Array, at: number): boolean {
  const length = end - start;
  if (length < 10) return false;
  const year = digitsAt(bytes, start, 4);
  if (year < 0 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return false;
  const month = digitsAt(bytes, start + 5, 2);
  const day = digitsAt(bytes, start + 8, 2);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  let ms = daysFromCivil(year, month, day) * 86_400_000;
  let i = start + 10;
  if (i === end) return store(into, at, ms);

  const sep = bytes[i];
  if ((sep !== 84 && sep !== 32) || end - i < 6 || bytes[i + 3] !== 58) return false;
  const hour = digitsAt(bytes, i + 1, 2);
  const minute = digitsAt(bytes, i + 4, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  ms += (hour * 60 + minute) * 60_000;
  i += 6;
  if (i < end && bytes[i] === 58) {
    const second = digitsAt(bytes, i + 1, 2);
    if (second < 0 || second > 59 || i + 3 > end) return false;
    ms += second * 1000;
    i += 3;
    if (i < end && bytes[i] === 46) {
      i++;
      let fraction = 0;
      let count = 0;
      let c = 0;
      while (i < end && (c = bytes[i] - 48) >= 0 && c <= 9) {
        if (count < 3) fraction = fraction * 10 + c;
        count++;
        i++;
      }
      if (count === 0 || count > 9) return false;
      for (let k = count; k < 3; k++) fraction *= 10;
      ms += fraction;
    }
  }
  if (i === end) return store(into, at, ms);
  const zone = bytes[i];
  if (zone === 90) return i + 1 === end && store(into, at, ms);
  if (zone !== 43 && zone !== 45) return false;
  const rest = end - i - 1;
  const offsetHour = digitsAt(bytes, i + 1, 2);
  let offsetMinute: number;
  if (rest === 5 && bytes[i + 3] === 58) offsetMinute = digitsAt(bytes, i + 4, 2);
  else if (rest === 4) offsetMinute = digitsAt(bytes, i + 3, 2);
  else return false;
  if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return false;
  const offset = (offsetHour * 60 + offsetMinute) * 60_000;
  return store(into, at, zone === 43 ? ms - offset : ms + offset);
}

function digitsAt(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const d = bytes[at + k] - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}
