import { DAY_MS, daysFromCivil, daysInMonth } from "../../dates/civil-calendar";
import { isPythonSpace } from "./python-text";

/**
 * strptime formats as pandas' `array_strptime` reads them (pandas 1.5 `_libs/tslibs/strptime.pyx`, the
 * stdlib `_strptime.TimeRE` with nanosecond `%f`), without building a regular expression from the format:
 * the format becomes a list of tokens and a small backtracking matcher tries each directive's alternatives in
 * the order the stdlib regex lists them. That order matters: like `re.match`, the first way the whole format
 * matches wins, and only then must it have consumed the whole text ("1112" with "%m%d" is November 12).
 *
 * As in Python: letters match case-insensitively ("t" for "T", "JAN" for %b); a run of whitespace in the format
 * matches one or more whitespace characters; `%y` 00-68 is 20xx and 69-99 19xx; `%I` is 12-hour with `%p`
 * (AM when absent); `%j` sets the date from the day of the year (366 in a common year rolls into January 1);
 * `%S` accepts 60 and 61 (carried into the next minute); `%z` is `±HH[:]MM[[:]SS[.ffffff]]` or `Z`, seconds of
 * an offset dropped; an impossible date (February 30) is missing; `%a`/`%A` (weekday names) are read and ignored.
 * Digits may be any script's, as Python's `\d` and `int()` read them (`%f` only ASCII, as pandas). Positions count
 * code points, as Python's do. Dates outside pandas' nanosecond range (years 1677-2262) are kept rather than made
 * missing, as the CSV reader keeps them.
 */

type Directive = "Y" | "y" | "m" | "d" | "H" | "I" | "p" | "M" | "S" | "f" | "b" | "B" | "a" | "A" | "j" | "z";
type Token =
  | { readonly kind: "literal"; readonly char: string }
  | { readonly kind: "space" }
  | { readonly kind: "directive"; readonly directive: Directive };

export interface DateFormat {
  readonly tokens: readonly Token[];
}

export const DIRECTIVES = "%Y %y %m %d %H %I %p %M %S %f %b %B %a %A %j %z %%";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const NAMES: Readonly<Partial<Record<Directive, readonly string[]>>> = {
  B: MONTHS,
  b: MONTHS.map((month) => month.slice(0, 3)),
  A: WEEKDAYS,
  a: WEEKDAYS.map((day) => day.slice(0, 3)),
  p: ["am", "pm"],
};

/**
 * The stdlib's alternatives for the numeric directives, in its order; each alternative is a sequence of
 * character classes: an ASCII range ("09", "01", "  " = a space) or "d", Python's `\d` (any script's digit).
 */
const ALTERNATIVES: Readonly<Partial<Record<Directive, readonly (readonly string[])[]>>> = {
  d: [["33", "01"], ["12", "d"], ["00", "19"], ["19"], ["  ", "19"]],
  H: [["22", "03"], ["01", "d"], ["d"]],
  I: [["11", "02"], ["00", "19"], ["19"]],
  j: [["33", "66", "06"], ["33", "05", "d"], ["12", "d", "d"], ["00", "19", "d"], ["00", "00", "19"], ["19", "d"], ["00", "19"], ["19"]],
  m: [["11", "02"], ["00", "19"], ["19"]],
  M: [["05", "d"], ["d"]],
  S: [["66", "01"], ["05", "d"], ["d"]],
  y: [["d", "d"]],
  Y: [["d", "d", "d", "d"]],
};

/**
 * Reads a format into tokens, or returns why it cannot be used (an unsupported or repeated directive, a stray
 * `%`), which pandas would report for every value.
 *
 * @example compileDateFormat("%d/%m/%Y") // { tokens: [d, "/", m, "/", Y] }
 */
export function compileDateFormat(format: string): DateFormat | string {
  const tokens: Token[] = [];
  const seen = new Set<string>();
  const chars = Array.from(format);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    if (isPythonSpace(char.codePointAt(0)!)) {
      while (i + 1 < chars.length && isPythonSpace(chars[i + 1].codePointAt(0)!)) i++;
      tokens.push({ kind: "space" });
    } else if (char !== "%") {
      tokens.push({ kind: "literal", char });
    } else {
      const next = chars[++i];
      if (next === undefined) return "the format ends with a lone %; write %% for a percent sign";
      if (next === "%") {
        tokens.push({ kind: "literal", char: "%" });
        continue;
      }
      if (!DIRECTIVES.split(" ").includes(`%${next}`)) return `%${next} is not a supported directive; use ${DIRECTIVES}`;
      if (seen.has(next)) return `%${next} appears twice in the format`;
      seen.add(next);
      tokens.push({ kind: "directive", directive: next as Directive });
    }
  }
  return { tokens };
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * The value of a decimal digit of any script, as Python's `\d` matches and `int()` reads it ('٣' is 3), or -1.
 * Unicode encodes each script's digits 0-9 as a run of consecutive code points (adjacent runs start at a 0).
 */
