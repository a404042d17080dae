import { z } from "zod";
import { buildBarSpec } from "../charts/bar-spec";
import { buildHeatmapSpec } from "../charts/heatmap-spec";
import { buildScatterSpec } from "../charts/scatter-spec";
import { finite } from "../ops/aggregate-rows";
import type { Plan } from "../plan/plan-schema";
import { pearsonCorrelation } from "../stats/pearson-correlation";
import { spearmanCorrelation } from "../stats/spearman-correlation";
import { neverDrawn, type OperationModule } from "./operation";
import { pairwiseCost, pairwiseRule, runPairwise } from "./pairwise";
import { fixedGroupFields } from "../results/group-shaping";
import { examplePlan, NUMBERS } from "./example-plan";

export interface CorrelationResult {
  coefficient: number | null;
  p_value: number | null;
  n: number;
  method: "pearson" | "spearman";
}

const MethodSchema = z.enum(["pearson", "spearman"]).nullish().meta({ description: "Correlation method (default pearson)." });
const methodOf = (plan: Plan): "pearson" | "spearman" => (plan.method as "pearson" | "spearman" | undefined) ?? "pearson";

/**
 * Correlation of y_axis with x_axis over the rows where both are present: Pearson or Spearman (average ranks for
 * ties), with a two-sided p-value (scipy `pearsonr` / `spearmanr`). Cost per row: 4 passes (Pearson's sums),
 * Spearman adds two sorts (2 log₂ n).
 * Charts: `scatter` (x against y) and `heatmap`; `bar` when grouped (one coefficient per group).
 */
export const correlation = {
  name: "correlation",
  rule: pairwiseRule(["method"], { method: "pearson" }),
  params: { method: MethodSchema },
  cost: (plan, c) => pairwiseCost(methodOf(plan) === "spearman" ? 4 + 2 * c.log2Rows : 4, c),
  execute: (frame, plan) =>
    runPairwise(frame, plan, (x, y, n): CorrelationResult => {
      const method = methodOf(plan);
      const test = (method === "spearman" ? spearmanCorrelation : pearsonCorrelation)(x, y, n);
      return { coefficient: finite(test.coefficient), p_value: finite(test.pValue), n, method };
    }),
  describe: (plan) => `${methodOf(plan) === "spearman" ? "Spearman" : "Pearson"} correlation of ${plan.x_axis} and ${plan.y_axis}`,
  statistic: { field: "coefficient", label: (plan) => `${methodOf(plan)} correlation of ${plan.x_axis} and ${plan.y_axis}` },
  charts: {
    scatter: { fits: () => true, needs: "", build: buildScatterSpec },
    heatmap: { fits: () => true, needs: "", build: (input) => buildHeatmapSpec(input, "correlation") },
    bar: { fits: (c) => c.groupKeyTypes.length > 0, needs: "a group_by (one coefficient per group)", build: buildBarSpec },
    line: neverDrawn("an ordered series; a correlation is one coefficient (use scatter)"),
    box: neverDrawn("a distribution; a correlation is one coefficient (use scatter)"),
    histogram: neverDrawn("a distribution; a correlation is one coefficient (use scatter)"),
  },
  example: (pick) => examplePlan({ operation: "correlation", x_axis: pick(NUMBERS, "price"), y_axis: pick(NUMBERS, "quantity", 1), method: "spearman" }),
  shaping: fixedGroupFields([["coefficient", "float"], ["p_value", "float"], ["n", "integer"], ["method", "string"]]),
} as const satisfies OperationModule;
