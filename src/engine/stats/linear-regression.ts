import { neumaierSum } from "./neumaier-sum";
import { numpySum } from "./numpy-sum";
import { studentTSf } from "./student-t-sf";

export interface LinearFit {
  n: number;
  slope: number;
  intercept: number;
  rSquared: number;
  slopeStdError: number;
  interceptStdError: number;
  slopePValue: number;
  interceptPValue: number;
  /** sqrt(SSR / (n - 2)), statsmodels `sqrt(scale)`. */
  residualStdError: number;
  xMean: number;
  /** Σ (xᵢ - x̄)², needed for prediction intervals. */
  sxx: number;
}

/**
 * Ordinary least squares of y on x with an intercept (statsmodels `OLS(y, add_constant(x)).fit()`):
 *
 *   b = Sxy / Sxx,  a = ȳ - b x̄,  Sxx = Σ (xᵢ - x̄)²,  Sxy = Σ (xᵢ - x̄)(yᵢ - ȳ)
 *   SSR = Σ ((yᵢ - ȳ) - b (xᵢ - x̄))²,  s² = SSR / (n - 2),  R² = 1 - SSR / Σ (yᵢ - ȳ)²
 *   se(b) = sqrt(s² / Sxx),  se(a) = sqrt(s² (1/n + x̄² / Sxx)),  p = 2 P(T_{n-2} > |coef / se|)
 *
 * Why not ml-regression's SimpleLinearRegression: it uses the one-pass normal equations
 * (n Σxy - Σx Σy) / (n Σx² - (Σx)²), which cancel catastrophically on offset data (x = 1e9 + noise loses
 * ~all digits of the slope), and it gives no standard errors. Centering first (two passes) and compensated
 * sums keep ~full precision; statsmodels solves through an SVD, which is accurate to cond(X)·eps, so on
 * offset data this is the more accurate of the two (the golden generator checks against exact rationals).
 *
 * Degenerate cases give NaN (null in the API): fewer than 2 pairs or a constant x (slope undefined; statsmodels
 * would return a minimum-norm pseudo-inverse solution, which is not an answer); n = 2 leaves no residual degree
 * of freedom, so standard errors and p-values are NaN; a constant y makes R² NaN (0/0), as in statsmodels.
 *
 * @example linearRegression(new Float64Array([1, 2, 3]), new Float64Array([2, 4, 7]), 3).slope // 2.5
 */
export function linearRegression(x: Float64Array, y: Float64Array, n: number): LinearFit {
  const xMean = n > 0 ? numpySum(x, n) / n : Number.NaN;
  const yMean = n > 0 ? numpySum(y, n) / n : Number.NaN;
  const sxx = neumaierSum(n, (i) => (x[i] - xMean) * (x[i] - xMean));
  if (n < 2 || !(sxx > 0)) return undefinedFit(n, xMean, sxx);
  const sxy = neumaierSum(n, (i) => (x[i] - xMean) * (y[i] - yMean));
  const syy = neumaierSum(n, (i) => (y[i] - yMean) * (y[i] - yMean));
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  const ssr = neumaierSum(n, (i) => {
    const e = y[i] - yMean - slope * (x[i] - xMean);
    return e * e;
  });
  const df = n - 2;
  const s2 = df > 0 ? ssr / df : Number.NaN;
  const slopeStdError = Math.sqrt(s2 / sxx);
  const interceptStdError = Math.sqrt(s2 * (1 / n + (xMean * xMean) / sxx));
  return {
    n,
    slope,
    intercept,
    rSquared: 1 - ssr / syy,
    slopeStdError,
    interceptStdError,
    slopePValue: twoSided(slope / slopeStdError, df),
    interceptPValue: twoSided(intercept / interceptStdError, df),
    residualStdError: Math.sqrt(s2),
    xMean,
    sxx,
  };
}

function twoSided(t: number, df: number): number {
  return df > 0 ? 2 * studentTSf(Math.abs(t), df) : Number.NaN;
}

function undefinedFit(n: number, xMean: number, sxx: number): LinearFit {
  const nan = Number.NaN;
  return {
    n, slope: nan, intercept: nan, rSquared: nan, slopeStdError: nan, interceptStdError: nan,
    slopePValue: nan, interceptPValue: nan, residualStdError: nan, xMean, sxx,
  };
}
