import { formatValue } from "../aggregates/column-values";
import { frameValueColumn } from "../frame/frame";
import { jsonRecord } from "../json-record";
import { argExtreme } from "../results/arg-extreme";
import { checkResultColumns } from "../results/check-result-columns";
import { ResultColumnsSchema } from "../results/result-params";
import { cellValue, returnedColumns, type CellValue } from "../results/row-values";
import type { EngineProblem } from "../errors";
import type { ColumnType } from "../table/types";
import { neverDrawn, type OperationModule, type OperationOutput } from "./operation";
import { DATETIMES, examplePlan, NUMBERS } from "./example-plan";
import { requiredField } from "./required-field";

export interface ArgExtremeResult {
  /** The row's 0-based index in the dataset (pandas' default index label, kept through filters and steps). */
  row_index: number | null;
  /** The extreme value (ISO for datetimes, true/false for booleans). */
  value: number | string | boolean | null;
  /** Rows holding that value (1 when it is unique); 0 when every value is missing. */
  occurrences: number;
  /** The row's chosen columns. */
  row: Record<string, CellValue> | null;
}

const ORDERED: readonly ColumnType[] = ["integer", "float", "boolean", "datetime"];
const NOT_DRAWN = "a result to draw; argmax and argmin return one row";

/**
 * `argmax` / `argmin` of target_column over the rows after the filters and steps: the first row, in row order
 * (a sort step orders it), holding the largest / smallest value, as pandas `idxmax()` / `idxmin()` (missing
 * values skipped), with its 0-based dataset index, the value, how many rows hold it, and its `columns` (default
 * every column). Every value missing: nulls and 0 occurrences (pandas raises there).
 * Cost: one pass, and the row.
 * Charts: none (chart_unsupported).
 */
function argOperation<N extends "argmax" | "argmin">(name: N) {
  const which = name === "argmax" ? "max" : "min";
  return {
    name,
    summary: `The row holding the ${which === "max" ? "largest" : "smallest"} value of a column (pandas idx${which}), with how many rows share it.`,
    rule: { required: ["target_column"], optional: ["filters", "chart_type", "columns"], columnTypes: { target_column: ORDERED }, defaults: {} },
    params: { columns: ResultColumnsSchema },
    cost: (_plan, c): number => c.rows,
    execute(frame, plan): OperationOutput {
      const target = frameValueColumn(frame, requiredField(plan.target_column, "target_column"), "plan.target_column");
      const { position, count } = argExtreme(target.values, frame.rows, which);
      if (position < 0) return { result: { row_index: null, value: null, occurrences: 0, row: null } satisfies ArgExtremeResult, grouping: null };
      const row = frame.rows[position];
      const columns = returnedColumns(frame, plan.columns as string[] | undefined);
      const result: ArgExtremeResult = {
        row_index: row,
        value: formatValue(target, target.values[row]),
        occurrences: count,
        row: jsonRecord(columns.map((column) => [column.name, cellValue(column, row)] as const)),
      };
      return { result, grouping: null };
    },
    describe: (plan): string => `Row with the ${which === "max" ? "largest" : "smallest"} ${plan.target_column}`,
    charts: {
      bar: neverDrawn(NOT_DRAWN), line: neverDrawn(NOT_DRAWN), scatter: neverDrawn(NOT_DRAWN),
      heatmap: neverDrawn(NOT_DRAWN), box: neverDrawn(NOT_DRAWN), histogram: neverDrawn(NOT_DRAWN),
    },
    example: (pick) => {
      const value = pick(NUMBERS, "temperature");
      return examplePlan({ operation: name, target_column: value, columns: [pick(DATETIMES, "date"), value] });
    },
    check: (plan, index): EngineProblem[] => checkResultColumns(plan.columns as string[] | undefined, index),
  } as const satisfies OperationModule;
}

export const argmax = argOperation("argmax");
export const argmin = argOperation("argmin");
