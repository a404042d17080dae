import type { Plan } from "../plan/plan-schema";

/**
 * Work units of a model fit before running, from the row count: finding the complete rows and splitting
 * (3 passes), then the fit, `passes` x n·p² units, with p counted as the predictors plus the intercept (a
 * categorical predictor adds a column per level: run-ols.ts checks the fit again once the design's width is
 * known).
 *
 * @example modelCost({ operation: "ols", predictors: ["a", "b"], ... }, 1000, 1) // 12000
 */
export function modelCost(plan: Plan, rows: number, passes: number): number {
  const p = (Array.isArray(plan.predictors) ? plan.predictors.length : 0) + 1;
  return rows * (3 + passes * p * p);
}
