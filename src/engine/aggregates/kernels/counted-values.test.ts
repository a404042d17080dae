import { describe, expect, it } from "vitest";
import { countValues } from "./counted-values";

/** Order statistics by counting against a full sort of the same values (an exact computation). */
describe("countValues", () => {
  const all = (values: Float64Array) => Uint32Array.from(values, (_, i) => i);

  it("gives every order statistic a sort gives, for few-decimal values with gaps, negatives and ties", () => {
    let seed = 3;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (const decimals of [0, 1, 2, 3]) {
      const values = Float64Array.from({ length: 3000 }, (_, i) => (i % 17 === 0 ? Number.NaN : Number((next() * 40 - 20).toFixed(decimals))));
      const sorted = [...values].filter((v) => v === v).sort((a, b) => a - b);
      const counted = countValues(values, all(values))!;
      expect(counted.n).toBe(sorted.length);
      for (const k of [0, 1, 7, 500, sorted.length >> 1, sorted.length - 2, sorted.length - 1]) expect(counted.at(k)).toBe(sorted[k]);
    }
    const rows = Uint32Array.of(4, 1, 1);
    expect(countValues(Float64Array.of(0.5, 2.25, 9, 9, -1.5), rows)!.at(2)).toBe(2.25);
  });

  it("declines values off a decimal grid, wide ranges, huge magnitudes and no values", () => {
    expect(countValues(Float64Array.of(1 / 3, 1), Uint32Array.of(0, 1))).toBeNull();
    expect(countValues(Float64Array.of(0, 70_000), Uint32Array.of(0, 1))).toBeNull();
    expect(countValues(Float64Array.of(2 ** 53, 2 ** 53 + 2), Uint32Array.of(0, 1))).toBeNull();
    expect(countValues(Float64Array.of(Number.NaN), Uint32Array.of(0))).toBeNull();
  });
});
