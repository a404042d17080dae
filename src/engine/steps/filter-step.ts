import { z } from "zod";
import type { EngineProblem } from "../errors";
import { compileExpression } from "../expr/compile-expression";
import { selectWhere } from "../expr/evaluate-expression";
import { MAX_EXPRESSION_LENGTH } from "../expr/expression-ast";
import { ExpressionError, parseExpression } from "../expr/parse-expression";
import { printExpression } from "../expr/print-expression";
import { expressionCost } from "../expr/expression-cost";
import { selectRows } from "../ops/select-rows";
import { checkFilterCondition } from "../plan/check-filters";
import { FilterGroupSchema, FilterSchema, type FilterCondition } from "../plan/plan-fields";
import { makeProblem } from "../plan/plan-problems";
import { scopeOf } from "./derive-step";
import type { StepModule } from "./step";
import { expressionProblem } from "./step-problems";

const ExpressionFilterSchema = z.strictObject({
  expr: z.string().max(MAX_EXPRESSION_LENGTH).meta({ description: "A true/false expression (the language is described on `steps`); rows where it is false or missing are removed." }),
});
const FilterStepSchema = z.union([ExpressionFilterSchema, FilterSchema, FilterGroupSchema]);
type FilterStep = z.output<typeof FilterStepSchema>;

const isExpression = (body: FilterStep): body is z.output<typeof ExpressionFilterSchema> => "expr" in body;

/**
 * `{"filter": {"expr": "..."}}` keeps the rows where a true/false expression holds (a pandas boolean mask: false
 * and missing rows go); `{"filter": {column, operator, value, case_sensitive?}}` and `{"filter": {"any": [...]}}`
 * are the filter objects of `filters`, applied at this point of the pipeline (so they can test derived columns).
 */
export const filterStep: StepModule<FilterStep> = {
  kind: "filter",
  schema: FilterStepSchema,
  summary: "Keeps the rows where an expression is true, or that pass a filter object as in `filters`.",
  example: { expr: "Age >= 18 and not(is_null(Fare))" },
  normalize: (body) => body,
  check(body, context) {
    if (!isExpression(body)) {
      const types = context.scope;
      const data = new Map((context.table?.columns ?? []).filter((c) => types.get(c.name) === c.type).map((c) => [c.name, c] as const));
      return { errors: checkFilterCondition(body as FilterCondition, context.path, { types, data }), scope: context.scope };
    }
    const errors: EngineProblem[] = [];
    try {
      const compiled = compileExpression(parseExpression(body.expr), context.scope);
      if (compiled.type !== "boolean") {
        errors.push(makeProblem([...context.path, "expr"], "incompatible_type", `A filter expression must be true or false for each row; this one gives ${compiled.type} values (compare it, e.g. x > 0)`));
      }
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      errors.push(expressionProblem([...context.path, "expr"], body.expr, error));
    }
    return { errors, scope: context.scope };
  },
  cost: (body, rows) => (isExpression(body) ? expressionCost(body.expr, rows) + rows : rows * ("any" in body ? body.any.length : 1)),
  apply(frame, body) {
    if (!isExpression(body)) return { frame: selectRows(frame, [body as FilterCondition], "plan.steps").frame };
    const tree = parseExpression(body.expr);
    const rows = selectWhere(compileExpression(tree, scopeOf(frame)), frame);
    return { frame: { ...frame, rows }, expression: printExpression(tree) };
  },
};
