import { EngineError } from "../errors";
import { columnScaling } from "./column-scaling";
import type { Design, Level } from "./design";
import { logisticLogLikelihood } from "./logistic-log-likelihood";
import { originalCoefficients, startingPoint } from "./logistic-setup";
import { newtonLogistic } from "./newton-logistic";

export interface LogisticRegressionResult {
  /** Design column names; `Intercept` first when the model has one (scikit-learn's `intercept_`). */
  names: string[];
  /** `[intercept_, ...coef_]` (or `coef_` alone without intercept), at the optimum. */
  coefficients: number[];
  /** scikit-learn's `classes_`; the coefficients model the probability of classes[1]. */
  classes: [Level, Level];
  n: number;
  /** Inverse regularisation strength (scikit-learn `C`). */
  c: number;
  /** The minimised objective Σ log-loss + ½ Σ b_j² / C (intercept not penalised). */
  objective: number;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

/**
 * scikit-learn 1.2 `LogisticRegression()` with its defaults (penalty "l2", C = 1, fit_intercept as the design,
 * lbfgs, binary target): the minimiser of
 *
 *   Σ_i log(1 + exp(-q_i (a + x_iᵀb))) + (1 / 2C) ‖b‖²,   q_i = ±1,
 *
 * where the intercept a is not penalised and every other design column is (categorical columns as coded,
 * i.e. `OneHotEncoder(drop="first")`). The objective is strictly convex, so the optimum exists even for
 * separable classes. Solved by Newton's method (`newtonLogistic`) to the true optimum rather than stopped at
 * lbfgs' default tolerance (1e-4 on the projected gradient, max_iter 100): coefficients match scikit-learn
 * run with tol=1e-12 and its class predictions match the default fit's; `iterations` counts Newton steps,
 * not lbfgs' `n_iter_`.
 *
 * @example fitLogisticRegression(buildDesign(frame, { target: "survived", predictors: [{ column: "age" }], intercept: true }, rows, "binary")).coefficients
 */
export function fitLogisticRegression(design: Design, c = 1): LogisticRegressionResult {
  const { n, p, x, y, encoding } = design;
  if (encoding.target.kind !== "binary") throw new EngineError("invalid_target", "A logistic regression needs a two-class target.");
  if (n === 0) throw new EngineError("insufficient_data", "No complete rows to fit the model on.");
  if (p === (encoding.intercept ? 1 : 0)) throw new EngineError("insufficient_data", "The model has no predictors (scikit-learn needs at least one feature).");
  if (!(c > 0) || !Number.isFinite(c)) throw new EngineError("invalid_parameter", `C must be a positive number; got ${c}.`);
  const columns: Float64Array[] = [];
  for (let j = 0; j < p; j++) columns.push(x.subarray(j * n, (j + 1) * n));
  const scaling = columnScaling(columns, n, encoding.intercept);
  const penalty = new Float64Array(p);
  for (let j = encoding.intercept ? 1 : 0; j < p; j++) penalty[j] = (scaling.scale[j] * scaling.scale[j]) / c;
  const optimum = newtonLogistic(columns, n, y, scaling.shift, scaling.scale, startingPoint(design, scaling), {
    penalty,
    refuseSeparation: false,
    maxIterations: 100,
  });
  const coefficients = originalCoefficients(design, scaling, optimum);
  const logLikelihood = logisticLogLikelihood(optimum.eta, y, n);
  let squares = 0;
  for (let j = encoding.intercept ? 1 : 0; j < p; j++) squares += coefficients[j] * coefficients[j];
  return {
    names: [...encoding.names],
    coefficients,
    classes: [encoding.target.classes[0], encoding.target.classes[1]],
    n,
    c,
    objective: -logLikelihood + squares / (2 * c),
    logLikelihood,
    iterations: optimum.iterations,
    converged: optimum.converged,
  };
}
