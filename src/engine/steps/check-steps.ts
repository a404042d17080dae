import type { EngineProblem } from "../errors";
import type { Scope } from "../expr/compile-expression";
import { ExpressionError, parseExpression } from "../expr/parse-expression";
import { makeProblem, quote } from "../plan/plan-problems";
import type { Table } from "../table/types";
import { STEP_KINDS, stepEntry, stepModule } from "./registry";
import { MAX_DERIVED_COLUMNS } from "./step-schema";
import { expressionProblem } from "./step-problems";

export interface StepsCheck {
  errors: EngineProblem[];
  warnings: EngineProblem[];
  /** The columns after every step (dataset plus derived), when the dataset is known. */
  scope?: Scope;
}

/**
 * Checks a plan's steps in order, each against the columns the steps before it leave: every step names exactly
 * one kind; with a dataset, each step's module checks its body (columns exist, expressions type-check, derived
 * names are new) and passes the scope on (a derive adds its typed column). Without a dataset only what needs no
 * columns is checked: expressions parse, and derived names are distinct.
 *
 * @example checkSteps([{ derive: { name: "f", expr: "a +" } }]).errors[0].code // "syntax_error"
 */
export function checkSteps(steps: readonly Record<string, unknown>[], scope?: Scope, table?: Table): StepsCheck {
  const errors: EngineProblem[] = [];
  const warnings: EngineProblem[] = [];
  const derived = new Set<string>();
  let current = scope;
  steps.forEach((step, i) => {
    const kinds = Object.keys(step);
    if (kinds.length !== 1) {
      const found = kinds.length === 0 ? "none" : kinds.join(" and ");
      errors.push(makeProblem(["steps", i], "invalid", `A step is an object with exactly one key naming its kind (${STEP_KINDS.join(", ")}); this one has ${found}`));
      return;
    }
    const { kind, body } = stepEntry(step);
    const path = ["steps", i, kind];
    const name = kind === "derive" ? (body as { name: string }).name : undefined;
    if (current === undefined) {
      errors.push(...parseOnly(body, path));
      if (name !== undefined && derived.has(name)) errors.push(makeProblem([...path, "name"], "duplicate_column", `${quote(name)} is already derived by an earlier step; choose another name`));
    } else {
      const check = stepModule(kind).check(body, { scope: current, table, path, derived });
      errors.push(...check.errors);
      warnings.push(...(check.warnings ?? []));
      current = check.scope;
    }
    if (name !== undefined) {
      derived.add(name);
      if (derived.size === MAX_DERIVED_COLUMNS + 1) {
        errors.push(makeProblem([...path, "name"], "too_many", `A plan derives at most ${MAX_DERIVED_COLUMNS} columns`));
      }
    }
  });
  return { errors, warnings, scope: current };
}

/** Without a dataset: the syntax of the step's expression, if it has one. */
function parseOnly(body: unknown, path: readonly PropertyKey[]): EngineProblem[] {
  const expr = (body as { expr?: unknown }).expr;
  if (typeof expr !== "string") return [];
  try {
    parseExpression(expr);
    return [];
  } catch (error) {
    if (error instanceof ExpressionError) return [expressionProblem([...path, "expr"], expr, error)];
    throw error;
  }
}
