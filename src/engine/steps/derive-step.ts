import { z } from "zod";
import { compileExpression, type Scope } from "../expr/compile-expression";
import { evaluateToColumn } from "../expr/evaluate-expression";
import { MAX_EXPRESSION_LENGTH } from "../expr/expression-ast";
import { ExpressionError, parseExpression } from "../expr/parse-expression";
import { printExpression } from "../expr/print-expression";
import { expressionCost } from "../expr/expression-cost";
import type { Frame } from "../frame/frame";
import { ColumnRefSchema, MAX_COLUMN_NAME } from "../plan/plan-fields";
import { makeProblem, quote } from "../plan/plan-problems";
import type { EngineProblem } from "../errors";
import type { ColumnType } from "../table/types";
import { MAX_SORT_KEYS, normalizeSortKeys, SortKeySchema, windowLayout } from "./sort-keys";
import type { StepModule } from "./step";
import { checkColumnsInScope, expressionProblem } from "./step-problems";

const DeriveSchema = z.strictObject({
  name: z.string().min(1).max(MAX_COLUMN_NAME).meta({ description: "The new column's name; it must not be a column already (dataset or derived)." }),
  expr: z.string().max(MAX_EXPRESSION_LENGTH).meta({ description: "The formula, computed for every row (the expression language is described on `steps`)." }),
  order_by: z.array(SortKeySchema).max(MAX_SORT_KEYS).optional().meta({ description: "Window functions (lag, lead, diff, pct_change, cumsum, rolling_*) walk the rows in this order (default: the current row order); the row order itself does not change." }),
  partition_by: z.array(ColumnRefSchema).max(MAX_SORT_KEYS).optional().meta({ description: "Window and column-wise functions restart for each combination of these columns (pandas groupby(...).transform); rows with a missing key get a missing value." }),
});
type Derive = z.output<typeof DeriveSchema>;

/** Parses and type-checks the expression against the scope: the compiled form, or the problem at its token. */
function compileAt(body: Derive, scope: Scope, path: readonly PropertyKey[]) {
  try {
    return { compiled: compileExpression(parseExpression(body.expr), scope) };
  } catch (error) {
    if (error instanceof ExpressionError) return { problem: expressionProblem([...path, "expr"], body.expr, error) };
    throw error;
  }
}

/** The scope's column types as the frame holds them (dataset and derived columns). */
export function scopeOf(frame: Frame): Scope {
  return new Map([...frame.columns].map(([name, column]) => [name, column.type] as const));
}

/**
 * `{"derive": {"name", "expr", "order_by"?, "partition_by"?}}`: adds a column computed by an expression
 * (pandas `df[name] = ...`), typed so later steps and the operation are checked against it. The name may not
 * shadow a column. Cost: the expression's per-row work, and a sort for order_by/partition_by.
 */
export const deriveStep: StepModule<Derive> = {
  kind: "derive",
  schema: DeriveSchema,
  summary: "Adds a column computed by an expression, e.g. FamilySize = SibSp + Parch.",
  example: { name: "FamilySize", expr: "SibSp + Parch + 1" },
  normalize: (body) => ({
    name: body.name,
    expr: body.expr,
    ...(body.order_by?.length ? { order_by: normalizeSortKeys(body.order_by) } : {}),
    ...(body.partition_by?.length ? { partition_by: [...body.partition_by] } : {}),
  }),
  check(body, context) {
    const errors: EngineProblem[] = [];
    if (context.scope.has(body.name)) {
      const what = context.derived.has(body.name) ? "a column derived by an earlier step" : "a column of the dataset";
      errors.push(makeProblem([...context.path, "name"], "duplicate_column", `${quote(body.name)} is already ${what}; choose another name`));
    }
    errors.push(...checkColumnsInScope((body.order_by ?? []).map((key) => key.column), [...context.path, "order_by"], context.scope).map(atColumn));
    errors.push(...checkColumnsInScope(body.partition_by ?? [], [...context.path, "partition_by"], context.scope));
    const result = compileAt(body, context.scope, context.path);
    if ("problem" in result) errors.push(result.problem!);
    const type: ColumnType = result.compiled === undefined || result.compiled.type === "null" ? "float" : result.compiled.type;
    return { errors, scope: new Map([...context.scope, [body.name, type]]) };
  },
  cost(body, rows) {
    const sorted = (body.order_by?.length ?? 0) + (body.partition_by?.length ?? 0);
    return expressionCost(body.expr, rows) + rows + (sorted > 0 ? rows * Math.log2(rows + 1) * sorted : 0);
  },

  apply(frame, body) {
    const tree = parseExpression(body.expr);
    const compiled = compileExpression(tree, scopeOf(frame));
    const layout = windowLayout(frame, body.order_by ?? [], body.partition_by ?? [], "plan.steps");
    const column = evaluateToColumn(compiled, frame, body.name, layout);
    const columns = new Map(frame.columns);
    columns.set(body.name, column);
    return { frame: { ...frame, columns }, expression: printExpression(tree) };
  },
};

/** order_by problems point at the key's column field. */
function atColumn(problem: EngineProblem): EngineProblem {
  return { ...problem, path: `${problem.path}.column` };
}
