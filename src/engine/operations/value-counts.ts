import type { ScalarValue } from "../aggregates/aggregate-op";
import { valueCounts } from "../aggregates/value-counts";
import { buildValueCountsBarSpec } from "../charts/value-counts-spec";
import { frameColumn } from "../frame/frame";
import { makeProblem } from "../plan/plan-problems";
import { DropnaSchema, NormalizeSchema } from "../results/result-params";
import { shapeItems, shapesResult } from "../results/shape-order";
import type { ColumnType } from "../table/types";
import { neverDrawn, type OperationModule, type OperationOutput, type ResultField } from "./operation";
import { CATEGORIES, examplePlan } from "./example-plan";
import { requiredField } from "./required-field";

const ANY_TYPE: readonly ColumnType[] = ["integer", "float", "boolean", "datetime", "string"];

/** One entry of a value_counts result. */
export interface ValueCountsEntry {
  value: ScalarValue | null;
  count: number;
  proportion?: number;
}

export interface ValueCountsResult {
  entries: ValueCountsEntry[];
  /** Rows counted: the non-missing ones (dropna), or all of them. Proportions divide by it. */
  total: number;
  /** Distinct values counted (entries before having and limit; the missing entry counts when dropna is false). */
  distinct: number;
  /** With limit: the entries that passed having, before the limit. */
  total_entries?: number;
}

const NOT_DRAWN = "one bar per value (use bar)";

/**
 * `value_counts` of target_column over the rows after the steps: pandas `Series.value_counts(normalize,
 * dropna)` (aggregates/value-counts.ts: count descending, equal counts in first-appearance order, pandas 3's
 * stable order), each entry `{value, count}` plus `proportion` when `normalize` is true. having (on value, count,
 * proportion), sort and limit shape the entries; `distinct` keeps the number of distinct values.
 * Cost: two passes (value ids, counts) and one over the entries to sort them.
 * Charts: `bar` only (one bar per value).
 */
export const valueCountsOperation = {
  name: "value_counts",
  summary: "How often each value of a column occurs (counts or proportions), most frequent first.",
  rule: {
    required: ["target_column"],
    optional: ["filters", "chart_type", "normalize", "dropna"],
    columnTypes: { target_column: ANY_TYPE },
    defaults: { normalize: false, dropna: true },
  },
  params: { normalize: NormalizeSchema, dropna: DropnaSchema },
  cost: (_plan, c): number => c.rows * 3,
  execute(frame, plan): OperationOutput {
    const column = frameColumn(frame, requiredField(plan.target_column, "target_column"), "plan.target_column");
    const normalize = plan.normalize === true;
    const counts = valueCounts(column, frame.rows, { normalize, dropna: plan.dropna !== false });
    let entries: ValueCountsEntry[] = counts.entries;
    const result: ValueCountsResult = { entries, total: counts.total, distinct: counts.distinct };
    if (shapesResult(plan)) {
      // only the fields having or sort name are built (sorting a million entries by count encodes no values)
      const fields = fieldsOf(plan, column.type).map((field) => ({ ...field, values: () => counts.entries.map((entry) => entry[field.name as keyof ValueCountsEntry]) }));
      const { order, matched } = shapeItems(plan, entries.length, fields);
      entries = Array.from(order, (i) => counts.entries[i]);
      result.entries = entries;
      if (plan.limit !== undefined) result.total_entries = matched;
    }
    return { result, grouping: null };
  },
  describe: (plan): string => `Value counts of ${plan.target_column}`,
  charts: {
    bar: { fits: () => true, needs: "", build: buildValueCountsBarSpec },
    line: neverDrawn(NOT_DRAWN),
    scatter: neverDrawn(NOT_DRAWN),
    heatmap: neverDrawn(NOT_DRAWN),
    box: neverDrawn(`${NOT_DRAWN}; a box plot of the column's values suits an aggregation of it`),
    histogram: neverDrawn(`${NOT_DRAWN}; a histogram of the column's values suits an aggregation of it`),
  },
  shaping: { list: "items", having: true, fields: (plan, typeOf): ResultField[] => fieldsOf(plan, plan.target_column == null ? undefined : typeOf(plan.target_column)) },
  example: (pick) => examplePlan({ operation: "value_counts", target_column: pick(CATEGORIES, "city"), normalize: true, limit: 10 }),
  check: (plan) =>
    typeof plan.normalize === "string"
      ? [makeProblem(["normalize"], "invalid_value", `normalize of value_counts is true or false; "${plan.normalize}" is a crosstab option`)]
      : [],
} as const satisfies OperationModule;

function fieldsOf(plan: Readonly<Record<string, unknown>>, valueType: ColumnType | undefined): ResultField[] {
  const fields: ResultField[] = [{ name: "value", type: valueType }, { name: "count", type: "integer" }];
  return plan.normalize === true ? [...fields, { name: "proportion", type: "float" }] : fields;
}
