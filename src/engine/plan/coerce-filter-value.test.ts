import { describe, expect, it } from "vitest";
import type { ColumnType } from "../table/types";
import { coerceFilterValue, parseIsoDateTime } from "./coerce-filter-value";

const JAN_2_2024 = Date.UTC(2024, 0, 2);

// [column type, value, expected]
const TABLE: [ColumnType, string | number | boolean, number | string | null][] = [
  ["integer", 42, 42],
  ["integer", 2.5, 2.5], // an integer column compared with 2.5 is a valid comparison
  ["integer", "42", 42],
  ["integer", " -1.5e3 ", -1500],
  ["integer", ".5", 0.5],
  ["integer", "5.", 5],
  ["float", "+3.25", 3.25],
  ["float", "", null],
  ["float", "abc", null],
  ["float", "0x10", null],
  ["float", "1_000", null],
  ["float", "Infinity", null],
  ["float", "NaN", null],
  ["float", "1e999", null],
  ["float", "1,5", null],
  ["float", true, null],
  ["datetime", "2024-01-02", JAN_2_2024],
  ["datetime", "2024-01-02T00:00:00Z", JAN_2_2024],
  ["datetime", "2024-01-02T00:00:00", JAN_2_2024],
  ["datetime", "2024-01-02 06:30", JAN_2_2024 + 6.5 * 3_600_000],
  ["datetime", "2024-01-02T01:00:00+01:00", JAN_2_2024],
  ["datetime", "2024-01-01T19:00:00-0500", JAN_2_2024],
  ["datetime", "2024-01-02T05:00+05", JAN_2_2024],
  ["datetime", "2024-01-02T00:00:00.250Z", JAN_2_2024 + 250],
  ["datetime", "2024-01-02T00:00:00.123456789", JAN_2_2024 + 123.456789],
  ["datetime", "2024-02-29", Date.UTC(2024, 1, 29)],
  ["datetime", "0050-01-01", new Date("0050-01-01T00:00:00Z").getTime()],
  ["datetime", "2023-02-29", null],
  ["datetime", "2024-13-01", null],
  ["datetime", "2024-01-02T24:00", null],
  ["datetime", "2024-01-02T10:60", null],
  ["datetime", "2024-01-02T10:00:60", null],
  ["datetime", "2024/01/02", null],
  ["datetime", "Jan 2 2024", null],
  ["datetime", "20240102", null],
  ["datetime", 1_704_153_600_000, null],
  ["datetime", true, null],
  ["boolean", true, 1],
  ["boolean", false, 0],
  ["boolean", "true", 1],
  ["boolean", "False", 0],
  ["boolean", "TRUE", 1],
  ["boolean", "yes", null],
  ["boolean", "tRuE", null],
  ["boolean", 1, null],
  ["boolean", 0, null],
  ["string", "Oslo", "Oslo"],
  ["string", " Oslo ", " Oslo "],
  ["string", "", ""],
  ["string", "42", "42"],
  ["string", 42, null],
  ["string", true, null],
];

describe("coerceFilterValue", () => {
  it.each(TABLE)("%s column, value %j -> %j", (type, value, expected) => {
    expect(coerceFilterValue(type, value)).toBe(expected);
  });
});

describe("parseIsoDateTime", () => {
  it("years below 100 are not shifted into the 1900s", () => {
    expect(parseIsoDateTime("0050-01-01")).toBe(new Date("0050-01-01T00:00:00Z").getTime());
    expect(new Date(parseIsoDateTime("0001-01-01T00:00:00Z") as number).toISOString()).toBe("0001-01-01T00:00:00.000Z");
  });

  it("agrees with Date.parse on the forms both accept", () => {
    for (const text of ["2024-01-02T03:04:05Z", "1999-12-31T23:59:59.999Z", "2024-06-30T12:00:00+02:00", "1970-01-01"]) {
      expect(parseIsoDateTime(text)).toBe(Date.parse(text));
    }
  });

  it("rejects out-of-range offsets", () => {
    expect(parseIsoDateTime("2024-01-02T00:00+24:00")).toBeNull();
    expect(parseIsoDateTime("2024-01-02T00:00+01:60")).toBeNull();
  });
});
