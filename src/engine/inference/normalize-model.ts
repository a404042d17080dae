import type { Predictor, Split } from "./model-params";
import { predictorOf } from "./model-spec";
import { given } from "./plan-values";

/**
 * The stored form of a model plan's own fields: predictors as column names, or `{column, categorical: true}`
 * for the categorical ones; a split with its keys in order and its defaults (shuffle true, test_size 0.25 when
 * neither size is given); for logistic, C 1 with penalty l2 and confidence 0.95 with penalty none
 * (fit_intercept, confidence for OLS and penalty come from the operation's rule). Idempotent.
 *
 * @example normalizeModel("ols", { predictors: ["x", { column: "g", categorical: false }], split: { random_state: 42 } })
 * // { predictors: ["x", "g"], split: { test_size: 0.25, random_state: 42, shuffle: true } }
 */
export function normalizeModel(kind: "ols" | "logistic", plan: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (Array.isArray(plan.predictors)) {
    out.predictors = (plan.predictors as Predictor[]).map((item) => {
      const { column, categorical } = predictorOf(item);
      return categorical ? { column, categorical: true } : column;
    });
  }
  if (given(plan, "split")) {
    const split = plan.split as Split;
    const sized = split.test_size !== undefined || split.train_size !== undefined;
    const ordered: Split = {};
    if (split.test_size !== undefined || !sized) ordered.test_size = split.test_size ?? 0.25;
    if (split.train_size !== undefined) ordered.train_size = split.train_size;
    if (split.random_state !== undefined) ordered.random_state = split.random_state;
    ordered.shuffle = split.shuffle ?? true;
    out.split = ordered;
  }
  if (kind === "logistic") {
    if (plan.penalty === "none") {
      if (!given(plan, "confidence")) out.confidence = 0.95;
    } else if (!given(plan, "C")) {
      out.C = 1;
    }
  }
  return out;
}
