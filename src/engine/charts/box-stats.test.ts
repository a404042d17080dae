import { describe, expect, it } from "vitest";
import { boxStats, quantileSorted } from "./box-stats";
import fixtures from "./fixtures/distribution-fixtures.json";

describe("boxStats against pandas/matplotlib (fixtures/make-fixtures.py)", () => {
  for (const [name, c] of Object.entries(fixtures)) {
    it(name, () => {
      // Quartiles to the last bit (numpy's lerp), whiskers and outliers exactly.
      expect(boxStats(Float64Array.from(c.values))).toEqual(c.box);
    });
  }

  it("is null for no values and does not reorder its input", () => {
    expect(boxStats(new Float64Array(0))).toBeNull();
    const input = Float64Array.of(3, 1, 2);
    boxStats(input);
    expect([...input]).toEqual([3, 1, 2]);
  });

  it("interpolates like numpy.percentile(linear)", () => {
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.25)).toBe(1.75);
    expect(quantileSorted(Float64Array.of(7), 0.75)).toBe(7);
  });
});
