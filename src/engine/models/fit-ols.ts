import { EngineError } from "../errors";
import { fSf } from "../stats/f-sf";
import { neumaierSum } from "../stats/neumaier-sum";
import { pairwiseSum } from "../stats/pairwise-sum";
import { studentTQuantile } from "../stats/student-t-quantile";
import { studentTSf } from "../stats/student-t-sf";
import type { Design } from "./design";
import { factorDesign, inSpan } from "./factor-design";
import { scaledCovariance } from "./scaled-covariance";

export interface OlsResult {
  names: string[];
  coefficients: number[];
  stdErrors: number[];
  tValues: number[];
  pValues: number[];
  confidence: number;
  ciLower: number[];
  ciUpper: number[];
  n: number;
  /** rank - k_constant (statsmodels `df_model`). */
  dfModel: number;
  /** n - rank (statsmodels `df_resid`). */
  dfResid: number;
  /** statsmodels `k_constant`: an intercept, or (without one) columns that span a constant, e.g. every level of a category. */
  hasConstant: boolean;
  /** Centred R² with a constant, uncentred (1 - SSR / Σy²) without, as statsmodels reports. */
  rSquared: number;
  rSquaredAdj: number;
  fValue: number;
  fPValue: number;
  logLikelihood: number;
  aic: number;
  bic: number;
  ssr: number;
  /** sqrt(SSR / df_resid), statsmodels `sqrt(scale)`. */
  residualStdError: number;
  fitted: Float64Array;
  residuals: Float64Array;
}

/**
 * Ordinary least squares of the design's y on its columns, with statsmodels' `OLS(y, X).fit()` results
 * (statsmodels 0.13, nonrobust covariance):
 *
 *   b = argmin ‖y - Xb‖²,  s² = SSR / (n - p),  Cov(b) = s² (XᵀX)⁻¹,  t = b / se,  p = 2 P(T_{n-p} > |t|),
 *   CI = b ± t_{1-α/2, n-p} se,  R² = 1 - SSR / TSS (TSS centred iff k_constant),  adj R² = 1 - (n - k)/(n - p) (1 - R²),
 *   F = (ESS / df_model) / (SSR / df_resid),  llf = -n/2 (log(2π SSR / n) + 1),  AIC = -2 llf + 2p,  BIC = -2 llf + p log n.
 *
 * Solved by Householder QR of the centred, power-of-two-scaled design with y appended (`triangularFactor`),
 * accurate to ~cond(Z)·eps where the normal equations give cond(X)²·eps; centring makes offset columns
 * (x = 1e9 + noise) well conditioned. statsmodels solves through an SVD pseudo-inverse of the raw X, so on
 * ill-conditioned designs the two differ by statsmodels' error; the golden cases compare those with exact
 * rational least squares. A rank-deficient design (a column within 1e-10 of the span of the columns before
 * it, relative to its norm) is refused with `collinear_predictors` naming the columns, where statsmodels
 * would return a pseudo-inverse solution; fewer rows than coefficients is `insufficient_data`. With n = p the
 * fit is exact and every statistic needing a residual degree of freedom is NaN.
 *
 * @example fitOls(buildDesign(frame, { target: "mpg", predictors: [{ column: "weight" }], intercept: true }, rows, "numeric")).coefficients
 */
