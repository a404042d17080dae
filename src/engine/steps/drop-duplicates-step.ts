import { z } from "zod";
import type { Column } from "../table/types";
import { ColumnListSchema, columnsOf } from "./column-list";
import type { StepModule } from "./step";
import { checkColumnsInScope } from "./step-problems";

const DropDuplicatesSchema = z.strictObject({
  columns: ColumnListSchema.optional().meta({ description: "Columns that make rows equal (default: every column, derived ones included)." }),
  keep: z.enum(["first", "last", "none"]).optional().meta({ description: "Which of equal rows stays: first (default), last, or none of them." }),
});
type DropDuplicates = z.output<typeof DropDuplicatesSchema>;

/**
 * Dense ids of the rows' value combinations over the columns, in the frame's order: two positions get the same
 * id exactly when every column holds equal values there (missing equals missing, and -0 equals 0, as pandas'
 * hash tables treat them). Columns are folded in one at a time and re-densified, so ids never overflow.
 */
function rowIds(rows: Uint32Array, columns: readonly Column[]): Int32Array {
  if (columns.length === 0) return new Int32Array(rows.length);
  // The first column's ids are already dense: combining them with all-zero ids would only rehash them.
  let ids = valueIds(columns[0], rows);
  for (let c = 1; c < columns.length; c++) ids = combine(ids, valueIds(columns[c], rows));
  return ids;
}

/** Dense ids of one column's values at the positions (Map keys use SameValueZero: NaN = NaN, -0 = 0). */
function valueIds(column: Column, rows: Uint32Array): Int32Array {
  const seen = new Map<number, number>();
  const out = new Int32Array(rows.length);
  const read = column.type === "string" ? column.codes : column.values;
  for (let p = 0; p < rows.length; p++) {
    const value = read[rows[p]];
    let id = seen.get(value);
    if (id === undefined) {
      id = seen.size;
      seen.set(value, id);
    }
    out[p] = id;
  }
  return out;
}

/** Combines two id arrays into dense ids of their pairs. */
function combine(a: Int32Array, b: Int32Array): Int32Array {
  const seen = new Map<number, number>();
  const out = new Int32Array(a.length);
  for (let p = 0; p < a.length; p++) {
    const key = a[p] * 0x100000000 + b[p];
    let id = seen.get(key);
    if (id === undefined) {
      id = seen.size;
      seen.set(key, id);
    }
    out[p] = id;
  }
  return out;
}

/**
 * `{"drop_duplicates": {"columns"?, "keep"?}}`: removes repeated rows, pandas `drop_duplicates(subset, keep)`
 * over the current row order: `first` keeps each combination's first row, `last` its last, `none` drops every row
 * whose combination repeats. The kept rows keep their order. Cost: one hashing pass per column.
 */
export const dropDuplicatesStep: StepModule<DropDuplicates> = {
  kind: "drop_duplicates",
  schema: DropDuplicatesSchema,
  summary: "Removes repeated rows (over the given columns, or all), keeping the first, the last or none of each.",
  example: { columns: ["Name"], keep: "first" },
  normalize: (body) => ({ ...(body.columns === undefined ? {} : { columns: [...body.columns] }), keep: body.keep ?? "first" }),
  check: (body, context) => ({ errors: checkColumnsInScope(body.columns ?? [], [...context.path, "columns"], context.scope), scope: context.scope }),
  cost: (body, rows) => rows * 3 * (body.columns?.length ?? 10),
  apply(frame, body) {
    const rows = frame.rows;
    const ids = rowIds(rows, columnsOf(frame, body.columns, "plan.steps.columns"));
    const keep = body.keep ?? "first";
    const kept = new Uint32Array(rows.length);
    let count = 0;
    if (keep === "none") {
      const occurrences = new Int32Array(rows.length);
      for (let p = 0; p < rows.length; p++) occurrences[ids[p]]++;
      for (let p = 0; p < rows.length; p++) if (occurrences[ids[p]] === 1) kept[count++] = rows[p];
      return { frame: { ...frame, rows: kept.subarray(0, count) } };
    }
    const seen = new Uint8Array(rows.length);
    if (keep === "last") {
      // Walked backwards, the survivors fill the array from its end, so they come out in frame order.
      let at = rows.length;
      for (let p = rows.length - 1; p >= 0; p--) if (seen[ids[p]] === 0) { seen[ids[p]] = 1; kept[--at] = rows[p]; }
      return { frame: { ...frame, rows: kept.subarray(at) } };
    }
    for (let p = 0; p < rows.length; p++) if (seen[ids[p]] === 0) { seen[ids[p]] = 1; kept[count++] = rows[p]; }
    return { frame: { ...frame, rows: kept.subarray(0, count) } };
  },
};
