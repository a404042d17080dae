import { EngineError } from "../errors";
import { argsortFloat64 } from "../stats/argsort-float64";
import { kendallTauExactP } from "../stats/kendall-tau-exact-p";
import { normalPValue } from "./normal-p-value";
import type { Alternative, TestResult } from "./test-result";

export interface KendallTauResult extends TestResult {
  /** How the p-value was computed, as scipy's method="auto" chooses. */
  method: "exact" | "asymptotic";
}

/**
 * Kendall's tau-b rank correlation and its test of independence, as scipy.stats.kendalltau(x, y,
 * variant="b", method="auto", alternative) (scipy 1.10). Over the n pairs, with P - Q concordant minus
 * discordant pairs and n_x, n_y the pairs tied in x, in y (counted in O(n log n): sort by (x, y), count
 * inversions of y),
 *
 *   τ_b = (P - Q) / √((n₀ - n_x)(n₀ - n_y)),   n₀ = n(n-1)/2,
 *
 * p-value exact (kendallTauExactP) when nothing is tied and n <= 33 or at most one pair is out of order,
 * else from the normal approximation of P - Q with the tie-corrected variance
 *
 *   Var = (v₀ - Σt(t-1)(2t+5) - Σu(u-1)(2u+5))/18 + 2n_x n_y/(n(n-1)) + Σt(t-1)(t-2) Σu(u-1)(u-2)/(9n(n-1)(n-2)).
 *
 * Undefined (NaN) when every pair is tied in x or in y, or there are no pairs, as scipy. `x` and `y` hold
 * the pairs in order; the caller drops every pair with a missing side.
 *
 * @example kendallTau(new Float64Array([12, 2, 1, 12, 2]), new Float64Array([1, 4, 7, 1, 0]), 5).statistic // -0.4714045207910316
 */
export function kendallTau(x: Float64Array, y: Float64Array, length: number, alternative: Alternative = "two-sided"): KendallTauResult {
  if (x.length < length || y.length < length) throw new EngineError("invalid_input", "Kendall's tau needs two samples of the same length.");
  const n = length;
  const undefinedResult: KendallTauResult = { statistic: Number.NaN, pValue: Number.NaN, method: "asymptotic", sizes: [n], warnings: [] };
  if (n === 0) return undefinedResult;
  // Order by y, then stably by x: the pairs sorted by (x, y), with y replaced by its dense rank.
  const byY = argsortFloat64(y, n);
  const yRank = new Int32Array(n);
  for (let k = 0, rank = 0; k < n; k++) {
    if (k === 0 || y[byY[k]] !== y[byY[k - 1]]) rank++;
    yRank[byY[k]] = rank;
  }
  const xByY = new Float64Array(n);
  for (let k = 0; k < n; k++) xByY[k] = x[byY[k]];
  const byXY = argsortFloat64(xByY, n);
  const xs = new Float64Array(n);
  const ys = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = byY[byXY[k]];
    xs[k] = x[i];
    ys[k] = yRank[i];
  }
  const discordant = countInversions(ys, n);
  let jointTies = 0;
  let xTies = 0;
  let x0 = 0;
  let x1 = 0;
  for (let first = 0; first < n; ) {
    let last = first;
    while (last + 1 < n && xs[last + 1] === xs[first]) last++;
    const t = last - first + 1;
    if (t > 1) {
      xTies += (t * (t - 1)) / 2;
      x0 += t * (t - 1) * (t - 2);
      x1 += t * (t - 1) * (2 * t + 5);
    }
    for (let a = first; a <= last; ) {
      let b = a;
      while (b + 1 <= last && ys[b + 1] === ys[a]) b++;
      const u = b - a + 1;
      jointTies += (u * (u - 1)) / 2;
      a = b + 1;
    }
    first = last + 1;
  }
  const yCounts = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) yCounts[ys[k]]++;
  let yTies = 0;
  let y0 = 0;
  let y1 = 0;
  for (const u of yCounts) {
    if (u > 1) {
      yTies += (u * (u - 1)) / 2;
      y0 += u * (u - 1) * (u - 2);
      y1 += u * (u - 1) * (2 * u + 5);
    }
  }
  const pairs = (n * (n - 1)) / 2;
  if (xTies === pairs || yTies === pairs) return undefinedResult;
  const concordantMinusDiscordant = pairs - xTies - yTies + jointTies - 2 * discordant;
  const tau = Math.min(1, Math.max(-1, concordantMinusDiscordant / Math.sqrt(pairs - xTies) / Math.sqrt(pairs - yTies)));
  const exact = xTies === 0 && yTies === 0 && (n <= 33 || Math.min(discordant, pairs - discordant) <= 1);
  if (exact) {
    return { statistic: tau, pValue: kendallTauExactP(n, pairs - discordant, alternative), method: "exact", sizes: [n], warnings: [] };
  }
  const m = n * (n - 1.0);
  const variance = (m * (2 * n + 5) - x1 - y1) / 18 + (2 * xTies * yTies) / m + (x0 * y0) / (9 * m * (n - 2));
  const z = concordantMinusDiscordant / Math.sqrt(variance);
  return { statistic: tau, pValue: normalPValue(z, alternative), method: "asymptotic", sizes: [n], warnings: [] };
}

/** Number of pairs k < l with values[k] > values[l] (1-based ranks up to n), by a Fenwick tree. */
function countInversions(values: Int32Array, n: number): number {
  const tree = new Int32Array(n + 1);
  let inversions = 0;
  for (let k = 0; k < n; k++) {
    let notGreater = 0;
    for (let i = values[k]; i > 0; i -= i & -i) notGreater += tree[i];
    inversions += k - notGreater;
    for (let i = values[k]; i <= n; i += i & -i) tree[i]++;
  }
  return inversions;
}
