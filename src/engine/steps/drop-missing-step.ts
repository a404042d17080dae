import { z } from "zod";
import type { StepModule } from "./step";
import { checkColumnsInScope } from "./step-problems";
import { ColumnListSchema, columnsOf, isMissing } from "./column-list";

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
    const columns = columnsOf(frame, body.columns, "plan.steps.columns");
    const rows = frame.rows.filter((row) => !columns.some((column) => isMissing(column, row)));
    return { frame: { ...frame, rows } };
  },
};
