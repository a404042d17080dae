import { buildBarSpec } from "../charts/bar-spec";
import { buildScatterSpec } from "../charts/scatter-spec";
import { finite } from "../ops/aggregate-rows";
import { ConfidenceSchema } from "../plan/plan-fields";
import { linearRegression } from "../stats/linear-regression";
import { neverDrawn, type OperationModule } from "./operation";
import { pairwiseCost, pairwiseRule, runPairwise } from "./pairwise";
import { fixedGroupFields } from "../results/group-shaping";
import { examplePlan, NUMBERS } from "./example-plan";

export interface RegressionResult {
  slope: number | null;
  intercept: number | null;
  r_squared: number | null;
  n: number;
  slope_std_error: number | null;
  intercept_std_error: number | null;
  slope_p_value: number | null;
  intercept_p_value: number | null;
}

/**
 * Ordinary least squares of y_axis on x_axis over complete rows (statsmodels OLS): slope, intercept, R², n, the
 * standard errors and two-sided p-values of both coefficients. Cost per row: 5 passes.
 * Charts: `scatter` with the fitted line (`line` draws the same); `bar` when grouped (one slope per group).
 */
export const regression = {
  name: "regression",
  rule: pairwiseRule(["confidence"], { confidence: 0.95 }),
  params: { confidence: ConfidenceSchema },
  cost: (_plan, c) => pairwiseCost(5, c),
  execute: (frame, plan) =>
    runPairwise(frame, plan, (x, y, n): RegressionResult => {
      const fit = linearRegression(x, y, n);
      return {
        slope: finite(fit.slope),
        intercept: finite(fit.intercept),
        r_squared: finite(fit.rSquared),
        n: fit.n,
        slope_std_error: finite(fit.slopeStdError),
        intercept_std_error: finite(fit.interceptStdError),
        slope_p_value: finite(fit.slopePValue),
        intercept_p_value: finite(fit.interceptPValue),
      };
    }),
  describe: (plan) => `Regression of ${plan.y_axis} on ${plan.x_axis}`,
  statistic: { field: "slope", label: (plan) => `slope of ${plan.y_axis} on ${plan.x_axis}` },
  charts: {
    scatter: { fits: () => true, needs: "", build: buildScatterSpec },
    line: { fits: () => true, needs: "", build: buildScatterSpec },
    bar: { fits: (c) => c.groupKeyTypes.length > 0, needs: "a group_by (one slope per group)", build: buildBarSpec },
    heatmap: neverDrawn("two categorical keys; a regression is a fitted line (use scatter)"),
    box: neverDrawn("a distribution; a regression is a fitted line (use scatter)"),
    histogram: neverDrawn("a distribution; a regression is a fitted line (use scatter)"),
  },
  example: (pick) => examplePlan({ operation: "regression", x_axis: pick(NUMBERS, "advertising"), y_axis: pick(NUMBERS, "sales", 1) }),
  shaping: fixedGroupFields([
    ["slope", "float"], ["intercept", "float"], ["r_squared", "float"], ["n", "integer"], ["slope_std_error", "float"],
    ["intercept_std_error", "float"], ["slope_p_value", "float"], ["intercept_p_value", "float"],
  ]),
} as const satisfies OperationModule;
