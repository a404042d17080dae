import { EngineError } from "../errors";
import { averageRanksWithTies } from "../stats/average-ranks-with-ties";
import { mannWhitneyUSf } from "../stats/mann-whitney-u-sf";
import { normalSf } from "../stats/normal-sf";
import type { Alternative, TestResult } from "./test-result";

export interface MannWhitneyUResult extends TestResult {
  /** How the p-value was computed, as scipy's method="auto" chooses. */
  method: "exact" | "asymptotic";
}

/**
 * Mann-Whitney U test, as scipy.stats.mannwhitneyu(x, y, use_continuity=True, alternative, method="auto")
 * (scipy 1.10). With average ranks of the pooled values and R₁ the rank sum of the first sample,
 *
 *   U₁ = R₁ - n₁(n₁+1)/2 (the statistic reported),   U₂ = n₁n₂ - U₁,
 *   U = U₁ ("greater"), U₂ ("less"), max(U₁, U₂) (two-sided, p doubled, capped at 1).
 *
 * Method "auto": exact when a sample has at most 8 values and no value is tied, else asymptotic:
 *
 *   exact:      p = P(U' >= U) under the null distribution of U (mannWhitneyUSf)
 *   asymptotic: z = (U - n₁n₂/2 - ½) / √(n₁n₂/12 · ((n+1) - Σ(t³ - t)/(n(n-1)))),   p = P(Z > z)
 *
 * with the continuity correction ½ and the tie correction over groups of t equal values. An empty sample
 * is an error, as scipy raises. The caller drops missing values from each sample.
 *
 * @example mannWhitneyU(new Float64Array([19, 22, 16, 29, 24]), 5, new Float64Array([20, 11, 17, 12]), 4).pValue // 0.1111111111111111
 */
export function mannWhitneyU(
  x: Float64Array,
  n1: number,
  y: Float64Array,
  n2: number,
  alternative: Alternative = "two-sided",
): MannWhitneyUResult {
  if (n1 === 0 || n2 === 0) {
    throw new EngineError("insufficient_data", "The Mann-Whitney U test needs at least one value in each sample.");
  }
  const n = n1 + n2;
  const pooled = new Float64Array(n);
  pooled.set(x.subarray(0, n1), 0);
  pooled.set(y.subarray(0, n2), n1);
  const { ranks, tieSizes, groups } = averageRanksWithTies(pooled, n);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i];
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const u = alternative === "greater" ? u1 : alternative === "less" ? u2 : Math.max(u1, u2);
  const factor = alternative === "two-sided" ? 2 : 1;
  let tieTerm = 0;
  for (let g = 0; g < groups; g++) tieTerm += tieSizes[g] ** 3 - tieSizes[g];
  const method = (n1 > 8 && n2 > 8) || tieTerm > 0 ? "asymptotic" : "exact";
  let p: number;
  if (method === "exact") {
    p = mannWhitneyUSf(Math.trunc(u), n1, n2);
  } else {
    const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
    p = normalSf((u - (n1 * n2) / 2 - 0.5) / s);
  }
  p = Math.min(1, Math.max(0, p * factor));
  return { statistic: u1, pValue: p, method, sizes: [n1, n2], warnings: [] };
}
