import { describe, expect, it } from "vitest";
import { EngineError } from "../errors";
import { goldenFixtures } from "../golden/golden-fixtures";
import { andersonDarlingNormal } from "./anderson-darling-normal";
import { chiSquareContingency } from "./chi-square-contingency";
import { chiSquareGoodnessOfFit } from "./chi-square-goodness-of-fit";
import { jarqueBera } from "./jarque-bera";
import { kendallTau } from "./kendall-tau";
import { kolmogorovSmirnovNormal } from "./kolmogorov-smirnov-normal";
import { kruskalWallis } from "./kruskal-wallis";
import { kurtosisTest } from "./kurtosis-test";
import { levene, type LeveneCenter } from "./levene";
import { mannWhitneyU } from "./mann-whitney-u";
import { normalTest } from "./normal-test";
import { oneWayAnova } from "./one-way-anova";
import { shapiroWilk } from "./shapiro-wilk";
import { skewTest } from "./skew-test";
import { tTestIndependent } from "./t-test-independent";
import { tTestOneSample } from "./t-test-one-sample";
import { tTestPaired } from "./t-test-paired";
import type { Alternative } from "./test-result";
import { wilcoxonSignedRank, wilcoxonSignedRankPaired } from "./wilcoxon-signed-rank";

/**
 * Golden cases: every case in fixtures/cases.json was computed by scipy.stats 1.10.1 with its defaults
 * (scripts/golden/hypothesis.py, which documents the marked exceptions: exact or mpmath references, and
 * Shapiro-Wilk's float32 p-values). Statistics, degrees of freedom and sizes match to 1e-9 relative (1e-12
 * absolute near zero); p-values to 1e-9 relative down to 1e-300 (below, both must be under 1e-300: the
 * underflow region); scipy's errors are EngineErrors with the recorded code; a scipy warning must come with
 * at least one engine warning and vice versa.
 */
type Json = number | string | boolean | null | Json[] | { [key: string]: Json };
interface GoldenCase {
  id: string;
  test: string;
  input: Record<string, Json>;
  expected: Record<string, Json>;
  reference?: "mpmath" | "exact";
  tolerance?: "float32";
  note?: string;
}

const cases = goldenFixtures(new URL("./fixtures/", import.meta.url)).cases<GoldenCase>();

const number = (v: Json): number =>
  v === "NaN" ? Number.NaN : v === "Infinity" ? Number.POSITIVE_INFINITY : v === "-Infinity" ? Number.NEGATIVE_INFINITY : (v as number);
const vector = (v: Json): Float64Array => Float64Array.from((v as Json[]).map(number));

/**
 * The caller's side of scipy's nan_policy="omit" (cases marked "dropMissing"): missing values leave each
 * sample on its own ("per-sample"), or whole pairs leave paired samples ("pairs").
 */
function dropMissing(input: Record<string, Json>, values: Float64Array[]): Float64Array[] {
  if (input.dropMissing === "per-sample") return values.map((v) => v.filter((x) => !Number.isNaN(x)));
  if (input.dropMissing === "pairs") {
    const keep = values[0].map((_, i) => (values.every((v) => !Number.isNaN(v[i])) ? 1 : 0));
    return values.map((v) => v.filter((_, i) => keep[i] === 1));
  }
  return values;
}
const samples = (input: Record<string, Json>): Float64Array[] => dropMissing(input, (input.samples as Json[]).map(vector));
const single = (input: Record<string, Json>): Float64Array => dropMissing(input, [vector(input.x)])[0];
const alternative = (input: Record<string, Json>): Alternative => (input.alternative as Alternative | undefined) ?? "two-sided";

