import { crosstab } from "../aggregates/crosstab";
import { buildCrosstabBarSpec, buildCrosstabHeatmapSpec } from "../charts/crosstab-spec";
import type { EngineProblem } from "../errors";
import { makeProblem } from "../plan/plan-problems";
import { groupKeyColumns } from "../results/group-key-columns";
import { MarginsSchema, NormalizeSchema } from "../results/result-params";
import type { KeyValue } from "../ops/encode-key-column";
import { CATEGORIES, examplePlan } from "./example-plan";
import { neverDrawn, type OperationModule, type OperationOutput, type PlanFields } from "./operation";

export interface CrosstabResult {
  /** Values of the first group_by column (pandas' index), sorted as group keys are. */
  row_labels: KeyValue[];
  /** Values of the second (pandas' columns), sorted. */
  column_labels: KeyValue[];
  /** values[i][j]: rows with row_labels[i] and column_labels[j], a count or, normalised, a share. */
  values: Array<Array<number | null>>;
  /** margins: each row's total (pandas' "All" column); null where pandas has none (normalize "index"). */
  row_margins?: Array<number | null> | null;
  /** margins: each column's total (the "All" row); null where pandas has none (normalize "columns"). */
  column_margins?: Array<number | null> | null;
  /** margins: the All/All cell; null unless both totals exist. */
  grand_margin?: number | null;
}

type Normalize = false | "all" | "index" | "columns";
const normalizeOf = (plan: PlanFields): Normalize => (plan.normalize === true ? "all" : ((plan.normalize ?? false) as Normalize));
const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
const NOT_DRAWN = "a grid of two keys (use heatmap, or bar)";

/**
 * `crosstab` of the two group_by columns (rows, then columns; period entries allowed) over the rows after the
 * steps: pandas `crosstab(a, b, normalize, margins)` (aggregates/crosstab.ts): rows missing either value left
 * out, labels sorted as group keys, counts or shares (`normalize` "all" or true, "index", "columns"), and with
 * `margins` pandas' "All" totals. At most 5,000 cells (`too_many_groups`).
 * Cost: two passes to encode the keys and one to count.
 * Charts: `heatmap` (the table), `bar` (grouped bars).
 */
export const crosstabOperation = {
  name: "crosstab",
  summary: "A contingency table of two columns (group_by: rows, then columns): counts or shares, with optional totals.",
  rule: {
    required: ["group_by"],
    optional: ["filters", "chart_type", "normalize", "margins"],
    columnTypes: {},
    defaults: { normalize: false, margins: false },
  },
  params: { normalize: NormalizeSchema, margins: MarginsSchema },
  cost: (_plan, c): number => c.rows * 3,
  execute(frame, plan): OperationOutput {
    const [a, b] = groupKeyColumns(frame, plan.group_by);
    const table = crosstab(a, b, frame.rows, { normalize: normalizeOf(plan), margins: plan.margins === true });
    const result: CrosstabResult = {
      row_labels: table.rowLabels,
      column_labels: table.columnLabels,
      values: table.values.map((row) => row.map(finiteOrNull)),
    };
    if (plan.margins === true) {
      result.row_margins = table.rowMargins?.map(finiteOrNull) ?? null;
      result.column_margins = table.columnMargins?.map(finiteOrNull) ?? null;
      result.grand_margin = table.grandMargin === null ? null : finiteOrNull(table.grandMargin);
    }
    return { result, grouping: null };
  },
  describe: (plan): string => `Crosstab${normalizeOf(plan) === false ? "" : ` (shares: ${normalizeOf(plan)})`}`,
  charts: {
    heatmap: { fits: () => true, needs: "", build: buildCrosstabHeatmapSpec },
    bar: { fits: () => true, needs: "", build: buildCrosstabBarSpec },
    line: neverDrawn(NOT_DRAWN),
    scatter: neverDrawn(NOT_DRAWN),
    box: neverDrawn(NOT_DRAWN),
    histogram: neverDrawn(NOT_DRAWN),
  },
  example: (pick) => examplePlan({ operation: "crosstab", group_by: [pick(CATEGORIES, "region"), pick(CATEGORIES, "segment", 1)], normalize: "index", margins: true }),
  check: (plan): EngineProblem[] => {
    const count = plan.group_by?.length ?? 0;
    if (count === 0 || count === 2) return [];
    return [makeProblem(["group_by"], count < 2 ? "too_short" : "too_many", `crosstab needs exactly two group_by columns (its rows, then its columns); got ${count}`)];
  },
} as const satisfies OperationModule;