function digitValue(char: string | undefined): number {
  if (char === undefined) return -1;
  const code = char.codePointAt(0)!;
  if (code >= 48 && code <= 57) return code - 48;
  if (code < 0x660 || !DECIMAL_DIGIT.test(char)) return -1;
  let first = code;
  while (first > code - 100 && DECIMAL_DIGIT.test(String.fromCodePoint(first - 1))) first--;
  return (code - first) % 10;
}

const isAsciiDigit = (char: string | undefined) => char !== undefined && char >= "0" && char <= "9";

/** Whether two characters match under Python's re.IGNORECASE (simple case folding of one code point). */
function sameLetter(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();
}

/** Ends of the ways a directive can match the text's code points at `at`, in the order the stdlib regex tries them. */
function candidates(directive: Directive, chars: readonly string[], at: number): number[] {
  const names = NAMES[directive];
  if (names !== undefined) {
    const lower = chars.slice(at, at + 9).join("").toLowerCase();
    const found = names.filter((name) => lower.startsWith(name)).sort((x, y) => y.length - x.length);
    return found.map((name) => at + name.length);
  }
  if (directive === "f") return greedy(chars, at, 9, isAsciiDigit);
  if (directive === "z") return offsetCandidates(chars, at);
  const ends: number[] = [];
  next: for (const classes of ALTERNATIVES[directive]!) {
    for (let k = 0; k < classes.length; k++) {
      const c = chars[at + k];
      const fits = classes[k] === "d" ? digitValue(c) >= 0 : c !== undefined && c >= classes[k][0] && c <= classes[k][1];
      if (!fits) continue next;
    }
    ends.push(at + classes.length);
  }
  return ends;
}

/** A greedy `x{1,most}` from `from`: the longest run of matching characters first, down to one; [] if none. */
function greedy(chars: readonly string[], from: number, most: number, fits: (char: string | undefined) => boolean): number[] {
  let end = from;
  while (end - from < most && fits(chars[end])) end++;
  const ends: number[] = [];
  for (let e = end; e > from; e--) ends.push(e);
  return ends;
}

/** `%z`: `[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|Z` (the Z case-sensitive), greedy parts first. */
function offsetCandidates(chars: readonly string[], at: number): number[] {
  if (chars[at] === "Z") return [at + 1];
  if ((chars[at] !== "+" && chars[at] !== "-") || digitValue(chars[at + 1]) < 0 || digitValue(chars[at + 2]) < 0) return [];
  const ends: number[] = [];
  const twoDigits = (i: number) => chars[i] >= "0" && chars[i] <= "5" && digitValue(chars[i + 1]) >= 0;
  for (const colon of chars[at + 3] === ":" ? [1, 0] : [0]) {
    const m = at + 3 + colon;
    if (!twoDigits(m)) continue;
    for (const colon2 of chars[m + 2] === ":" ? [1, 0] : [0]) {
      const s = m + 2 + colon2;
      if (!twoDigits(s)) continue;
      if (chars[s + 2] === ".") ends.push(...greedy(chars, s + 3, 6, (c) => digitValue(c) >= 0));
      ends.push(s + 2);
    }
    ends.push(m + 2);
  }
  return ends;
}

/**
 * Backtracking steps allowed per value (a value that needs more is missing): real formats take a few steps per
 * token, only many adjacent variable-width directives come near, and the bound keeps a column's cost linear.
 */
const MAX_STEPS = 1_000;

