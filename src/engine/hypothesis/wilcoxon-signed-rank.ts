import { EngineError } from "../errors";
import { averageRanksWithTies } from "../stats/average-ranks-with-ties";
import { wilcoxonSignedRankCounts } from "../stats/wilcoxon-signed-rank-counts";
import { normalPValue } from "./normal-p-value";
import type { Alternative, TestResult } from "./test-result";

export interface WilcoxonSignedRankResult extends TestResult {
  /** How the p-value was computed, as scipy's method="auto" chooses. */
  method: "exact" | "asymptotic";
  /** Differences equal to zero; dropped (zero_method "wilcox") when the normal approximation is used. */
  zeroDifferences: number;
}

/**
 * Wilcoxon signed-rank test, as scipy.stats.wilcoxon(d, zero_method="wilcox", correction=False,
 * alternative, method="auto") (scipy 1.10), on the differences d (one sample of differences, or aᵢ - bᵢ of
 * two paired samples: see wilcoxonSignedRankPaired). With average ranks of |dᵢ| and R⁺, R⁻ the rank sums of
 * the positive and negative differences, the statistic is min(R⁺, R⁻) two-sided and R⁺ one-sided.
 *
 * Method, as scipy 1.10 decides: exact for at most 50 differences, but the normal approximation when any
 * difference is zero (with a warning); the approximation drops the zeros and uses
 *
 *   z = (T - n(n+1)/4) / √(n(n+1)(2n+1)/24 - Σ t(t²-1)/48)      (t: sizes of groups of tied ranks)
 *
 * and warns below 10 differences. The exact p-value sums the null distribution of R⁺ (2ⁿ sign patterns); as
 * scipy 1.10 does, a tied (half-integer) R⁺ is truncated to an integer there. All differences zero is an
 * error (scipy raises); no differences gives NaN. The caller drops missing values (pairs with a missing side).
 *
 * @example wilcoxonSignedRank(new Float64Array([6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]), 15).pValue // 0.041259765625
 */
export function wilcoxonSignedRank(
  differences: Float64Array,
  length: number,
  alternative: Alternative = "two-sided",
): WilcoxonSignedRankResult {
  if (length === 0) {
    return { statistic: Number.NaN, pValue: Number.NaN, method: "exact", zeroDifferences: 0, sizes: [0], warnings: [] };
  }
  const warnings: string[] = [];
  let zeros = 0;
  for (let i = 0; i < length; i++) if (differences[i] === 0) zeros++;
  let method: "exact" | "asymptotic" = length <= 50 ? "exact" : "asymptotic";
  if (zeros > 0 && method === "exact") {
    method = "asymptotic";
    warnings.push("Some differences are zero, so the exact p-value cannot be used: the normal approximation is used instead.");
  }
  let d = differences.subarray(0, length);
  if (method === "asymptotic") {
    if (zeros === length) {
      throw new EngineError("insufficient_data", "The Wilcoxon signed-rank test needs a non-zero difference; every difference is zero.");
    }
    if (zeros > 0) d = d.filter((v) => v !== 0);
  }
  const n = d.length;
  if (method === "asymptotic" && n < 10) {
    warnings.push(`The normal approximation is rough for fewer than 10 non-zero differences; there are ${n}.`);
  }
  const magnitudes = d.map(Math.abs);
  const { ranks, tieSizes, groups } = averageRanksWithTies(magnitudes, n);
  let rPlus = 0;
  let rMinus = 0;
  for (let i = 0; i < n; i++) {
    if (d[i] > 0) rPlus += ranks[i];
    else if (d[i] < 0) rMinus += ranks[i];
  }
  const statistic = alternative === "two-sided" ? Math.min(rPlus, rMinus) : rPlus;
  let pValue: number;
  if (method === "asymptotic") {
    const mean = n * (n + 1) * 0.25;
    let variance = n * (n + 1) * (2 * n + 1);
    let ties = 0;
    for (let g = 0; g < groups; g++) if (tieSizes[g] > 1) ties += tieSizes[g] * (tieSizes[g] * tieSizes[g] - 1);
    variance -= 0.5 * ties;
    const z = (statistic - mean) / Math.sqrt(variance / 24);
    pValue = normalPValue(z, alternative);
  } else {
    pValue = exactP(Math.trunc(rPlus), n, alternative);
  }
  return { statistic, pValue, method, zeroDifferences: zeros, sizes: [n], warnings };
}

/** Exact p-value of R⁺ = r from the null counts (exact dyadic sums: counts < 2⁵³ for n <= 50). */
function exactP(r: number, n: number, alternative: Alternative): number {
  const counts = wilcoxonSignedRankCounts(n);
  const top = counts.length - 1;
  const scale = 2 ** -n;
  let below = 0;
  for (let k = 0; k <= Math.min(r, top); k++) below += counts[k];
  let above = 0;
  for (let k = Math.max(r, 0); k <= top; k++) above += counts[k];
  let p: number;
  if (alternative === "greater") p = above * scale;
  else if (alternative === "less") p = below * scale;
  else if (r === Math.floor(top / 2)) p = 1;
  else p = 2 * Math.min(above, below) * scale;
  return Math.min(1, Math.max(0, p));
}

/**
 * The Wilcoxon signed-rank test of two paired samples, as scipy.stats.wilcoxon(a, b, …): the test of the
 * differences aᵢ - bᵢ (see wilcoxonSignedRank). `a` and `b` hold the pairs in the same order (both at least
 * `length` values); the caller drops every pair with a missing side.
 *
 * @example wilcoxonSignedRankPaired(new Float64Array([5, 7, 9]), new Float64Array([4, 8, 6]), 3).statistic // 1.5
 */
export function wilcoxonSignedRankPaired(
  a: Float64Array,
  b: Float64Array,
  length: number,
  alternative: Alternative = "two-sided",
): WilcoxonSignedRankResult {
  if (a.length < length || b.length < length) {
    throw new EngineError("invalid_input", "The paired Wilcoxon test needs two samples of the same length.");
  }
  const differences = new Float64Array(length);
  for (let i = 0; i < length; i++) differences[i] = a[i] - b[i];
  return wilcoxonSignedRank(differences, length, alternative);
}
