import { sortRows } from "../ops/sort-rows";
import { frameColumn } from "../frame/frame";
import { checkResultColumns } from "../results/check-result-columns";
import { OffsetSchema, ResultColumnsSchema } from "../results/result-params";
import { cellValue, returnedColumns, type CellValue } from "../results/row-values";
import { DEFAULT_ROWS_LIMIT } from "../results/shaping-schema";
import type { EngineProblem } from "../errors";
import { CATEGORIES, examplePlan, NUMBERS } from "./example-plan";
import { neverDrawn, type OperationModule, type OperationOutput } from "./operation";

export interface RowsResult {
  /** The returned columns, in order. */
  columns: string[];
  /** One array per row of the page, its cells in `columns` order. */
  rows: CellValue[][];
  /** Rows after the filters and steps (before offset and limit). */
  total_rows: number;
  /** Whether rows follow the page (offset + page size < total_rows). */
  truncated: boolean;
}

const NOT_DRAWN = "a result to draw; rows returns table cells (aggregate them to draw, e.g. histogram with an aggregation of the column)";

/**
 * `rows`: a page of the rows left after the filters and steps, in their order or by the plan's `sort` (stable,
 * missing values last; by any column in scope, returned or not), from `offset` (default 0), at most `limit`
 * (default 100, at most 1,000), with the chosen `columns` (default every column, derived ones included). Values
 * as JSON: numbers, strings, booleans, ISO 8601 datetimes, null. pandas `df.sort_values(...).iloc[offset:offset
 * + limit][columns]`.
 * Cost: a radix sort per sort key, and the page.
 * Charts: none (chart_unsupported).
 */
export const rowsOperation = {
  name: "rows",
  summary: "A page of the rows after the filters and steps (chosen columns, optionally sorted): e.g. the 10 most expensive orders.",
  rule: { required: [], optional: ["filters", "chart_type", "columns", "offset"], columnTypes: {}, defaults: { offset: 0, limit: DEFAULT_ROWS_LIMIT } },
  params: { columns: ResultColumnsSchema, offset: OffsetSchema },
  cost: (plan, c): number => c.rows * (1 + 8 * (plan.sort?.length ?? 0)),
  execute(frame, plan): OperationOutput {
    const columns = returnedColumns(frame, plan.columns as string[] | undefined);
    const sort = plan.sort ?? [];
    const ordered = sort.length === 0
      ? frame.rows
      : sortRows(frame.rows, sort.map((key, i) => ({ column: frameColumn(frame, key.column, `plan.sort[${i}].column`), descending: key.direction === "desc" })));
    const offset = (plan.offset as number | undefined) ?? 0;
    const page = ordered.subarray(Math.min(offset, ordered.length), Math.min(offset + (plan.limit ?? DEFAULT_ROWS_LIMIT), ordered.length));
    const rows = Array.from(page, (row) => columns.map((column) => cellValue(column, row)));
    const result: RowsResult = { columns: columns.map((column) => column.name), rows, total_rows: ordered.length, truncated: offset + page.length < ordered.length };
    return { result, grouping: null };
  },
  describe: (): string => "Rows",
  charts: {
    bar: neverDrawn(NOT_DRAWN), line: neverDrawn(NOT_DRAWN), scatter: neverDrawn(NOT_DRAWN),
    heatmap: neverDrawn(NOT_DRAWN), box: neverDrawn(NOT_DRAWN), histogram: neverDrawn(NOT_DRAWN),
  },
  shaping: { list: "items", having: false, sortsByColumn: true, fields: () => [] },
  example: (pick) => {
    const value = pick(NUMBERS, "price");
    return examplePlan({ operation: "rows", columns: [pick(CATEGORIES, "name"), value], sort: [{ column: value, direction: "desc" }], limit: 10 });
  },
  check: (plan, index): EngineProblem[] => checkResultColumns(plan.columns as string[] | undefined, index),
} as const satisfies OperationModule;
