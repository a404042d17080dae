import { describe, expect, it } from "vitest";
import { encodeKeyColumn } from "./encode-key-column";
import { formatIsoInstant } from "./format-iso-instant";

describe("formatIsoInstant", () => {
  it("equals Date's toISOString at the edges and over 200,000 spread instants", () => {
    const edges = [0, -1, 1, -62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), 8.64e15, -8.64e15];
    for (const ms of edges) expect(formatIsoInstant(ms)).toBe(new Date(ms).toISOString());
    let seed = 11;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 200_000; i++) {
      const ms = Math.floor((next() - 0.5) * 2 * (i % 2 === 0 ? 8.64e15 : 3e12));
      if (formatIsoInstant(ms) !== new Date(ms).toISOString()) expect(formatIsoInstant(ms)).toBe(new Date(ms).toISOString());
    }
  });
});

describe("encodeKeyColumn on a grid of whole numbers", () => {
  const rows = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

  it("ranks dates whole days apart, and calendar months, in key order with ISO keys", () => {
    const day = 86_400_000;
    const values = Float64Array.of(Date.UTC(2024, 2, 1), Date.UTC(2020, 0, 1), Number.NaN, Date.UTC(2024, 2, 1), Date.UTC(2022, 6, 9) + 3 * day);
    const key = encodeKeyColumn({ name: "d", type: "datetime", values }, rows(5))!;
    expect(Array.from(key.ranks)).toEqual([2, 0, -1, 2, 1]);
    expect([0, 1, 2].map(key.keyOf)).toEqual(["2020-01-01T00:00:00.000Z", "2022-07-12T00:00:00.000Z", "2024-03-01T00:00:00.000Z"]);
  });

  it("ranks integers on a step and falls back past a small grid; refuses past the limit", () => {
    const stepped = encodeKeyColumn({ name: "n", type: "integer", values: Float64Array.of(3e9, -6e9, 9e9, 3e9) }, rows(4))!;
    expect(Array.from(stepped.ranks)).toEqual([1, 0, 2, 1]);
    expect([0, 1, 2].map(stepped.keyOf)).toEqual([-6e9, 3e9, 9e9]);
    const wide = encodeKeyColumn({ name: "n", type: "integer", values: Float64Array.of(0, 1, 2 ** 40) }, rows(3))!;
    expect([0, 1, 2].map(wide.keyOf)).toEqual([0, 1, 2 ** 40]);
    expect(encodeKeyColumn({ name: "n", type: "integer", values: Float64Array.of(0, 7, 14) }, rows(3), 2)).toBeNull();
  });

  it("reuses a whole column's grid for later plans and for subsets of its rows", () => {
    const column = { name: "n", type: "integer" as const, values: Float64Array.of(30, 10, Number.NaN, 50, 10) };
    expect(Array.from(encodeKeyColumn(column, rows(5))!.ranks)).toEqual([1, 0, -1, 2, 0]);
    const subset = encodeKeyColumn(column, Uint32Array.of(3, 0))!;
    expect([Array.from(subset.ranks), subset.cardinality, subset.keyOf(0), subset.keyOf(1)]).toEqual([[1, 0], 2, 30, 50]);
    expect(encodeKeyColumn(column, Uint32Array.of(2))!.cardinality).toBe(0);
  });
});
