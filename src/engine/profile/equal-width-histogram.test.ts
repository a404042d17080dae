import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { equalWidthHistogram, type Histogram } from "./equal-width-histogram.js";

interface Case {
  name: string;
  bins: number;
  values: Array<number | "nan" | "inf" | "-inf">;
  expected: Histogram | null;
}

const decode = (v: Case["values"][number]) => (v === "nan" ? NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : v);
const cases = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/histogram.expected.json"), "utf8")) as Case[];

describe("equalWidthHistogram", () => {
  // Exact: the edges are the same IEEE operations as numpy.linspace, the counts integers.
  it.each(cases.map((c) => [c.name, c] as const))("matches numpy.histogram: %s (scripts/reference/histogram_reference.py)", (_, c) => {
    expect(equalWidthHistogram(Float64Array.from(c.values, decode), c.bins)).toEqual(c.expected);
  });

  it("counts every finite value once and puts the maximum in the last bin", () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 1e3);
    const { counts, edges } = equalWidthHistogram(values, 20)!;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(edges).toHaveLength(21);
    expect(edges[20]).toBe(Math.max(...values));
  });

  it("reads a subarray as given", () => {
    const values = Float64Array.of(100, 1, 2, 3, -100);
    expect(equalWidthHistogram(values.subarray(1, 4), 2)).toEqual({ edges: [1, 2, 3], counts: [1, 2] });
  });

  it("has no answer for no values or no bins", () => {
    expect(equalWidthHistogram(new Float64Array(0), 5)).toBeNull();
    expect(equalWidthHistogram(Float64Array.of(1, 2), 0)).toBeNull();
  });
});
