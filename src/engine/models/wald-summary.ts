import { EngineError } from "../errors";
import type { Design } from "./design";

/** The per-coefficient inference of a fitted model, in design column order. */
export interface WaldSummary {
  stdErrors: number[];
  /** b / se: t for OLS, z for Logit. */
  statistics: number[];
  pValues: number[];
  ciLower: number[];
  ciUpper: number[];
}

/**
 * Refuses what neither statsmodels fit (OLS, Logit) can summarise: no coefficients at all, a confidence
 * outside (0, 1), and fewer complete rows than coefficients.
 *
 * @example checkSummarisable(design, 0.95) // throws insufficient_data for 2 rows and 3 coefficients
 */
export function checkSummarisable(design: Design, confidence: number): void {
  const { n, p } = design;
  if (p === 0) throw new EngineError("insufficient_data", "The model has no intercept and no predictors.");
  if (!(confidence > 0 && confidence < 1)) throw new EngineError("invalid_parameter", `confidence must be between 0 and 1; got ${confidence}.`);
  if (n < p || n === 0) {
    throw new EngineError("insufficient_data", `The model has ${p} coefficient${p === 1 ? "" : "s"} but only ${n} complete row${n === 1 ? "" : "s"}.`);
  }
}

/**
 * statsmodels' Wald summary of coefficients b with covariance `scale` · C (C p x p, row-major; scale σ² for
 * OLS, 1 for Logit):
 *
 *   se_j = sqrt(scale · C_jj),  statistic_j = b_j / se_j,  p_j = pValue(statistic_j),  CI_j = b_j ∓ quantile · se_j
 *
 * where `quantile` is the two-sided critical value at the confidence level (t_{1-α/2, df_resid} for OLS,
 * Φ⁻¹(1 - α/2) for Logit) and `pValue` the two-sided tail of the statistic's distribution.
 *
 * @example waldSummary([2], Float64Array.of(0.25), 1, 1.959963984540054, (z) => 2 * normalSf(Math.abs(z))).statistics // [4]
 */
export function waldSummary(
  coefficients: readonly number[],
  covariance: Float64Array,
  scale: number,
  quantile: number,
  pValue: (statistic: number) => number,
): WaldSummary {
  const p = coefficients.length;
  const stdErrors = coefficients.map((_, j) => Math.sqrt(scale * covariance[j * p + j]));
  const statistics = coefficients.map((b, j) => b / stdErrors[j]);
  return {
    stdErrors,
    statistics,
    pValues: statistics.map(pValue),
    ciLower: coefficients.map((b, j) => b - quantile * stdErrors[j]),
    ciUpper: coefficients.map((b, j) => b + quantile * stdErrors[j]),
  };
}
