import type { Frame } from "../frame/frame";
import type { PredictionInput } from "../models/code-records";
import { fitOls } from "../models/fit-ols";
import { predictLinear } from "../models/predict-linear";
import { regressionMetrics } from "../models/regression-metrics";
import { finite } from "../ops/aggregate-rows";
import type { Plan } from "../plan/plan-schema";
import { atPath } from "./at-path";
import { coefficientRows, echoInput, modelDesign, predictInputs, testDesign } from "./model-design";
import type { ModelChartData, OlsModelResult } from "./model-result";

/** Work of an OLS fit in units of n·p²: Householder QR takes about 2 n·p² operations. */
export const OLS_PASSES = 2;

/**
 * `operation: "ols"`: statsmodels `OLS.from_formula("target ~ predictors", df).fit()` (0.13) on the complete
 * rows, or on the training rows of a split, with its summary numbers at `confidence`; with a split, the test
 * rows coded like the training rows and scikit-learn's r2, MSE, RMSE and MAE of the predictions; predictions
 * for the plan's `predict` inputs. The model kernels (src/engine/models) do the numerics; a perfectly collinear
 * design is refused naming the columns (`collinear_predictors`), a level of the test rows or of an input the
 * training rows never had is `unknown_category`.
 *
 * @example runOls(frame, { operation: "ols", target_column: "mpg", predictors: ["weight", "acceleration"], split: { test_size: 0.2, random_state: 42, shuffle: true }, ... }).result.test_metrics?.rmse
 */
export function runOls(frame: Frame, plan: Plan): { result: OlsModelResult; chartData: ModelChartData } {
  const { spec, rows, design } = modelDesign(frame, plan, "numeric", OLS_PASSES);
  const fit = atPath("plan.predictors", () => fitOls(design, (plan.confidence as number | undefined) ?? 0.95));
  const result: OlsModelResult = {
    model: "ols",
    target: spec.target,
    n: fit.n,
    df_model: fit.dfModel,
    df_resid: fit.dfResid,
    confidence: fit.confidence,
    coefficients: coefficientRows(fit, "t_value", fit.tValues),
    r_squared: finite(fit.rSquared),
    adj_r_squared: finite(fit.rSquaredAdj),
    f_statistic: finite(fit.fValue),
    f_p_value: finite(fit.fPValue),
    log_likelihood: finite(fit.logLikelihood),
    aic: finite(fit.aic),
    bic: finite(fit.bic),
    residual_std_error: finite(fit.residualStdError),
  };
  let chartData: ModelChartData = { kind: "regression", actual: design.y, predicted: fit.fitted, onTestRows: false };
  const testRows = rows.test;
  if (testRows !== null) {
    const test = testDesign(frame, design, testRows);
    const predicted = predictLinear(fit.coefficients, test.x, test.n);
    const metrics = regressionMetrics(test.y, predicted);
    result.split = { train_rows: design.n, test_rows: test.n };
    result.test_metrics = { n: metrics.n, r2: finite(metrics.r2), mse: finite(metrics.mse), rmse: finite(metrics.rmse), mae: finite(metrics.mae) };
    chartData = { kind: "regression", actual: test.y, predicted, onTestRows: true };
  }
  const inputs = plan.predict as PredictionInput[] | undefined;
  if (inputs !== undefined) {
    const predicted = predictInputs(design, fit.coefficients, inputs);
    result.predictions = inputs.map((input, i) => ({ input: echoInput(design.encoding, input), predicted: finite(predicted[i]) }));
  }
  return { result, chartData };
}
