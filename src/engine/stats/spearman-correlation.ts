import { averageRanks } from "./average-ranks";
import { isConstant, type CorrelationTest } from "./pearson-correlation";
import { neumaierSum } from "./neumaier-sum";
import { studentTSf } from "./student-t-sf";

/**
 * Spearman's ρ over n complete pairs, as scipy 1.10 `spearmanr`: Pearson's r of the average ranks
 * (np.corrcoef: ρ = (c_xy / s_x) / s_y), with the two-sided p-value of the t approximation
 *
 *   t = ρ · sqrt( (n - 2) / ((ρ + 1)(1 - ρ)) ),   p = 2 · P(T_{n-2} > |t|).
 *
 * Rank deviations are half-integers, so every sum here is exact below n ≈ 2e5. Special cases follow scipy:
 * n <= 1 or a constant input give NaN; |ρ| = 1 gives p = 0; n = 2 gives p = NaN (zero degrees of freedom).
 *
 * @example spearmanCorrelation(new Float64Array([1, 2, 3, 4]), new Float64Array([1, 3, 2, 40]), 4).coefficient // 0.8
 */
export function spearmanCorrelation(x: Float64Array, y: Float64Array, n: number): CorrelationTest {
  if (n <= 1 || isConstant(x, n) || isConstant(y, n)) return { coefficient: Number.NaN, pValue: Number.NaN };
  const rx = averageRanks(x, n);
  const ry = averageRanks(y, n);
  const mean = (n + 1) / 2;
  const cxx = neumaierSum(n, (i) => (rx[i] - mean) * (rx[i] - mean));
  const cyy = neumaierSum(n, (i) => (ry[i] - mean) * (ry[i] - mean));
  const cxy = neumaierSum(n, (i) => (rx[i] - mean) * (ry[i] - mean));
  // np.cov divides each by n - 1 before corrcoef normalises; the factor cancels only up to rounding, so keep it.
  const f = n - 1;
  const rho = Math.max(-1, Math.min(1, (cxy / f / Math.sqrt(cxx / f)) / Math.sqrt(cyy / f)));
  const dof = n - 2;
  const ratio = dof / ((rho + 1) * (1 - rho));
  const t = rho * Math.sqrt(ratio < 0 ? 0 : ratio);
  const pValue = 2 * studentTSf(Math.abs(t), dof);
  return { coefficient: rho, pValue };
}
