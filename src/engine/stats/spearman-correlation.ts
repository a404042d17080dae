import { averageRanks } from "./average-ranks";
import { NeumaierSum } from "./neumaier-sum";
import { isConstant, type CorrelationTest } from "./pearson-correlation";
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
  const { cxx, cyy, cxy } = rankCoMoments(rx, ry, n);
  // np.cov divides each by n - 1 before corrcoef normalises; the factor cancels only up to rounding, so keep it.
  const f = n - 1;
  const rho = Math.max(-1, Math.min(1, (cxy / f / Math.sqrt(cxx / f)) / Math.sqrt(cyy / f)));
  const dof = n - 2;
  const ratio = dof / ((rho + 1) * (1 - rho));
  const t = rho * Math.sqrt(ratio < 0 ? 0 : ratio);
  const pValue = 2 * studentTSf(Math.abs(t), dof);
  return { coefficient: rho, pValue };
}

/**
 * The three sums Σ(rx - m)², Σ(ry - m)², Σ(rx - m)(ry - m) with m = (n + 1)/2, each a compensated
 * {@link NeumaierSum}, fused into one loop (three `neumaierSum` closures would cost three passes and a call per term).
 */
function rankCoMoments(rx: Float64Array, ry: Float64Array, n: number): { cxx: number; cyy: number; cxy: number } {
  const mean = (n + 1) / 2;
  const sxx = new NeumaierSum();
  const syy = new NeumaierSum();
  const sxy = new NeumaierSum();
  for (let i = 0; i < n; i++) {
    const dx = rx[i] - mean;
    const dy = ry[i] - mean;
    sxx.add(dx * dx);
    syy.add(dy * dy);
    sxy.add(dx * dy);
  }
  return { cxx: sxx.value(), cyy: syy.value(), cxy: sxy.value() };
}
