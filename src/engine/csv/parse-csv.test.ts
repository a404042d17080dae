import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EngineError } from "../errors.js";
import type { Column } from "../table/types.js";
import { parseCsv } from "./parse-csv.js";

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, "fixtures", name)));
const csv = (text: string) => new TextEncoder().encode(text);

function failure(bytes: Uint8Array, limits = {}): EngineError {
  try {
    parseCsv(bytes, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return error as EngineError;
  }
  throw new Error("expected parseCsv to fail");
}

const cells = (column: Column) =>
  column.type === "string"
    ? Array.from(column.codes, (code) => (code < 0 ? null : column.dictionary[code]))
    : Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));

describe("parseCsv: file shapes", () => {
  it.each(["bom.csv", "crlf.csv", "cr-only.csv"])("%s reads as two rows", (name) => {
    const table = parseCsv(fixture(name));
    expect(table.rowCount).toBe(2);
    expect(table.columns.map((c) => [c.name, c.type])).toEqual([["id", "integer"], ["name", "string"]]);
    expect(table.columns.map(cells)).toEqual([[1, 2], ["a", "b"]]);
  });

  it("quoted commas, doubled quotes and line breaks", () => {
    const table = parseCsv(fixture("quotes.csv"));
    expect(cells(table.columns[1])).toEqual(["a,b", 'say "hi"', "line1\nline2", "plain"]);
  });

  it("no trailing newline", () => {
    expect(parseCsv(fixture("no-trailing-newline.csv")).columns.map(cells)).toEqual([[1, 3], [2, 4]]);
  });

  it("headers: trimmed, empty named by position, duplicates suffixed without collisions, prototype names kept", () => {
    const table = parseCsv(fixture("headers.csv"));
    expect(table.columns.map((c) => c.name)).toEqual(["a", "a_3", "column_3", "a_2", "__proto__", "constructor", "hasOwnProperty"]);
    expect(table.columns.map(cells)).toEqual([[1], [2], [3], [4], [5], [6], [7]]);
  });
});

describe("parseCsv: refusals carry code and line", () => {
  it.each([
    ["empty.csv", "empty_file", 1],
    ["whitespace-only.csv", "empty_file", 1],
    ["header-only.csv", "no_data_rows", 1],
    ["nul-byte.csv", "binary_content", 3],
    ["binary-junk.csv", "binary_content", 3],
    ["utf16le.csv", "invalid_encoding", 1],
    ["utf16-nobom.csv", "invalid_encoding", 1],
    ["invalid-utf8.csv", "invalid_encoding", 3],
    ["ragged-short.csv", "ragged_row", 3],
    ["ragged-long.csv", "ragged_row", 5],
    ["unterminated-quote.csv", "malformed_csv", 3],
  ])("%s -> %s on line %i", (name, code, line) => {
    const error = failure(fixture(name));
    expect({ code: error.code, line: error.details.line }).toEqual({ code, line });
    expect(error.message).toMatch(/\.$/);
  });

  it("UTF-16 says so", () => {
    expect(failure(fixture("utf16le.csv")).message).toContain("UTF-16");
  });

  it("ragged row names expected and actual counts", () => {
    expect(failure(fixture("ragged-short.csv")).message).toBe(
      "Line 3 has 2 fields but the header has 3; every row must have as many fields as the header.",
    );
  });

  it("text after a closing quote is malformed", () => {
    expect(failure(csv('a,b\n"x"y,1\n')).code).toBe("malformed_csv");
  });

  it("501 columns -> too_many_columns; 500 pass", () => {
    const row = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(",");
    expect(failure(csv(`${row(501)}\n${row(501)}\n`)).code).toBe("too_many_columns");
    expect(parseCsv(csv(`${row(500)}\n${row(500)}\n`)).columns).toHaveLength(500);
  });

  it("a 70 KiB cell -> cell_too_large with its line; 64 KiB passes", () => {
    const error = failure(csv(`a,b\n1,2\n3,${"x".repeat(70 * 1024)}\n`));
    expect({ code: error.code, line: error.details.line }).toEqual({ code: "cell_too_large", line: 3 });
    expect(parseCsv(csv(`a\n${"é".repeat(32 * 1024)}\n`)).rowCount).toBe(1);
    expect(failure(csv(`a\n${"é".repeat(32 * 1024 + 1)}\n`)).code).toBe("cell_too_large");
  });

  it("maxRows is enforced with the line", () => {
    const error = failure(csv("a\n1\n2\n3\n"), { maxRows: 2 });
    expect({ code: error.code, line: error.details.line }).toEqual({ code: "too_many_rows", line: 4 });
  });
});

