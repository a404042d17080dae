import { daysInMonth } from "../dates/civil-calendar";
import type { ColumnType } from "../table/types";

/**
 * Turns a filter's JSON value into what the column's cells are compared with. Validation and execution both call
 * this, so a plan that validates is executed with exactly the value validation accepted.
 *
 * | column type        | accepted                                                        | returns                |
 * |--------------------|-----------------------------------------------------------------|------------------------|
 * | integer, float     | a finite number, or a decimal numeric string (spaces trimmed)   | the number             |
 * | datetime           | an ISO 8601 date or date-time string (naive = UTC)              | epoch milliseconds     |
 * | boolean            | `true`/`false`, or the strings true/false/True/False/TRUE/FALSE | 1 or 0                 |
 * | string             | a string, as is (no trimming: cells compare by code point)      | the string             |
 *
 * Everything else is `null` (uncoercible, a validation error). Deliberately refused, because each would be a
 * silent guess: a number or boolean against a string column (pandas would answer "no row matches" without a
 * word; `5` vs `"05"` is a real ambiguity), a number against a datetime column (seconds or milliseconds?),
 * 0/1 against a boolean column, and `"inf"`, `"nan"`, hex or `"1_000"` as numbers.
 *
 * @example
 * coerceFilterValue("float", "3.5");              // 3.5
 * coerceFilterValue("datetime", "2024-01-02");    // 1704153600000
 * coerceFilterValue("boolean", "True");           // 1
 * coerceFilterValue("string", 5);                 // null
 */
export function coerceFilterValue(type: ColumnType, value: string | number | boolean): number | string | null {
  switch (type) {
    case "integer":
    case "float":
      if (typeof value === "number") return Number.isFinite(value) ? value : null;
      return typeof value === "string" ? parseDecimal(value) : null;
    case "datetime":
      return typeof value === "string" ? parseIsoDateTime(value.trim()) : null;
    case "boolean":
      if (typeof value === "boolean") return value ? 1 : 0;
      return typeof value === "string" ? parseBooleanWord(value.trim()) : null;
    case "string":
      return typeof value === "string" ? value : null;
  }
}

/**
 * What a column of this type accepts as a filter value, for error messages.
 *
 * @example
 * describeAcceptedValues("integer"); // "a number or a numeric string"
 */
export function describeAcceptedValues(type: ColumnType): string {
  switch (type) {
    case "integer":
    case "float":
      return "a number or a numeric string";
    case "datetime":
      return 'an ISO 8601 date or date-time string such as "2024-01-31" or "2024-01-31T12:00:00Z"';
    case "boolean":
      return 'true or false (or the strings "true"/"false")';
    case "string":
      return "a string (quote numbers: \"5\", not 5)";
  }
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : null;
}

const BOOLEAN_WORDS: ReadonlyMap<string, number> = new Map([
  ["true", 1], ["True", 1], ["TRUE", 1], ["false", 0], ["False", 0], ["FALSE", 0],
]);

function parseBooleanWord(text: string): number | null {
  return BOOLEAN_WORDS.get(text) ?? null;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Parses an ISO 8601 date (`2024-01-31`) or date-time (`2024-01-31T12:00`, seconds, fraction up to nanoseconds,
 * `Z` or `±HH[:MM]` offset; `T`, `t` or a space between) to epoch milliseconds. A naive time is UTC. Impossible
 * dates (Feb 30, hour 24, second 60) are rejected rather than rolled over as `Date` would.
 *
 * @example
 * parseIsoDateTime("2024-01-02");                 // 1704153600000
 * parseIsoDateTime("2024-01-02T01:00:00+01:00");  // 1704153600000
 * parseIsoDateTime("2024-02-30");                 // null
 */
export function parseIsoDateTime(text: string): number | null {
  const match = ISO_DATE_TIME.exec(text);
  if (match === null) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction, zone] = match;
  const year = Number(y), month = Number(mo), day = Number(d);
  const hour = Number(h), minute = Number(mi), second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  let ms = date.getTime();
  if (fraction !== undefined) ms += Number(`0.${fraction}`) * 1000;
  if (zone !== undefined && zone !== "Z" && zone !== "z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    ms -= sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return ms;
}
