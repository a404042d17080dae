import { z } from "zod";
import { sortRows } from "../ops/sort-rows";
import { MAX_SORT_KEYS, normalizeSortKeys, sortKeysOf, SortKeySchema } from "./sort-keys";
import type { StepModule } from "./step";
import { checkColumnsInScope } from "./step-problems";

const SortSchema = z.strictObject({
  by: z.array(SortKeySchema).min(1).max(MAX_SORT_KEYS).meta({ description: "Sort keys, most significant first." }),
});
type Sort = z.output<typeof SortSchema>;

/**
 * `{"sort": {"by": [{"column", "direction"}]}}`: reorders the rows, pandas `sort_values(by, ascending,
 * kind="stable", na_position="last")`; later window functions and `rows` results follow this order. Cost: a
 * radix sort per key.
 */
export const sortStep: StepModule<Sort> = {
  kind: "sort",
  schema: SortSchema,
  summary: "Sorts the rows (stable; missing values last); window functions in later steps follow this order.",
  example: { by: [{ column: "Date", direction: "asc" }] },
  normalize: (body) => ({ by: normalizeSortKeys(body.by) }),
  check: (body, context) => ({
    errors: checkColumnsInScope(body.by.map((key) => key.column), [...context.path, "by"], context.scope).map((p) => ({ ...p, path: `${p.path}.column` })),
    scope: context.scope,
  }),
  cost: (body, rows) => rows * 8 * body.by.length,
  apply: (frame, body) => ({ frame: { ...frame, rows: sortRows(frame.rows, sortKeysOf(frame, body.by, "plan.steps.by")) } }),
};