describe("parseCsv: type inference", () => {
  const table = parseCsv(fixture("types.csv"));
  const byName = new Map(table.columns.map((c) => [c.name, c]));

  it("types per column", () => {
    expect(table.columns.map((c) => [c.name, c.type])).toEqual([
      ["int_na", "integer"], ["zeros", "integer"], ["floats", "float"], ["bools", "boolean"],
      ["dates", "datetime"], ["mixed", "string"], ["big", "integer"], ["na_tokens", "string"],
      ["spaced", "integer"], ["all_missing", "float"],
    ]);
  });

  it("values", () => {
    expect(cells(byName.get("int_na")!)).toEqual([1, null, 3, null]);
    expect(cells(byName.get("zeros")!)).toEqual([12, 7, -5, 0]);
    expect(cells(byName.get("floats")!)).toEqual([1000, 2.5, Infinity, -0.5]);
    expect(cells(byName.get("bools")!)).toEqual([1, 0, 1, 0]);
    expect(cells(byName.get("dates")!)).toEqual([
      Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2, 10, 30), Date.UTC(2024, 0, 3, 8, 30, 15, 500), Date.UTC(2024, 0, 4, 8),
    ]);
    // 2^53 + 1 is stored as the nearest double (documented limitation)
    expect(cells(byName.get("big")!)).toEqual([2 ** 53, 1, 2, 3]);
    // " NA" is not an NA token (pandas compares untrimmed), so the column is string
    expect(cells(byName.get("na_tokens")!)).toEqual([null, " NA", null, null]);
    expect(cells(byName.get("spaced")!)).toEqual([12, 13, 14, 15]);
    expect(cells(byName.get("all_missing")!)).toEqual([null, null, null, null]);
  });

  it.each([
    ["TRUE\nFalse\ntrue\nFALSE\nTrue\nfalse", "boolean"],
    ["1\ntrue", "string"],
    ["2024-01-01\n2024-02-30", "string"],
    ["2024-01-01T10:00:00-05:30\n2024-01-01", "datetime"],
    ["1.5\n2", "float"],
    ["0x10\n1", "string"],
    ["1_000\n1", "string"],
    [".5\n1.\n-Infinity\n+1.5E-3", "float"],
    ["#N/A\n#N/A N/A\n#NA\n-1.#IND\n-1.#QNAN\n-NaN\n-nan\n1.#IND\n1.#QNAN\n<NA>\nN/A\nNA\nNULL\nNaN\nNone\nn/a\nnan\nnull\n7", "integer"],
  ])("%j -> %s", (body, type) => {
    expect(parseCsv(csv(`x\n${body}\n`)).columns[0].type).toBe(type);
  });

  it("numbers are exact", () => {
    const values = ["0.1", "123456.789", "1e-7", "9007199254740993.5", "3.141592653589793238", "1e300", "2.5e-320"];
    const column = parseCsv(csv(`x\n${values.join("\n")}\n`)).columns[0];
    expect(cells(column)).toEqual(values.map(Number));
  });

  it("NA tokens are missing in string columns too", () => {
    expect(cells(parseCsv(csv("x\nNULL\nabc\n\"\"\nNone\n")).columns[0])).toEqual([null, "abc", null, null]);
  });

  it("a column that turns to text after typed rows is rebuilt from its first row (second scan)", () => {
    const column = parseCsv(csv("x,y\n1,a\nNA,b\n2.5,c\nabc,d\n1,e\n")).columns[0];
    expect(column.type).toBe("string");
    expect(cells(column)).toEqual(["1", null, "2.5", "abc", "1"]);
    if (column.type === "string") expect(column.dictionary).toEqual(["1", "2.5", "abc"]);
  });

  it("string dictionary: first-appearance order, quoted and unquoted spellings of one value share a code", () => {
    const column = parseCsv(csv('s\nNA\n"a""b"\na"b\né\n日本\n😀\n\n"é"\n')).columns[0];
    expect(cells(column)).toEqual([null, 'a"b', 'a"b', "é", "日本", "😀", "é"]);
    if (column.type === "string") expect(column.dictionary).toEqual(['a"b', "é", "日本", "😀"]);
  });

  it("a string dictionary past its first growth (thousands of distinct values) keeps every value", () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i % 2 ? `v${i}` : `ü${i}`));
    const column = parseCsv(csv(`s\n${values.join("\n")}\n${values.join("\n")}\n`)).columns[0];
    expect(cells(column)).toEqual([...values, ...values]);
  });
});

describe("parseCsv: the cell cap", () => {
  it("refuses a file whose rows x columns pass maxCells before allocating columns", () => {
    const csv = new TextEncoder().encode("a,b,c\n" + ",,\n".repeat(10));
    expect(() => parseCsv(csv, { maxCells: 29 })).toThrow(expect.objectContaining({ code: "too_many_cells" }));
    // A trailing newline, and blank lines after the last row, end a row but start none: exactly maxCells fit.
    expect(parseCsv(csv, { maxCells: 30 }).rowCount).toBe(10);
    expect(parseCsv(new TextEncoder().encode("a,b,c\n" + ",,\r\n".repeat(10) + "\r\n \n\t\n"), { maxCells: 30 }).rowCount).toBe(10);
    expect(parseCsv(new TextEncoder().encode("a,b,c\n" + ",,\n".repeat(9) + ",,"), { maxCells: 30 }).rowCount).toBe(10);
  });

  it("accepts exactly 4,000,000 cells with the default caps, whether or not the file ends with a newline", () => {
    const body = "1,2,3,4\n".repeat(1_000_000);
    for (const text of [`a,b,c,d\n${body}`, `a,b,c,d\n${body.slice(0, -1)}`]) {
      const table = parseCsv(new TextEncoder().encode(text));
      expect(table.rowCount * table.columns.length).toBe(4_000_000);
    }
    expect(() => parseCsv(new TextEncoder().encode(`a,b,c,d\n${body}1,2,3,4\n`))).toThrow(expect.objectContaining({ code: "too_many_cells" }));
  });
});
