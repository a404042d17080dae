import { EngineError } from "../errors";
import { fSf } from "../stats/f-sf";
import { median } from "../stats/median";
import { numpyMean } from "../stats/numpy-mean";
import { pairwiseSum } from "../stats/pairwise-sum";
import type { FTestResult } from "./one-way-anova";

export type LeveneCenter = "median" | "mean" | "trimmed";

/**
 * Levene's test for equal variances, as scipy.stats.levene(*groups, center, proportiontocut=0.05) (scipy
 * 1.10; center "median" is the Brown-Forsythe variant and scipy's default). With zᵢⱼ = |xᵢⱼ - cᵢ| for the
 * centre cᵢ of group i (median, mean, or the mean of the group trimmed by 5 % at each end),
 *
 *   W = (N - k) Σᵢ nᵢ (z̄ᵢ - z̄)² / ((k - 1) Σᵢ Σⱼ (zᵢⱼ - z̄ᵢ)²),   p = P(F_{k-1, N-k} > W),
 *
 * where for "trimmed" the whole computation uses the trimmed groups (as scipy does, so nᵢ and N shrink).
 * Fewer than two groups is an error, as scipy; constant groups give NaN. `groups` are the values per group
 * (missing values dropped).
 *
 * @example levene([new Float64Array([1, 2, 3, 4]), new Float64Array([2, 4, 6, 9])]).statistic // 2.4193548387096775
 */
export function levene(groups: readonly Float64Array[], center: LeveneCenter = "median"): FTestResult {
  const k = groups.length;
  if (k < 2) throw new EngineError("insufficient_data", `Levene's test needs at least two groups; there ${k === 1 ? "is 1" : "are 0"}.`);
  const samples = center === "trimmed" ? groups.map(trimBoth) : groups;
  const sizes = samples.map((g) => g.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const deviations = samples.map((g, i) => {
    const c = center === "median" ? median(g.slice(), g.length) : numpyMean(g, 0, g.length);
    const z = new Float64Array(g.length);
    for (let j = 0; j < g.length; j++) z[j] = Math.abs(g[j] - c);
    return z;
  });
  const zBars = deviations.map((z) => numpyMean(z, 0, z.length));
  let zBar = 0.0;
  for (let i = 0; i < k; i++) zBar += zBars[i] * sizes[i];
  zBar /= total;
  const between = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const d = zBars[i] - zBar;
    between[i] = sizes[i] * (d * d);
  }
  const numerator = (total - k) * pairwiseSum(between, 0, k);
  let within = 0.0;
  for (let i = 0; i < k; i++) {
    const z = deviations[i];
    const squares = new Float64Array(z.length);
    for (let j = 0; j < z.length; j++) {
      const d = z[j] - zBars[i];
      squares[j] = d * d;
    }
    within += pairwiseSum(squares, 0, z.length);
  }
  const w = numerator / ((k - 1.0) * within);
  const df: [number, number] = [k - 1, total - k];
  return { statistic: w, pValue: fSf(w, df[0], df[1]), df, sizes, warnings: [] };
}

/** scipy's `trimboth(sorted, 0.05)`: drop ⌊0.05·n⌋ values at each end of the sorted group. */
function trimBoth(g: Float64Array): Float64Array {
  const sorted = g.slice().sort();
  const cut = Math.trunc(0.05 * sorted.length);
  return sorted.subarray(cut, sorted.length - cut);
}
