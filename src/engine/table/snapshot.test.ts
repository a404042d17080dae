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
});
