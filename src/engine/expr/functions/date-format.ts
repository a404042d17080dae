import { DAY_MS, daysFromCivil, daysInMonth } from "./civil-calendar";
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
 * Digits are ASCII (Python's `\d` also takes other scripts' digits). Dates outside pandas' nanosecond range
 * (years 1677-2262) are kept rather than made missing, as the CSV reader keeps them.
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
 * character ranges ("09" = any digit, "01" = 0 or 1, "  " = a space).
 */
const ALTERNATIVES: Readonly<Partial<Record<Directive, readonly (readonly string[])[]>>> = {
  d: [["33", "01"], ["12", "09"], ["00", "19"], ["19"], ["  ", "19"]],
  H: [["22", "03"], ["01", "09"], ["09"]],
  I: [["11", "02"], ["00", "19"], ["19"]],
  j: [["33", "66", "06"], ["33", "05", "09"], ["12", "09", "09"], ["00", "19", "09"], ["00", "00", "19"], ["19", "09"], ["00", "19"], ["19"]],
  m: [["11", "02"], ["00", "19"], ["19"]],
  M: [["05", "09"], ["09"]],
  S: [["66", "01"], ["05", "09"], ["09"]],
  y: [["09", "09"]],
  Y: [["09", "09", "09", "09"]],
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
  for (let i = 0; i < format.length; i++) {
    const char = format[i];
    if (isPythonSpace(char.charCodeAt(0))) {
      while (i + 1 < format.length && isPythonSpace(format.charCodeAt(i + 1))) i++;
      tokens.push({ kind: "space" });
    } else if (char !== "%") {
      tokens.push({ kind: "literal", char });
    } else {
      const next = format[++i];
      if (next === undefined) return "the format ends with a lone %; write %% for a percent sign";
      if (next === "%") {
        tokens.push({ kind: "literal", char: "%" });
        continue;
      }
      if (!DIRECTIVES.includes(`%${next}`)) return `%${next} is not a supported directive; use ${DIRECTIVES}`;
      if (seen.has(next)) return `%${next} appears twice in the format`;
      seen.add(next);
      tokens.push({ kind: "directive", directive: next as Directive });
    }
  }
  return { tokens };
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Whether text[at] is one character the format's literal matches (Python re.IGNORECASE on one code unit). */
function sameLetter(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase() || a.toUpperCase() === b.toUpperCase();
}

/** Ends of the ways directive `d` can match text at `at`, in the order the stdlib regex tries them. */
function candidates(directive: Directive, text: string, at: number): number[] {
  const names = NAMES[directive];
  if (names !== undefined) {
    const lower = text.slice(at, at + 9).toLowerCase();
    const found = names.filter((name) => lower.startsWith(name)).sort((x, y) => y.length - x.length);
    return found.map((name) => at + name.length);
  }
  if (directive === "f") {
    let end = at;
    while (end < text.length && end - at < 9 && isDigit(text.charCodeAt(end))) end++;
    const ends: number[] = [];
    for (let e = end; e > at; e--) ends.push(e);
    return ends;
  }
  if (directive === "z") return offsetCandidates(text, at);
  const ends: number[] = [];
  next: for (const ranges of ALTERNATIVES[directive]!) {
    for (let k = 0; k < ranges.length; k++) {
      const c = text[at + k];
      if (c === undefined || c < ranges[k][0] || c > ranges[k][1]) continue next;
    }
    ends.push(at + ranges.length);
  }
  return ends;
}

/** `%z`: `[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|Z`, greedy parts first. */
function offsetCandidates(text: string, at: number): number[] {
  if (text[at] === "Z") return [at + 1];
  if ((text[at] !== "+" && text[at] !== "-") || !isDigit(text.charCodeAt(at + 1)) || !isDigit(text.charCodeAt(at + 2))) return [];
  const ends: number[] = [];
  const minutes = (i: number) => text[i] >= "0" && text[i] <= "5" && isDigit(text.charCodeAt(i + 1));
  for (const colon of text[at + 3] === ":" ? [1, 0] : [0]) {
    const m = at + 3 + colon;
    if (!minutes(m)) continue;
    for (const colon2 of text[m + 2] === ":" ? [1, 0] : [0]) {
      const s = m + 2 + colon2;
      if (!minutes(s)) continue;
      if (text[s + 2] === ".") {
        let end = s + 3;
        while (end < text.length && end - (s + 3) < 6 && isDigit(text.charCodeAt(end))) end++;
        for (let e = end; e > s + 3; e--) ends.push(e);
      }
      ends.push(s + 2);
    }
    ends.push(m + 2);
  }
  return ends;
}

/** Backtracking steps allowed per value; only formats made of many adjacent variable-width directives come near. */
const MAX_STEPS = 10_000;

/** Where each token matched, on the first path through the format that succeeds (-1: no match). */
function matchTokens(tokens: readonly Token[], text: string, spans: Int32Array): number {
  let steps = 0;
  const walk = (t: number, at: number): number => {
    if (++steps > MAX_STEPS) return -1;
    if (t === tokens.length) return at;
    const token = tokens[t];
    let ends: number[];
    if (token.kind === "literal") {
      ends = at < text.length && sameLetter(text[at], token.char) ? [at + 1] : [];
    } else if (token.kind === "space") {
      let end = at;
      while (end < text.length && isPythonSpace(text.charCodeAt(end))) end++;
      ends = [];
      for (let e = end; e > at; e--) ends.push(e);
    } else {
      ends = candidates(token.directive, text, at);
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
  const spans = new Int32Array(2 * tokens.length);
  if (matchTokens(tokens, text, spans) !== text.length) return Number.NaN;
  let year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0, julian = -1, offset = 0;
  let twelveHour = -1;
  let pm = false;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.kind !== "directive") continue;
    const field = text.slice(spans[2 * t], spans[2 * t + 1]);
    const value = Number(field);
    switch (token.directive) {
      case "Y": year = value; break;
      case "y": year = value <= 68 ? 2000 + value : 1900 + value; break;
      case "m": month = value; break;
      case "b": case "B": month = MONTHS.findIndex((name) => name.startsWith(field.toLowerCase())) + 1; break;
      case "d": day = value; break;
      case "H": hour = value; twelveHour = -1; break;
      case "I": twelveHour = value; break;
      case "p": pm = field.toLowerCase() === "pm"; break;
      case "M": minute = value; break;
      case "S": second = value; break;
      case "f": ms = Number(field.padEnd(9, "0").slice(0, 3)); break;
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
function offsetMinutes(field: string): number {
  if (field === "Z") return 0;
  const colon = field[3] === ":";
  const rest = colon ? field.slice(4) : field.slice(3);
  if (rest.length > 2 && (rest[2] === ":") !== colon) return Number.NaN;
  const minutes = Number(field.slice(1, 3)) * 60 + Number(rest.slice(0, 2));
  if (minutes >= 1440) return Number.NaN;
  return field[0] === "-" ? -minutes : minutes;
}