/** Where each token matched, on the first path through the format that succeeds (-1: no match). */
function matchTokens(tokens: readonly Token[], chars: readonly string[], spans: Int32Array): number {
  let steps = 0;
  const walk = (t: number, at: number): number => {
    if (++steps > MAX_STEPS) return -1;
    if (t === tokens.length) return at;
    const token = tokens[t];
    let ends: number[];
    if (token.kind === "literal") {
      ends = at < chars.length && sameLetter(chars[at], token.char) ? [at + 1] : [];
    } else if (token.kind === "space") {
      ends = greedy(chars, at, chars.length, (c) => c !== undefined && isPythonSpace(c.codePointAt(0)!));
    } else {
      ends = candidates(token.directive, chars, at);
    }
    for (const end of ends) {
      spans[2 * t] = at;
      spans[2 * t + 1] = end;
      const done = walk(t + 1, end);
      if (done >= 0) return done;
    }
    return -1;
  };
  return walk(0, 0);
}

/** 9999-12-31, the last day Python's date can hold. */
const LAST_DAY = daysFromCivil(9999, 12, 31);

/** pandas' NaT spellings, missing before any matching. */
const NAT_STRINGS: ReadonlySet<string> = new Set(["NaT", "nat", "NAT", "nan", "NaN", "NAN"]);

/** The number a matched field spells in any script's digits (a leading space, as in %d's " 5", is skipped). */
function fieldNumber(field: readonly string[]): number {
  let value = 0;
  for (const char of field) {
    const digit = digitValue(char);
    if (digit >= 0) value = value * 10 + digit;
  }
  return value;
}

/**
 * The UTC instant (epoch ms) a text denotes in a format, as `pd.to_datetime(text, format=..., errors="coerce",
 * utc=True)`: NaN when the format does not match the whole text or the date does not exist. Fractions below a
 * millisecond are dropped (floored), as the engine stores milliseconds.
 *
 * @example parseWithFormat(compileDateFormat("%d/%m/%Y %H:%M") as DateFormat, "31/12/2023 23:59") // 1704067140000
 */
export function parseWithFormat(format: DateFormat, text: string): number {
  if (NAT_STRINGS.has(text)) return Number.NaN;
  const tokens = format.tokens;
  const chars = Array.from(text);
  const spans = new Int32Array(2 * tokens.length);
  if (matchTokens(tokens, chars, spans) !== chars.length) return Number.NaN;
  let year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0, julian = -1, offset = 0;
  let twelveHour = -1;
  let pm = false;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.kind !== "directive") continue;
    const field = chars.slice(spans[2 * t], spans[2 * t + 1]);
    const value = fieldNumber(field);
    switch (token.directive) {
      case "Y": year = value; break;
      case "y": year = value <= 68 ? 2000 + value : 1900 + value; break;
      case "m": month = value; break;
      case "b": case "B": month = MONTHS.findIndex((name) => name.startsWith(field.join("").toLowerCase())) + 1; break;
      case "d": day = value; break;
      case "H": hour = value; twelveHour = -1; break;
      case "I": twelveHour = value; break;
      case "p": pm = field.join("").toLowerCase() === "pm"; break;
      case "M": minute = value; break;
      case "S": second = value; break;
      case "f": ms = Number(field.join("").padEnd(9, "0").slice(0, 3)); break;
      case "j": julian = value; break;
      case "z": offset = offsetMinutes(field); break;
      default: break; // %a/%A: read, then ignored as pandas does without %U/%W
    }
  }
  if (twelveHour >= 0) hour = pm ? (twelveHour === 12 ? 12 : twelveHour + 12) : twelveHour === 12 ? 0 : twelveHour;
  let days: number;
  if (julian >= 0) {
    if (year < 1) return Number.NaN;
    days = daysFromCivil(year, 1, 1) + julian - 1;
    if (days > LAST_DAY) return Number.NaN;
  } else {
    if (year < 1 || day > daysInMonth(year, month)) return Number.NaN;
    days = daysFromCivil(year, month, day);
  }
  return days * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000 + ms;
}

/**
 * Minutes east of UTC of a `%z` match; seconds and their fraction are dropped as pandas' pytz.FixedOffset does.
 * NaN where pandas gives up: a colon after the hours but not after the minutes (or the reverse), or an offset of
 * a day or more.
 */
function offsetMinutes(field: readonly string[]): number {
  if (field.length === 1) return 0; // "Z"
  const colon = field[3] === ":";
  const rest = field.slice(colon ? 4 : 3);
  if (rest.length > 2 && (rest[2] === ":") !== colon) return Number.NaN;
  const minutes = fieldNumber(field.slice(1, 3)) * 60 + fieldNumber(rest.slice(0, 2));
  if (minutes >= 1440) return Number.NaN;
  return field[0] === "-" ? -minutes : minutes;
}
