import { buildPredictedActualSpec } from "../charts/predicted-actual-spec";
import { checkModelPlan } from "../inference/check-model";
import { MODEL_PARAM_SCHEMAS } from "../inference/model-params";
import { modelCost } from "../inference/model-cost";
import { normalizeModel } from "../inference/normalize-model";
import { OLS_PASSES, runOls } from "../inference/run-ols";
import { ConfidenceSchema } from "../plan/plan-fields";
import { CATEGORIES, examplePlan, NUMBERS } from "./example-plan";
import { neverDrawn, type OperationModule } from "./operation";

/**
 * `operation: "ols"`: a linear model of target_column on several predictors (numeric, and categorical with
 * treatment coding), statsmodels OLS with an optional intercept, optionally fitted on a train/test split with
 * scikit-learn's metrics on the test rows and predictions for given inputs (inference/run-ols.ts).
 * Cost: a QR factorisation of the design, 2 x rows x (predictors + 1)² (checked again with the real width once
 * categorical levels are known).
 * Charts: `scatter`, predicted against actual (test rows with a split).
 */
export const ols = {
  name: "ols",
  summary: "Linear regression with several predictors (statsmodels OLS).",
  rule: {
    required: ["target_column", "predictors"],
    optional: ["filters", "chart_type", "fit_intercept", "confidence", "split", "predict"],
    columnTypes: { target_column: ["integer", "float", "boolean"] },
    defaults: { fit_intercept: true, confidence: 0.95 },
  },
  params: { confidence: ConfidenceSchema, predictors: MODEL_PARAM_SCHEMAS.predictors, fit_intercept: MODEL_PARAM_SCHEMAS.fit_intercept, split: MODEL_PARAM_SCHEMAS.split, predict: MODEL_PARAM_SCHEMAS.predict },
  cost: (plan, c) => modelCost(plan, c.rows, OLS_PASSES),
  execute(frame, plan) {
    const run = runOls(frame, plan);
    return { result: run.result, grouping: null, chartData: run.chartData };
  },
  describe: (plan) => `Linear model of ${plan.target_column}`,
  check: (plan, index) => checkModelPlan("ols", plan, index),
  example: (pick) => examplePlan({ operation: "ols", target_column: pick(NUMBERS, "price"), predictors: [pick(NUMBERS, "quantity", 1), pick(CATEGORIES, "store")], split: { test_size: 0.2, random_state: 42 } }),
  normalize: (plan) => normalizeModel("ols", plan),
  charts: {
    scatter: { fits: () => true, needs: "", build: buildPredictedActualSpec },
    line: neverDrawn("an ordered series; a model's predictions are drawn against the actual values (use scatter)"),
    bar: neverDrawn("one number per group; a model's predictions are drawn against the actual values (use scatter)"),
    heatmap: neverDrawn("two categorical keys; a model's predictions are drawn against the actual values (use scatter)"),
    box: neverDrawn("a distribution; a model's predictions are drawn against the actual values (use scatter)"),
    histogram: neverDrawn("a distribution; a model's predictions are drawn against the actual values (use scatter)"),
  },
} as const satisfies OperationModule;
