import { describe, expect, it } from "vitest";
import fixtures from "./fixtures/distribution-fixtures.json";
import { histogramBins, niceBinWidth } from "./histogram-bins";

describe("histogramBins against numpy.histogram (fixtures/make-fixtures.py)", () => {
  for (const [name, c] of Object.entries(fixtures)) {
    it(name, () => {
      const bins = histogramBins(Float64Array.from(c.values));
      expect(bins.edges).toEqual(c.histogram.edges);
      expect(bins.counts).toEqual(c.histogram.counts);
      expect(bins.counts.reduce((a, b) => a + b, 0)).toBe(c.values.length);
    });
  }

  it("picks 1-2-5 widths and 10 to 40 bins", () => {
    expect(niceBinWidth(0, 100)).toBe(5);
    expect(niceBinWidth(0, 1)).toBe(0.05);
    expect(niceBinWidth(-2000, 8000)).toBe(500);
    for (const [lo, hi] of [[0, 1], [3, 1017], [-0.004, 0.0031], [1e9, 1e9 + 7]]) {
      const { counts } = histogramBins(Float64Array.of(lo, hi));
      expect(counts.length).toBeGreaterThanOrEqual(10);
      expect(counts.length).toBeLessThanOrEqual(40);
    }
  });

  it("keeps every edge finite for values near ±1.8e308, and counts every value", () => {
    for (const values of [[-1e308, 1e308, 0], [-1.7e308, 1.7e308], [-Number.MAX_VALUE, Number.MAX_VALUE, 5], [1e308, 1.7e308]]) {
      const { edges, counts } = histogramBins(Float64Array.from(values));
      expect(edges.every(Number.isFinite), String(values)).toBe(true);
      expect(edges[0]).toBeLessThanOrEqual(Math.min(...values));
      expect(edges[edges.length - 1]).toBeGreaterThanOrEqual(Math.max(...values));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(values.length);
    }
    // Nice edges are kept where they fit: 1e307 steps from -1e308 to 1e308.
    expect(histogramBins(Float64Array.of(-1e308, 1e308)).edges).toHaveLength(21);
  });

  it("prints decimal edges without float noise and counts the maximum in the last bin", () => {
    const { edges, counts } = histogramBins(Float64Array.of(0.1, 0.2, 0.3, 0.7, 1.3));
    expect(edges.every((e) => String(e).length <= 5)).toBe(true);
    expect(counts[counts.length - 1]).toBe(1);
  });

  it("gives no bins for no values", () => {
    expect(histogramBins(new Float64Array(0))).toEqual({ edges: [], counts: [] });
  });
});
