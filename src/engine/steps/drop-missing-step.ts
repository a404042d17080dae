import { z } from "zod";
import type { StepModule } from "./step";
import { checkColumnsInScope } from "./step-problems";
import { ColumnListSchema, columnsOf } from "./column-list";

const DropMissingSchema = z.strictObject({
  columns: ColumnListSchema.optional().meta({ description: "Columns that must be present (default: every column, derived ones included)." }),
});
type DropMissing = z.output<typeof DropMissingSchema>;

/**
 * `{"drop_missing": {"columns"?}}`: removes the rows with a missing value in any of the columns (pandas
 * `dropna(subset=columns)`, how="any"), keeping the order of the others. Cost: one pass per column.
 */
export const dropMissingStep: StepModule<DropMissing> = {
  kind: "drop_missing",
  schema: DropMissingSchema,
  summary: "Removes rows with a missing value in the given columns (all columns when omitted).",
  example: { columns: ["Age", "Fare"] },
  normalize: (body) => (body.columns === undefined ? {} : { columns: [...body.columns] }),
  check: (body, context) => ({ errors: checkColumnsInScope(body.columns ?? [], [...context.path, "columns"], context.scope), scope: context.scope }),
  cost: (body, rows) => rows * (body.columns?.length ?? 10),
  apply(frame, body) {
    // One branch-free compaction per column over the rows still kept (as selectRows filters), rather than a
    // closure per row that walks the columns and re-tests each one's type.
    const rows = frame.rows.slice();
    let count = rows.length;
    for (const column of columnsOf(frame, body.columns, "plan.steps.columns")) {
      count = column.type === "string" ? keepPresentCodes(rows, count, column.codes) : keepPresentValues(rows, count, column.values);
    }
    return { frame: { ...frame, rows: rows.subarray(0, count) } };
  },
};

/** Compacts `rows[0..count)` in place to the rows whose string code is present; returns how many are left. */
function keepPresentCodes(rows: Uint32Array, count: number, codes: Int32Array): number {
  let kept = 0;
  for (let i = 0; i < count; i++) { const r = rows[i]; rows[kept] = r; kept += +(codes[r] >= 0); }
  return kept;
}

/** Compacts `rows[0..count)` in place to the rows whose value is not NaN; returns how many are left. */
function keepPresentValues(rows: Uint32Array, count: number, values: Float64Array): number {
  let kept = 0;
  for (let i = 0; i < count; i++) { const r = rows[i]; rows[kept] = r; kept += +(values[r] === values[r]); }
  return kept;
}
