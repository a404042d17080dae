import { EngineError } from "../errors";
import { averageRanks } from "../stats/average-ranks";
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
 * @example kruskalWallis([new Float64Array([1, 3, 5, 7, 9]), new Float64Array([2, 4, 6, 8, 10])]).statistic // 0.2727...
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
  const ranks = averageRanks(all, total);
  const ties = tieCorrection(ranks, total);
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

/** scipy's `tiecorrect`: 1 - Σ(t³ - t)/(N³ - N) over groups of t equal ranks (1 below two values). */
function tieCorrection(ranks: Float64Array, n: number): number {
  if (n < 2) return 1;
  const sorted = ranks.slice().sort();
  const terms: number[] = [];
  for (let first = 0; first < n; ) {
    let last = first;
    while (last + 1 < n && sorted[last + 1] === sorted[first]) last++;
    const t = last - first + 1;
    terms.push(t * t * t - t);
    first = last + 1;
  }
  return 1.0 - pairwiseSum(Float64Array.from(terms), 0, terms.length) / (n ** 3 - n);
}
