import { EngineError } from "../errors";
import { chiSquareSf } from "../stats/chi-square-sf";
import { normalQuantile } from "../stats/normal-quantile";
import { normalSf } from "../stats/normal-sf";
import type { Design, Level } from "./design";
import { factorDesign } from "./factor-design";
import { logisticLogLikelihood } from "./logistic-log-likelihood";
import { originalCoefficients, startingPoint } from "./logistic-setup";
import { newtonLogistic } from "./newton-logistic";
import { scaledCovariance } from "./scaled-covariance";
import { triangularFactor } from "./triangular-factor";
import { checkSummarisable, waldSummary } from "./wald-summary";

export interface LogitResult {
  names: string[];
  coefficients: number[];
  stdErrors: number[];
  zValues: number[];
  pValues: number[];
  confidence: number;
  ciLower: number[];
  ciUpper: number[];
  /** The coefficients model the probability of classes[1] (scikit-learn's positive class). */
  classes: [Level, Level];
  n: number;
  /** rank - 1, as statsmodels' discrete models count it (with or without an intercept). */
  dfModel: number;
  dfResid: number;
  logLikelihood: number;
  /** Log-likelihood of the intercept-only model, n₁ log(n₁/n) + n₀ log(n₀/n) (statsmodels `llnull`). */
  llNull: number;
  /** McFadden's 1 - llf / llnull (statsmodels `prsquared`). */
  pseudoRSquared: number;
  /** 2 (llf - llnull) and its χ²(df_model) upper tail. */
  llr: number;
  llrPValue: number;
  aic: number;
  bic: number;
  iterations: number;
  converged: boolean;
}

/**
 * The unpenalised maximum-likelihood logistic regression of statsmodels 0.13 `Logit(y, X).fit()`:
 *
 *   max Σ_i log F(q_i x_iᵀb),  F = expit,  Cov(b) = (Xᵀ diag(μ(1-μ)) X)⁻¹,  z = b / se,  p = 2 Φ(-|z|),
 *   CI = b ± Φ⁻¹(1 - α/2) se,  AIC = -2 llf + 2 (df_model + 1),  BIC = -2 llf + log(n) (df_model + 1).
 *
 * The optimum comes from `newtonLogistic` (statsmodels' default solver is Newton too, stopped at 1e-8 on the
 * coefficients after at most 35 iterations; the engine goes to full precision). The covariance is taken from
 * the triangular factor of √W Z rather than by inverting the Hessian, so its error is cond(Z)·eps, not
 * cond(Z)²·eps. `llnull` is the closed form (statsmodels fits it numerically). Refused: a collinear design
 * (`collinear_predictors`, where statsmodels' Hessian is singular), fewer rows than coefficients
 * (`insufficient_data`), and separation (`perfect_separation`): complete separation is detected as
 * statsmodels does (every fitted probability within 1e-8 of y), quasi-complete separation by the fit not
 * converging in 50 Newton steps, where well-posed fits take under 10 (statsmodels then warns and returns
 * unconverged coefficients).
 *
 * @example fitLogit(buildDesign(frame, { target: "admit", predictors: [{ column: "gre" }], intercept: true }, rows, "binary")).pValues
 */
export function fitLogit(design: Design, confidence = 0.95): LogitResult {
  const { n, p, y, encoding } = design;
  if (encoding.target.kind !== "binary") throw new EngineError("invalid_target", "A logistic regression needs a two-class target.");
  checkSummarisable(design, confidence);
  const { columns, scaling } = factorDesign(design);
  const optimum = newtonLogistic(columns, n, y, scaling.shift, scaling.scale, startingPoint(design, scaling), {
    penalty: new Float64Array(p),
    refuseSeparation: true,
    maxIterations: 50,
  });
  if (!optimum.converged) {
    throw new EngineError(
      "perfect_separation",
      "The fit does not converge: the predictors separate the two classes for part of the data (quasi-complete separation), so some coefficients grow without bound and the maximum-likelihood estimate does not exist. Use the penalised logistic regression, or remove or merge the separating predictor or category.",
    );
  }
  const coefficients = originalCoefficients(design, scaling, optimum);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.exp(-Math.abs(optimum.eta[i]));
    weight[i] = Math.sqrt(a) / (1 + a);
  }
  const r = triangularFactor(columns, n, scaling.shift, scaling.scale, weight);
  const order = Array.from({ length: p }, (_, j) => j);
  const cov = scaledCovariance(r, p, order, scaling.shift, scaling.scale, encoding.intercept);
  const wald = waldSummary(coefficients, cov, 1, normalQuantile(1 - (1 - confidence) / 2), (z) => 2 * normalSf(Math.abs(z)));
  const logLikelihood = logisticLogLikelihood(optimum.eta, y, n);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i];
  const negatives = n - positives;
  const llNull = positives * Math.log(positives / n) + negatives * Math.log(negatives / n);
  const dfModel = p - 1;
  const llr = -2 * (llNull - logLikelihood);
  return {
    names: [...encoding.names],
    coefficients,
    stdErrors: wald.stdErrors,
    zValues: wald.statistics,
    pValues: wald.pValues,
    confidence,
    ciLower: wald.ciLower,
    ciUpper: wald.ciUpper,
    classes: [encoding.target.classes[0], encoding.target.classes[1]],
    n,
    dfModel,
    dfResid: n - p,
    logLikelihood,
    llNull,
    pseudoRSquared: 1 - logLikelihood / llNull,
    llr,
    llrPValue: dfModel > 0 ? chiSquareSf(llr, dfModel) : Number.NaN,
    aic: -2 * (logLikelihood - (dfModel + 1)),
    bic: -2 * logLikelihood + Math.log(n) * (dfModel + 1),
    iterations: optimum.iterations,
    converged: optimum.converged,
  };
}
