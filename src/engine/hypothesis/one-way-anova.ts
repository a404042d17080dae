import { EngineError } from "../errors";
import { fSf } from "../stats/f-sf";
import { pairwiseSum } from "../stats/pairwise-sum";
import type { TestResult } from "./test-result";

export interface FTestResult extends TestResult {
  /** Degrees of freedom of the F distribution: [between groups (k - 1), within groups (N - k)]. */
  df: [number, number];
}

/**
 * One-way analysis of variance, as scipy.stats.f_oneway(*groups) (scipy 1.10), with scipy's numerics: all
 * values are centred on the grand mean first, then
 *
 *   SS_total = Σ y² - (Σ y)²/N,   SS_between = Σ_g (Σ_g y)²/n_g - (Σ y)²/N,   SS_within = SS_total - SS_between,
 *   F = (SS_between/(k-1)) / (SS_within/(N-k)),   p = P(F_{k-1, N-k} > F),
 *
 * sums pairwise as numpy's. As scipy: fewer than two groups is an error; an empty group, or every group of
 * one value, gives NaN with a warning; every group constant gives F = ∞, p = 0 (NaN when all groups share one
 * value), with a warning. `groups` are the values per group (missing values already dropped).
 *
 * @example oneWayAnova([new Float64Array([1, 2, 3]), new Float64Array([4, 5, 6])]).statistic // 13.5
 */
export function oneWayAnova(groups: readonly Float64Array[]): FTestResult {
  const k = groups.length;
  if (k < 2) throw new EngineError("insufficient_data", `A one-way ANOVA needs at least two groups; there ${k === 1 ? "is 1" : "are 0"}.`);
  const sizes = groups.map((g) => g.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const df: [number, number] = [k - 1, total - k];
  const nan = (warning: string): FTestResult => ({ statistic: Number.NaN, pValue: Number.NaN, df, sizes, warnings: [warning] });
  if (sizes.some((n) => n === 0)) return nan("A group has no values: the F statistic is undefined.");
  if (sizes.every((n) => n === 1)) return nan("Every group has a single value: the F statistic needs a group with more.");
  const all = new Float64Array(total);
  let offset = 0;
  for (const g of groups) {
    all.set(g, offset);
    offset += g.length;
  }
  const warnings: string[] = [];
  const allConstant = groups.every(isConstant);
  if (allConstant) warnings.push("Every group is constant: the F statistic is infinite or undefined.");
  const sameValue = allConstant && all.every((v) => v === all[0]);
  const grandMean = pairwiseSum(all, 0, total) / total;
  for (let i = 0; i < total; i++) all[i] -= grandMean;
  const sum = pairwiseSum(all, 0, total);
  const normalized = (sum * sum) / total;
  const squares = new Float64Array(total);
  for (let i = 0; i < total; i++) squares[i] = all[i] * all[i];
  const ssTotal = pairwiseSum(squares, 0, total) - normalized;
  let ssBetween = 0;
  const centred = squares;
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) centred[i] = g[i] - grandMean;
    const s = pairwiseSum(centred, 0, g.length);
    ssBetween += (s * s) / g.length;
  }
  ssBetween -= normalized;
  const ssWithin = ssTotal - ssBetween;
  const f = ssBetween / df[0] / (ssWithin / df[1]);
  if (allConstant) {
    return { statistic: sameValue ? Number.NaN : Number.POSITIVE_INFINITY, pValue: sameValue ? Number.NaN : 0, df, sizes, warnings };
  }
  // scipy calls special.fdtrc directly, which is NaN below 0 (a rounding-negative between-group sum).
  const pValue = f < 0 ? Number.NaN : fSf(f, df[0], df[1]);
  return { statistic: f, pValue, df, sizes, warnings };
}

function isConstant(g: Float64Array): boolean {
  for (let i = 1; i < g.length; i++) if (g[i] !== g[0]) return false;
  return true;
}
