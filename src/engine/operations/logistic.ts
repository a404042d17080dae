import { buildConfusionSpec } from "../charts/confusion-spec";
import { checkModelPlan } from "../inference/check-model";
import { MODEL_PARAM_SCHEMAS } from "../inference/model-params";
import { modelCost } from "../inference/model-cost";
import { normalizeModel } from "../inference/normalize-model";
import { LOGISTIC_PASSES, runLogistic } from "../inference/run-logistic";
import { ConfidenceSchema } from "../plan/plan-fields";
import { examplePlan, NUMBERS } from "./example-plan";
import { neverDrawn, type OperationModule } from "./operation";

/**
 * `operation: "logistic"`: logistic regression of a two-class target_column, scikit-learn's LogisticRegression()
 * (penalty l2, C) or the unpenalised statsmodels Logit (penalty none, with standard errors and p-values),
 * optionally on a train/test split with classification metrics on the test rows and predictions for given
 * inputs (inference/run-logistic.ts).
 * Cost: LOGISTIC_PASSES x rows x (predictors + 1)² (Newton steps; checked again with the design's real width).
 * Charts: `heatmap`, the confusion matrix (test rows with a split).
 */
export const logistic = {
  name: "logistic",
  summary: "Logistic regression of a two-class target (scikit-learn LogisticRegression, or statsmodels Logit with penalty none).",
  rule: {
    required: ["target_column", "predictors"],
    optional: ["filters", "chart_type", "fit_intercept", "confidence", "split", "predict", "penalty", "C"],
    columnTypes: { target_column: ["integer", "float", "boolean", "string"] },
    defaults: { fit_intercept: true, penalty: "l2" },
  },
  params: { confidence: ConfidenceSchema, ...MODEL_PARAM_SCHEMAS },
  cost: (plan, c) => modelCost(plan, c.rows, LOGISTIC_PASSES),
  execute(frame, plan) {
    const run = runLogistic(frame, plan);
    return { result: run.result, grouping: null, chartData: run.chartData };
  },
  describe: (plan) => `${plan.penalty === "none" ? "Logit model" : "Logistic regression"} of ${plan.target_column}`,
  check: (plan, index) => checkModelPlan("logistic", plan, index),
  example: (pick) => examplePlan({ operation: "logistic", target_column: pick(["boolean"], "churned"), predictors: [pick(NUMBERS, "price"), pick(NUMBERS, "quantity", 1)] }),
  normalize: (plan) => normalizeModel("logistic", plan),
  charts: {
    heatmap: { fits: () => true, needs: "", build: buildConfusionSpec },
    scatter: neverDrawn("a numeric target; a classifier's predicted against actual classes is its confusion matrix (use heatmap)"),
    line: neverDrawn("an ordered series; a classifier's predicted against actual classes is its confusion matrix (use heatmap)"),
    bar: neverDrawn("one number per group; a classifier's predicted against actual classes is its confusion matrix (use heatmap)"),
    box: neverDrawn("a distribution; a classifier's predicted against actual classes is its confusion matrix (use heatmap)"),
    histogram: neverDrawn("a distribution; a classifier's predicted against actual classes is its confusion matrix (use heatmap)"),
  },
} as const satisfies OperationModule;
