import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { normalProbabilityPlot } from "./normal-probability-plot";

/** scipy.stats.probplot(x, dist="norm") references (scripts/golden/inference.py), at 1e-9 relative. */
interface ProbplotCase { values: number[]; theoretical: number[]; ordered: number[]; slope: number; intercept: number; r: number }
const cases: ProbplotCase[] = JSON.parse(readFileSync(fileURLToPath(new URL("./fixtures/probplot.json", import.meta.url).href), "utf8"));

const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1e-9 * Math.abs(b), 1e-12);

describe("normalProbabilityPlot against scipy.stats.probplot", () => {
  it.each(cases.map((c) => [c.values.length, c] as const))("n = %i", (_n, golden) => {
    const plot = normalProbabilityPlot(Float64Array.from(golden.values));
    expect(Array.from(plot.ordered)).toEqual(golden.ordered);
    expect(Array.from(plot.theoretical).every((v, i) => close(v, golden.theoretical[i]))).toBe(true);
    expect([close(plot.slope, golden.slope), close(plot.intercept, golden.intercept), close(plot.r, golden.r)]).toEqual([true, true, true]);
  });
});
