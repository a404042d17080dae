import { z } from "zod";
import { ColumnRefSchema, MAX_COLUMN_NAME, MAX_FILTER_STRING } from "../plan/plan-fields";

/** Predictors a model may name. */
export const MAX_PREDICTORS = 50;
/** Inputs one plan may ask predictions for. */
export const MAX_PREDICT_INPUTS = 100;
/** numpy's RandomState seeds are 32-bit. */
export const MAX_RANDOM_STATE = 2 ** 32 - 1;

const SizeSchema = z.union([z.number().int().min(1), z.number().gt(0).lt(1)]);

export const PredictorSchema = z.union([
  ColumnRefSchema,
  z.strictObject({
    column: ColumnRefSchema,
    categorical: z.boolean().optional().meta({ description: "true codes a numeric column as categorical (statsmodels C(column)): one coefficient per level but the first." }),
  }),
]);

export const SplitSchema = z
  .strictObject({
    test_size: SizeSchema.optional().meta({ description: "A fraction in (0, 1) of the rows (rounded up) or a whole number of rows for the test set (default 0.25, or the rest when train_size is given)." }),
    train_size: SizeSchema.optional().meta({ description: "A fraction in (0, 1) (rounded down) or a whole number of rows for the training set (default: the rows not in the test set)." }),
    random_state: z.number().int().min(0).max(MAX_RANDOM_STATE).optional().meta({ description: "The seed of the shuffle (numpy RandomState, as scikit-learn's train_test_split); required unless shuffle is false." }),
    shuffle: z.boolean().optional().meta({ description: "Shuffle before splitting (default true); false takes the first rows for training and the next ones for testing." }),
  })
  .meta({ id: "ModelSplit", description: "scikit-learn train_test_split of the complete rows: the model is fitted on the training rows and its metrics are computed on the test rows." });

const PredictValueSchema = z.union([z.string().max(MAX_FILTER_STRING), z.number(), z.boolean()]);

/** The zod schemas of the model operations' own plan fields (ols and logistic share them). */
export const MODEL_PARAM_SCHEMAS = {
  predictors: z.array(PredictorSchema).min(1).max(MAX_PREDICTORS).nullish().meta({
    description: "ols, logistic: the predictor columns, each a column name or {column, categorical: true}. Text and boolean columns are categorical (treatment coding, first level as reference, as statsmodels' formulas); numbers enter as they are unless marked categorical.",
  }),
  fit_intercept: z.boolean().nullish().meta({ description: "ols, logistic: include an intercept (default true)." }),
  split: SplitSchema.nullish().meta({ description: "ols, logistic: fit on a training part of the rows and report metrics on the test part (scikit-learn train_test_split: test_size, train_size, random_state, shuffle). Absent: fit on every complete row." }),
  predict: z.array(z.record(z.string().min(1).max(MAX_COLUMN_NAME), PredictValueSchema)).min(1).max(MAX_PREDICT_INPUTS).nullish().meta({
    description: "ols, logistic: inputs to predict, each an object giving a value for every predictor column ({\"weight\": 3000, \"origin\": \"japan\"}), coded like the training rows.",
  }),
  penalty: z.enum(["l2", "none"]).nullish().meta({
    description: "logistic only: l2 (default) is scikit-learn's LogisticRegression() with C; none is the unpenalised maximum-likelihood fit (statsmodels Logit) with standard errors, z and p-values and confidence intervals.",
  }),
  C: z.number().positive().nullish().meta({ description: "logistic with penalty l2: inverse regularisation strength (scikit-learn C, default 1)." }),
};

/** One plan per model, for the plan JSON Schema (the column names are an example's). */
export const MODEL_EXAMPLES: ReadonlyArray<Record<string, unknown>> = [
  {
    operation: "ols", target_column: "mpg", predictors: ["weight", "acceleration", "origin"],
    split: { test_size: 0.2, random_state: 42 }, predict: [{ weight: 3000, acceleration: 15, origin: "japan" }],
  },
  {
    operation: "logistic", target_column: "Survived", predictors: ["Age", "Fare", "Sex", { column: "Pclass", categorical: true }],
    penalty: "none", split: { test_size: 0.25, random_state: 0 },
  },
];

export type Predictor = z.output<typeof PredictorSchema>;
export type Split = z.output<typeof SplitSchema>;
