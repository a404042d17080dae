import { Column as ArrowColumn } from "@uwdata/flechette";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/parse-csv.js";
import { EngineError } from "../errors.js";
import { decodeSnapshot, encodeSnapshot } from "./snapshot.js";
import type { Table } from "./types.js";

const plain = (table: Table) =>
  JSON.parse(JSON.stringify(table, (_, v) => (v instanceof Float64Array ? Array.from(v, (x) => (Number.isNaN(x) ? "NaN" : x)) : v instanceof Int32Array ? Array.from(v) : v)));

describe("snapshot", () => {
  it("round-trips every column type, NaN, names and order exactly", () => {
    const table = parseCsv(new TextEncoder().encode(
      '__proto__,constructor,a,a,s,b,d\n1,1.5,x,2,"é, ""q""",true,2024-01-01T10:00Z\n2,NA,,3,NA,,\n',
    ));
    const decoded = decodeSnapshot(encodeSnapshot(table));
    expect(decoded.columns.map((c) => [c.name, c.type])).toEqual([
      ["__proto__", "integer"], ["constructor", "float"], ["a", "string"], ["a_2", "integer"], ["s", "string"],
      ["b", "boolean"], ["d", "datetime"],
    ]);
    expect(plain(decoded)).toEqual(plain(table));
  });

  it("keeps an empty dictionary and zero rows", () => {
    const empty: Table = {
      rowCount: 2,
      columns: [{ name: "s", type: "string", codes: new Int32Array([-1, -1]), dictionary: [] }],
    };
    expect(plain(decodeSnapshot(encodeSnapshot(empty)))).toEqual(plain(empty));
    const none: Table = {
      rowCount: 0,
      columns: [
        { name: "s", type: "string", codes: new Int32Array(0), dictionary: [] },
        { name: "f", type: "float", values: new Float64Array(0) },
      ],
    };
    expect(plain(decodeSnapshot(encodeSnapshot(none)))).toEqual(plain(none));
  });

  it("decodes from an unaligned buffer", () => {
    const table = parseCsv(new TextEncoder().encode("x,y\n1,a\n2,b\n"));
    const bytes = encodeSnapshot(table);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(plain(decodeSnapshot(shifted.subarray(3)))).toEqual(plain(table));
  });

  it("refuses bytes that are not a snapshot", () => {
    expect(() => decodeSnapshot(new Uint8Array([1, 2, 3, 4]))).toThrow(EngineError);
  });

  it("maps byte offsets to string offsets in a non-ASCII dictionary (2-, 3-, 4-byte characters, empty entry)", () => {
    const dictionary = ["a", "é", "", "日本語", "😀x", "z😀😀", "plain", "\u{10FFFF}"];
    const table: Table = {
      rowCount: 9,
      columns: [{ name: "s", type: "string", codes: new Int32Array([0, 1, 2, 3, 4, 5, 6, 7, -1]), dictionary }],
    };
    expect(plain(decodeSnapshot(encodeSnapshot(table)))).toEqual(plain(table));
  });

  it("encodes lone surrogates as TextEncoder does (U+FFFD), also when two entries would join into a pair", () => {
    const table: Table = {
      rowCount: 4,
      columns: [{ name: "s", type: "string", codes: new Int32Array([0, 1, 2, 3]), dictionary: ["a\uD83D", "\uDE00b", "\uDC00", "é"] }],
    };
    const decoded = decodeSnapshot(encodeSnapshot(table)).columns[0];
    expect(decoded.type === "string" && decoded.dictionary).toEqual(["a\uFFFD", "\uFFFDb", "\uFFFD", "é"]);
  });

  it("leaves flechette's Column.cache as it found it, also after a refused snapshot", () => {
    const cache = ArrowColumn.prototype.cache;
    decodeSnapshot(encodeSnapshot(parseCsv(new TextEncoder().encode("s\na\n"))));
    expect(() => decodeSnapshot(new Uint8Array([1, 2, 3, 4]))).toThrow(EngineError);
    expect(ArrowColumn.prototype.cache).toBe(cache);
  });
});
