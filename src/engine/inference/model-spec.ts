import { frameColumn, type Frame } from "../frame/frame";
import { completeRows } from "../models/complete-rows";
import type { ModelSpec } from "../models/design";
import { trainTestSplit } from "../models/train-test-split";
import type { Plan } from "../plan/plan-schema";
import type { Predictor, Split } from "./model-params";

/**
 * A predictor as the stored plan writes it: a column name, or `{column, categorical: true}` for a numeric
 * column coded as categorical.
 *
 * @example predictorOf({ column: "cyl", categorical: true }) // { column: "cyl", categorical: true }
 */
export function predictorOf(item: Predictor): { column: string; categorical: boolean } {
  return typeof item === "string" ? { column: item, categorical: false } : { column: item.column, categorical: item.categorical === true };
}

/**
 * The model a plan asks for, in the kernels' terms (models/design.ts): target_column ~ predictors, with an
 * intercept unless fit_intercept is false.
 *
 * @example modelSpecOf({ operation: "ols", target_column: "mpg", predictors: ["weight"], fit_intercept: true, ... })
 * // { target: "mpg", predictors: [{ column: "weight", categorical: false }], intercept: true }
 */
export function modelSpecOf(plan: Plan): ModelSpec {
  return {
    target: plan.target_column as string,
    predictors: (plan.predictors as Predictor[]).map(predictorOf),
    intercept: plan.fit_intercept !== false,
  };
}

export interface ModelRows {
  /** The rows the model is fitted on (all complete rows, or the training part of a split). */
  fit: Uint32Array;
  /** The test rows of a split, null without one. */
  test: Uint32Array | null;
}

/**
 * The rows a model uses: the frame's rows where the target and every predictor are present (statsmodels'
 * missing="drop", pandas dropna), in the frame's order, then with a split the rows scikit-learn's
 * `train_test_split` selects from those (numpy's RandomState permutation), training and test.
 *
 * @example modelRows(frame, spec, { test_size: 0.2, random_state: 42 }).test?.length
 */
export function modelRows(frame: Frame, spec: ModelSpec, split: Split | undefined): ModelRows {
  const columns = [spec.target, ...spec.predictors.map((p) => p.column)].map((name) => frameColumn(frame, name, "plan.predictors"));
  const rows = completeRows(columns, frame.rows);
  if (split === undefined) return { fit: rows, test: null };
  const positions = trainTestSplit(rows.length, {
    testSize: split.test_size,
    trainSize: split.train_size,
    randomState: split.random_state,
    shuffle: split.shuffle,
  });
  return { fit: positions.train.map((i) => rows[i]), test: positions.test.map((i) => rows[i]) };
}