const RUN: Record<string, (input: Record<string, Json>) => object> = {
  shapiro: (i) => shapiroWilk(single(i), single(i).length),
  normaltest: (i) => normalTest(single(i), single(i).length),
  skewtest: (i) => skewTest(single(i), single(i).length, alternative(i)),
  kurtosistest: (i) => kurtosisTest(single(i), single(i).length, alternative(i)),
  kstest_norm: (i) => kolmogorovSmirnovNormal(single(i), single(i).length, alternative(i)),
  jarque_bera: (i) => jarqueBera(single(i), single(i).length),
  anderson: (i) => andersonDarlingNormal(single(i), single(i).length),
  ttest_1samp: (i) => {
    const [x] = samples(i);
    return tTestOneSample(x, x.length, i.populationMean as number, alternative(i));
  },
  ttest_ind: (i) => {
    const [a, b] = samples(i);
    return tTestIndependent(a, a.length, b, b.length, i.equalVariances as boolean, alternative(i));
  },
  ttest_rel: (i) => {
    const [a, b] = samples(i);
    return tTestPaired(a, b, Math.max(a.length, b.length), alternative(i));
  },
  mannwhitneyu: (i) => {
    const [x, y] = samples(i);
    return mannWhitneyU(x, x.length, y, y.length, alternative(i));
  },
  wilcoxon: (i) => {
    const s = samples(i);
    if (s.length === 1) return wilcoxonSignedRank(s[0], s[0].length, alternative(i));
    return wilcoxonSignedRankPaired(s[0], s[1], Math.max(s[0].length, s[1].length), alternative(i));
  },
  f_oneway: (i) => oneWayAnova(samples(i)),
  kruskal: (i) => kruskalWallis(samples(i)),
  levene: (i) => levene(samples(i), i.center as LeveneCenter),
  chi2_contingency: (i) => chiSquareContingency(vector(i.table), i.rows as number, i.columns as number),
  chisquare: (i) => {
    const observed = vector(i.observed);
    const expected = i.expected === undefined ? undefined : vector(i.expected);
    const expectedAre = i.expectedAre as "counts" | "proportions" | undefined;
    return chiSquareGoodnessOfFit(observed, observed.length, { expected, expectedAre, ddof: i.ddof as number });
  },
  kendalltau: (i) => {
    const [x, y] = samples(i);
    return kendallTau(x, y, Math.max(x.length, y.length), alternative(i));
  },
};

/** Differences between an engine value and a golden one, as readable paths (empty when equal). */
function compare(actual: unknown, expected: Json, path: string, pValue: boolean, float32: boolean): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`];
    return expected.flatMap((e, k) => compare(actual[k], e, `${path}[${k}]`, pValue, float32));
  }
  if (typeof expected === "string" && !["NaN", "Infinity", "-Infinity"].includes(expected)) {
    return actual === expected ? [] : [`${path}: ${String(actual)} != ${expected}`];
  }
  if (typeof expected === "boolean") return actual === expected ? [] : [`${path}: ${String(actual)} != ${expected}`];
  const e = number(expected);
  if (typeof actual !== "number") return [`${path}: ${String(actual)} is not a number (expected ${e})`];
  if (Number.isNaN(e) || !Number.isFinite(e)) return Object.is(actual, e) ? [] : [`${path}: ${actual} != ${e}`];
  const diff = Math.abs(actual - e);
  const scale = Math.max(Math.abs(actual), Math.abs(e));
  let ok: boolean;
  if (float32 && pValue) ok = diff <= Math.max(2e-5 * scale, 1e-6);
  else if (pValue) ok = diff <= 1e-9 * scale || (Math.abs(actual) < 1e-300 && Math.abs(e) < 1e-300);
  else ok = diff <= Math.max(1e-9 * scale, 1e-12);
  return ok ? [] : [`${path}: ${actual} != ${e} (rel ${(diff / scale).toExponential(2)})`];
}

describe("hypothesis tests against scipy.stats 1.10", () => {
  it("has at least 250 cases, every test covered", () => {
    expect(cases.length).toBeGreaterThanOrEqual(250);
    expect(new Set(cases.map((c) => c.test))).toEqual(new Set(Object.keys(RUN)));
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    const run = RUN[golden.test];
    if (golden.expected.error !== undefined) {
      expect(() => run(golden.input)).toThrowError(EngineError);
      try {
        run(golden.input);
      } catch (error) {
        expect((error as EngineError).code).toBe(golden.expected.error);
      }
      return;
    }
    const actual = run(golden.input) as Record<string, unknown> & { warnings: string[] };
    const problems: string[] = [];
    for (const [key, value] of Object.entries(golden.expected)) {
      if (key === "warns") {
        if (actual.warnings.length > 0 !== value) problems.push(`warnings: ${JSON.stringify(actual.warnings)} but scipy warned: ${value}`);
        continue;
      }
      problems.push(...compare(actual[key], value, key, key === "pValue", golden.tolerance === "float32"));
    }
    expect(problems).toEqual([]);
  });
});
