import { pairwiseSum } from "../stats/pairwise-sum";

export interface RegressionMetrics {
  n: number;
  r2: number;
  mse: number;
  rmse: number;
  mae: number;
}

/**
 * scikit-learn 1.2 regression metrics of predictions against the true values:
 *
 *   MSE = mean((y - ŷ)²),  RMSE = sqrt(MSE) (`mean_squared_error(squared=False)`),  MAE = mean(|y - ŷ|),
 *   R² = 1 - Σ(y - ŷ)² / Σ(y - ȳ)²  (`r2_score`: 1 when both sums are 0, 0 when only the denominator is;
 *   NaN with fewer than two rows, where scikit-learn warns and returns nan).
 *
 * Means are numpy's pairwise sums divided by n, as `np.average` computes them. An empty input gives NaN
 * (scikit-learn raises).
 *
 * @example regressionMetrics(new Float64Array([3, -0.5, 2, 7]), new Float64Array([2.5, 0, 2, 8])).mse // 0.375
 */
export function regressionMetrics(yTrue: Float64Array, yPred: Float64Array): RegressionMetrics {
  const n = yTrue.length;
  const squares = new Float64Array(n);
  const absolutes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = yTrue[i] - yPred[i];
    squares[i] = d * d;
    absolutes[i] = Math.abs(d);
  }
  const mse = n > 0 ? pairwiseSum(squares, 0, n) / n : Number.NaN;
  const mae = n > 0 ? pairwiseSum(absolutes, 0, n) / n : Number.NaN;
  let r2 = Number.NaN;
  if (n >= 2) {
    const mean = pairwiseSum(yTrue, 0, n) / n;
    for (let i = 0; i < n; i++) absolutes[i] = (yTrue[i] - mean) * (yTrue[i] - mean);
    const numerator = pairwiseSum(squares, 0, n);
    const denominator = pairwiseSum(absolutes, 0, n);
    r2 = denominator !== 0 ? 1 - numerator / denominator : numerator === 0 ? 1 : 0;
  }
  return { n, r2, mse, rmse: Math.sqrt(mse), mae };
}
