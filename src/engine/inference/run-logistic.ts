import type { Frame } from "../frame/frame";
import { buildDesign } from "../models/build-design";
import { classificationMetrics, type ClassificationMetrics } from "../models/classification-metrics";
import { codeDesign } from "../models/code-design";
import { codeRecords, type PredictionInput } from "../models/code-records";
import { fitLogisticRegression } from "../models/fit-logistic-regression";
import { fitLogit } from "../models/fit-logit";
import { predictClasses } from "../models/predict-classes";
import { predictLinear } from "../models/predict-linear";
import { finite } from "../ops/aggregate-rows";
import type { Plan } from "../plan/plan-schema";
import type { Split } from "./model-params";
import type { ClassificationTestMetrics, LogisticModelResult, ModelChartData } from "./model-result";
import { modelRows, modelSpecOf } from "./model-spec";
import { atPath } from "./at-path";
import { checkFitCost, designPath, echoInput } from "./run-ols";

/**
 * Work of a logistic fit in the cost cap, in units of n·p²: a Newton step accumulates the upper half of the
 * Hessian (n·p²/2) and evaluates the objective once or twice; well-posed fits take under 10 steps, counted as 12.
 * Fits near separation can take more (the kernels stop at 100 steps for l2, 50 for Logit).
 */
export const LOGISTIC_PASSES = 6;

/**
 * `operation: "logistic"` on a two-class target_column (scikit-learn's classes_ order, positive class
 * classes[1]): penalty "l2" is scikit-learn 1.2 `LogisticRegression(C=C)` (its optimum, which its default lbfgs
 * approaches), penalty "none" statsmodels 0.13 `Logit(y, X).fit()` with standard errors, z, p-values and
 * intervals at `confidence`. Fitted on the complete rows or the training rows of a split; with a split, the test
 * rows' class predictions and scikit-learn's accuracy, precision, recall, F1 and confusion matrix; predictions
 * (class and probability of the positive class) for the plan's `predict` inputs. A target with other than two
 * classes is `invalid_target`; Logit on separated classes is `perfect_separation`.
 *
 * @example runLogistic(frame, { operation: "logistic", target_column: "Survived", predictors: ["Sex", "Age"], penalty: "l2", C: 1, ... }).result.coefficients
 */
export function runLogistic(frame: Frame, plan: Plan): { result: LogisticModelResult; chartData: ModelChartData | undefined } {
  const spec = modelSpecOf(plan);
  const rows = atPath("plan.split", () => modelRows(frame, spec, plan.split as Split | undefined));
  const design = atPath(designPath, () => buildDesign(frame, spec, rows.fit, "binary"));
  checkFitCost(design, LOGISTIC_PASSES);
  const penalised = plan.penalty !== "none";
  const base = { model: "logistic" as const, penalty: penalised ? ("l2" as const) : ("none" as const), target: spec.target };
  let result: LogisticModelResult;
  let coefficients: number[];
  if (penalised) {
    const fit = atPath("plan.predictors", () => fitLogisticRegression(design, (plan.C as number | undefined) ?? 1));
    coefficients = fit.coefficients;
    result = {
      ...base, classes: fit.classes, positive_class: fit.classes[1], n: fit.n,
      coefficients: fit.names.map((name, j) => ({ name, estimate: finite(fit.coefficients[j]) })),
      log_likelihood: finite(fit.logLikelihood),
      C: fit.c,
    };
  } else {
    const fit = atPath("plan.predictors", () => fitLogit(design, (plan.confidence as number | undefined) ?? 0.95));
    coefficients = fit.coefficients;
    result = {
      ...base, classes: fit.classes, positive_class: fit.classes[1], n: fit.n,
      coefficients: fit.names.map((name, j) => ({
        name,
        estimate: finite(fit.coefficients[j]),
        std_error: finite(fit.stdErrors[j]),
        z_value: finite(fit.zValues[j]),
        p_value: finite(fit.pValues[j]),
        ci_lower: finite(fit.ciLower[j]),
        ci_upper: finite(fit.ciUpper[j]),
      })),
      log_likelihood: finite(fit.logLikelihood),
      confidence: fit.confidence,
      df_model: fit.dfModel,
      df_resid: fit.dfResid,
      ll_null: finite(fit.llNull),
      pseudo_r_squared: finite(fit.pseudoRSquared),
      llr: finite(fit.llr),
      llr_p_value: finite(fit.llrPValue),
      aic: finite(fit.aic),
      bic: finite(fit.bic),
    };
  }
  const classes = result.classes;
  const testRows = rows.test;
  let chartData: ModelChartData | undefined;
  // The test rows' metrics, or (only for a chart) the fitted rows' confusion matrix.
  if (testRows !== null || plan.chart_type !== undefined) {
    const scoredRows = testRows === null ? design : atPath("plan.split", () => codeDesign(frame, design.encoding, testRows, true));
    const predicted = predictClasses(predictLinear(coefficients, scoredRows.x, scoredRows.n)).classes;
    const metrics = classificationMetrics(scoredRows.y, predicted, classes);
    if (testRows !== null) {
      result.split = { train_rows: design.n, test_rows: scoredRows.n };
      result.test_metrics = metricsJson(metrics);
    }
    chartData = { kind: "classification", labels: metrics.labels, matrix: metrics.confusionMatrix, onTestRows: testRows !== null };
  }
  const inputs = plan.predict as PredictionInput[] | undefined;
  if (inputs !== undefined) {
    const coded = atPath("plan.predict", () => codeRecords(design.encoding, inputs));
    const scored = predictClasses(predictLinear(coefficients, coded.x, coded.n));
    result.predictions = inputs.map((input, i) => ({
      input: echoInput(design.encoding, input),
      predicted_class: classes[scored.classes[i]],
      probability: finite(scored.probabilities[i]),
    }));
  }
  return { result, chartData };
}

function metricsJson(m: ClassificationMetrics): ClassificationTestMetrics {
  return { n: m.n, accuracy: finite(m.accuracy), precision: m.precision, recall: m.recall, f1: m.f1, labels: m.labels, confusion_matrix: m.confusionMatrix };
}