export function fitOls(design: Design, confidence = 0.95): OlsResult {
  const { n, p, y, encoding } = design;
  const intercept = encoding.intercept;
  if (p === 0) throw new EngineError("insufficient_data", "The model has no intercept and no predictors.");
  if (!(confidence > 0 && confidence < 1)) throw new EngineError("invalid_parameter", `confidence must be between 0 and 1; got ${confidence}.`);
  if (n < p || n === 0) {
    throw new EngineError("insufficient_data", `The model has ${p} coefficient${p === 1 ? "" : "s"} but only ${n} complete row${n === 1 ? "" : "s"}.`);
  }
  const ones = intercept ? [] : [new Float64Array(n).fill(1)];
  const factor = factorDesign(design, [...ones, y]);
  const { columns, scaling, q, t, order } = factor;
  const { shift, scale } = scaling;
  const yj = q - 1;

  // β (scaled units) by back substitution, then b_j = β_j s_j / s_y and a = ȳ + β_0 s_0 / s_y - Σ b_j c_j.
  const beta = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = t[i + yj * q];
    for (let l = i + 1; l < p; l++) sum -= t[i + l * q] * beta[l];
    beta[i] = sum / t[i + i * q];
  }
  const sy = scale[yj];
  const coefficients = new Array<number>(p);
  for (let j = 0; j < p; j++) coefficients[j] = (beta[j] * scale[j]) / sy;
  let offset = 0; // fitted = offset + Σ_{j non-intercept} b_j (x_j - c_j)
  if (intercept) {
    offset = shift[yj] + coefficients[0];
    let a = offset;
    for (let j = 1; j < p; j++) a -= coefficients[j] * shift[j];
    coefficients[0] = a;
  }
  const residuals = new Float64Array(n);
  const fitted = new Float64Array(n);
  const first = intercept ? 1 : 0;
  for (let i = 0; i < n; i++) {
    let sum = offset;
    for (let j = first; j < p; j++) sum += coefficients[j] * (columns[j][i] - shift[j]);
    fitted[i] = sum;
    residuals[i] = y[i] - sum;
  }
  const ssr = neumaierSum(n, (i) => residuals[i] * residuals[i]);

  const hasConstant = intercept || inSpan(factor, p, p);
  const k = hasConstant ? 1 : 0;
  const dfResid = n - p;
  const dfModel = p - k;
  const yMean = n > 0 ? pairwiseSum(y, 0, n) / n : Number.NaN;
  const tss = hasConstant ? neumaierSum(n, (i) => (y[i] - yMean) * (y[i] - yMean)) : neumaierSum(n, (i) => y[i] * y[i]);
  const rSquared = 1 - ssr / tss;
  const scale2 = dfResid > 0 ? ssr / dfResid : Number.NaN;
  const cov = scaledCovariance(t, q, order, shift, scale, intercept);
  const alpha = 1 - confidence;
  const quantile = dfResid > 0 ? studentTQuantile(1 - alpha / 2, dfResid) : Number.NaN;
  const stdErrors = coefficients.map((_, j) => Math.sqrt(scale2 * cov[j * p + j]));
  const tValues = coefficients.map((b, j) => b / stdErrors[j]);
  const pValues = tValues.map((value) => (dfResid > 0 && !Number.isNaN(value) ? 2 * studentTSf(Math.abs(value), dfResid) : Number.NaN));
  const fValue = dfModel > 0 && dfResid > 0 ? (tss - ssr) / dfModel / scale2 : Number.NaN;
  const logLikelihood = -(n / 2) * Math.log(2 * Math.PI) - (n / 2) * Math.log(ssr / n) - n / 2;
  return {
    names: [...encoding.names],
    coefficients,
    stdErrors,
    tValues,
    pValues,
    confidence,
    ciLower: coefficients.map((b, j) => b - quantile * stdErrors[j]),
    ciUpper: coefficients.map((b, j) => b + quantile * stdErrors[j]),
    n,
    dfModel,
    dfResid,
    hasConstant,
    rSquared,
    rSquaredAdj: dfResid > 0 ? 1 - ((n - k) / dfResid) * (1 - rSquared) : Number.NaN,
    fValue,
    fPValue: Number.isNaN(fValue) ? Number.NaN : fSf(fValue, dfModel, dfResid),
    logLikelihood,
    aic: -2 * logLikelihood + 2 * p,
    bic: -2 * logLikelihood + Math.log(n) * p,
    ssr,
    residualStdError: Math.sqrt(scale2),
    fitted,
    residuals,
  };
}
