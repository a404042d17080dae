import { EngineError } from "../errors";
import { averageRanksWithTies } from "../stats/average-ranks-with-ties";
import { chiSquareSf } from "../stats/chi-square-sf";
import { pairwiseSum } from "../stats/pairwise-sum";
import type { TestResult } from "./test-result";

export interface KruskalWallisResult extends TestResult {
  /** Degrees of freedom of the chi-square reference distribution, k - 1. */
  df: number;
}

/**
 * Kruskal-Wallis H test, as scipy.stats.kruskal(*groups) (scipy 1.10): with average ranks over all N values
 * and R_g the rank sum of group g,
 *
 *   H = (12/(N(N+1)) Σ_g R_g²/n_g - 3(N+1)) / (1 - Σ(t³ - t)/(N³ - N)),   p = P(χ²_{k-1} > H),
 *
 * the denominator correcting for groups of t tied values. As scipy: fewer than two groups, or all values
 * equal, is an error; an empty group gives NaN. `groups` are the values per group (missing values dropped).
 *
 * @example kruskalWallis([new Float64Array([1, 3, 5, 7, 9]), new Float64Array([2, 4, 6, 8, 10])]).statistic // 0.2727272727272734
 */
export function kruskalWallis(groups: readonly Float64Array[]): KruskalWallisResult {
  const k = groups.length;
  if (k < 2) throw new EngineError("insufficient_data", `The Kruskal-Wallis test needs at least two groups; there ${k === 1 ? "is 1" : "are 0"}.`);
  const sizes = groups.map((g) => g.length);
  const df = k - 1;
  if (sizes.some((n) => n === 0)) return { statistic: Number.NaN, pValue: Number.NaN, df, sizes, warnings: [] };
  const total = sizes.reduce((a, b) => a + b, 0);
  const all = new Float64Array(total);
  let offset = 0;
  for (const g of groups) {
    all.set(g, offset);
    offset += g.length;
  }
  const { ranks, tieSizes, groups: distinct } = averageRanksWithTies(all, total);
  const ties = tieCorrection(tieSizes, distinct, total);
  if (ties === 0) throw new EngineError("insufficient_data", "The Kruskal-Wallis test is undefined when all values are equal.");
  let ssBetween = 0;
  offset = 0;
  for (const n of sizes) {
    const s = pairwiseSum(ranks, offset, n);
    ssBetween += (s * s) / n;
    offset += n;
  }
  const h = ((12.0 / (total * (total + 1))) * ssBetween - 3 * (total + 1)) / ties;
  return { statistic: h, pValue: chiSquareSf(h, df), df, sizes, warnings: [] };
}

/** scipy's `tiecorrect`: 1 - Σ(t³ - t)/(N³ - N) over the groups of t equal values (1 below two values). */
function tieCorrection(tieSizes: Float64Array, groups: number, n: number): number {
  if (n < 2) return 1;
  const terms = new Float64Array(groups);
  for (let g = 0; g < groups; g++) terms[g] = tieSizes[g] ** 3 - tieSizes[g];
  return 1.0 - pairwiseSum(terms, 0, groups) / (n ** 3 - n);
}
