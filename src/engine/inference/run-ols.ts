import { EngineError } from "../errors";
import type { Frame } from "../frame/frame";
import { jsonRecord } from "../json-record";
import { buildDesign } from "../models/build-design";
import { codeDesign } from "../models/code-design";
import { codeRecords, type PredictionInput } from "../models/code-records";
import type { Design, DesignEncoding, Level } from "../models/design";
import { fitOls } from "../models/fit-ols";
import { predictLinear } from "../models/predict-linear";
import { regressionMetrics } from "../models/regression-metrics";
import { finite } from "../ops/aggregate-rows";
import { MAX_PLAN_COST } from "../ops/estimate-plan-cost";
import type { Plan } from "../plan/plan-schema";
import type { Split } from "./model-params";
import type { ModelChartData, OlsModelResult } from "./model-result";
import { atPath } from "./at-path";
import { modelRows, modelSpecOf } from "./model-spec";

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
  const spec = modelSpecOf(plan);
  const split = plan.split as Split | undefined;
  const rows = atPath("plan.split", () => modelRows(frame, spec, split));
  const design = atPath(designPath, () => buildDesign(frame, spec, rows.fit, "numeric"));
  checkFitCost(design, OLS_PASSES);
  const fit = atPath("plan.predictors", () => fitOls(design, (plan.confidence as number | undefined) ?? 0.95));
  const result: OlsModelResult = {
    model: "ols",
    target: spec.target,
    n: fit.n,
    df_model: fit.dfModel,
    df_resid: fit.dfResid,
    confidence: fit.confidence,
    coefficients: fit.names.map((name, j) => ({
      name,
      estimate: finite(fit.coefficients[j]),
      std_error: finite(fit.stdErrors[j]),
      t_value: finite(fit.tValues[j]),
      p_value: finite(fit.pValues[j]),
      ci_lower: finite(fit.ciLower[j]),
      ci_upper: finite(fit.ciUpper[j]),
    })),
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
    const test = atPath("plan.split", () => codeDesign(frame, design.encoding, testRows, true));
    const predicted = predictLinear(fit.coefficients, test.x, test.n);
    const metrics = regressionMetrics(test.y, predicted);
    result.split = { train_rows: design.n, test_rows: test.n };
    result.test_metrics = { n: metrics.n, r2: finite(metrics.r2), mse: finite(metrics.mse), rmse: finite(metrics.rmse), mae: finite(metrics.mae) };
    chartData = { kind: "regression", actual: test.y, predicted, onTestRows: true };
  }
  const inputs = plan.predict as PredictionInput[] | undefined;
  if (inputs !== undefined) {
    const coded = atPath("plan.predict", () => codeRecords(design.encoding, inputs));
    const predicted = predictLinear(fit.coefficients, coded.x, coded.n);
    result.predictions = inputs.map((input, i) => ({ input: echoInput(design.encoding, input), predicted: finite(predicted[i]) }));
  }
  return { result, chartData };
}

/** Work of an OLS fit in units of n·p²: Householder QR takes about 2 n·p² operations. */
export const OLS_PASSES = 2;

/**
 * Where a design's error points: the target for a target that cannot be coded, else the predictors.
 *
 * @example designPath("invalid_target") // "plan.target_column"
 */
export const designPath = (code: string): string => (code === "invalid_target" ? "plan.target_column" : "plan.predictors");

/**
 * Refuses a fit whose design is too big for the plan cost cap once its real width is known (categorical
 * predictors add a column per level): `passes` times n·p² units.
 *
 * @example checkFitCost(design, LOGISTIC_PASSES) // throws plan_too_costly for 1e6 rows x 20 columns
 */
export function checkFitCost(design: Design, passes: number): void {
  const units = design.n * design.p * design.p * passes;
  if (units > MAX_PLAN_COST) {
    throw new EngineError(
      "plan_too_costly",
      `Fitting ${design.p} coefficients on ${design.n} rows would take too long (estimated ${Math.round(units)} work units, limit ${MAX_PLAN_COST}). Use fewer rows, predictors or categories.`,
    );
  }
}

/**
 * An input as the model read it: its value for each predictor column, in the design's order.
 *
 * @example echoInput(design.encoding, { weight: 3000, origin: "japan" }) // { origin: "japan", weight: 3000 }
 */
export function echoInput(encoding: DesignEncoding, input: PredictionInput): Record<string, Level> {
  const columns = [...new Set(encoding.terms.map((term) => term.column))];
  return jsonRecord(columns.map((column) => [column, input[column] as Level] as const));
}
