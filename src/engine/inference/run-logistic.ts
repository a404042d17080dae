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
 * Passes over the design a logistic fit is counted for in the cost cap: Newton steps of well-posed fits number
 * under 10 (each a pass for the gradient and one for the Hessian); the kernels allow 50-100 for hard cases.
 */
export const LOGISTIC_PASSES = 25;

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
export function runLogistic(frame: Frame, plan: Plan): { result: LogisticModelResult; chartData: ModelChartData } {
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
  const scoredRows = testRows === null ? design : atPath("plan.split", () => codeDesign(frame, design.encoding, testRows, true));
  const predicted = predictClasses(predictLinear(coefficients, scoredRows.x, scoredRows.n)).classes;
  const metrics = classificationMetrics(scoredRows.y, predicted, classes);
  if (rows.test !== null) {
    result.split = { train_rows: design.n, test_rows: scoredRows.n };
    result.test_metrics = metricsJson(metrics);
  }
  const chartData: ModelChartData = { kind: "classification", labels: metrics.labels, matrix: metrics.confusionMatrix, onTestRows: rows.test !== null };
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
