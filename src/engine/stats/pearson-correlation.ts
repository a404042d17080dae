import { NeumaierSum } from "./neumaier-sum";
import { numpySum } from "./numpy-sum";
import { regularizedIncompleteBeta } from "./regularized-incomplete-beta";

export interface CorrelationTest {
  /** NaN when undefined (constant input, fewer than 2 pairs). */
  coefficient: number;
  /** Two-sided p-value for H0: no correlation; NaN when undefined. */
  pValue: number;
}

/**
 * Pearson's r over n complete pairs, as scipy 1.10 `pearsonr`:
 *
 *   r = Σ (xᵢ - x̄)(yᵢ - ȳ) / ( ‖x - x̄‖ ‖y - ȳ‖ ),   clipped to [-1, 1],
 *
 * with the two-sided p-value from the exact null distribution of r, a Beta(n/2 - 1, n/2 - 1) on (-1, 1):
 *
 *   p = 2 · P(R > |r|) = 2 · I_{(1 - |r|)/2}(n/2 - 1, n/2 - 1)
 *
 * (identical to the t-test with n - 2 degrees of freedom, t = r sqrt((n-2)/(1-r²)), but without forming
 * 1 - r², which loses digits near |r| = 1). Special cases follow scipy: a constant input gives NaN for both;
 * n = 2 gives r = sign(Δx)·sign(Δy) and p = 1; n < 2 is NaN (scipy raises).
 *
 * @example pearsonCorrelation(new Float64Array([1, 2, 3, 4]), new Float64Array([1, 3, 2, 4]), 4) // { coefficient: 0.8, pValue: 0.2 }
 */
export function pearsonCorrelation(x: Float64Array, y: Float64Array, n: number): CorrelationTest {
  if (n < 2 || isConstant(x, n) || isConstant(y, n)) return { coefficient: Number.NaN, pValue: Number.NaN };
  if (n === 2) return { coefficient: Math.sign(x[1] - x[0]) * Math.sign(y[1] - y[0]), pValue: 1 };
  const xMean = numpySum(x, n) / n;
  const yMean = numpySum(y, n) / n;
  const { xNorm, yNorm } = deviationNorms(x, y, n, xMean, yMean);
  const r = Math.max(-1, Math.min(1, normalizedCrossProduct(x, y, n, xMean, yMean, xNorm, yNorm)));
  const ab = n / 2 - 1;
  const pValue = 2 * regularizedIncompleteBeta((1 - Math.abs(r)) / 2, ab, ab);
  return { coefficient: r, pValue: Math.min(1, pValue) };
}

/** scipy's test: every value equals the first (so -0 and 0 count as equal). */
export function isConstant(values: Float64Array, n: number): boolean {
  for (let i = 1; i < n; i++) if (values[i] !== values[0]) return false;
  return true;
}

// Both sums are compensated (NeumaierSum) and written as loops rather than `neumaierSum` closures, so V8 makes
// no call per element and the two norms share one pass. The cross-product needs the norms, hence its own pass;
// it divides each deviation by its norm (not multiplying by a reciprocal), as scipy does: np.dot(xm / ‖xm‖, ym / ‖ym‖).

/** ‖x - x̄‖ and ‖y - ȳ‖, each the square root of a compensated sum of squares. */
function deviationNorms(x: Float64Array, y: Float64Array, n: number, xMean: number, yMean: number) {
  const sx = new NeumaierSum();
  const sy = new NeumaierSum();
  for (let i = 0; i < n; i++) {
    const dx = x[i] - xMean;
    const dy = y[i] - yMean;
    sx.add(dx * dx);
    sy.add(dy * dy);
  }
  return { xNorm: Math.sqrt(sx.value()), yNorm: Math.sqrt(sy.value()) };
}

/** Σ ((xᵢ - x̄)/‖x - x̄‖)((yᵢ - ȳ)/‖y - ȳ‖), compensated. */
function normalizedCrossProduct(
  x: Float64Array, y: Float64Array, n: number, xMean: number, yMean: number, xNorm: number, yNorm: number,
): number {
  const sum = new NeumaierSum();
  for (let i = 0; i < n; i++) sum.add(((x[i] - xMean) / xNorm) * ((y[i] - yMean) / yNorm));
  return sum.value();
}
