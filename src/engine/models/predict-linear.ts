/**
 * The linear predictor X b for every row of a coded design (n x p column-major, from `codeDesign` or
 * `codeRecords`): OLS predictions (scikit-learn `LinearRegression.predict`, statsmodels `results.predict`)
 * and logistic decision values (`decision_function`), accumulated column by column as `X @ coef` does.
 *
 * @example predictLinear([1, 2], new Float64Array([1, 1, 3, 4]), 2) // Float64Array [7, 9]
 */
export function predictLinear(coefficients: readonly number[], x: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let j = 0; j < coefficients.length; j++) {
    const b = coefficients[j];
    const base = j * n;
    for (let i = 0; i < n; i++) out[i] += b * x[base + i];
  }
  return out;
}
