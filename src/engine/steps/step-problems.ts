import type { EngineProblem } from "../errors";
import { ExpressionError } from "../expr/parse-expression";
import { makeProblem, quote } from "../plan/plan-problems";
import { suggestClosest } from "../plan/suggest-name";
import type { Scope } from "../expr/compile-expression";

/**
 * The problem of an expression that does not parse or type-check, at the plan path of its text, with the
 * character span of the offending token (`position`, 0-based, end exclusive) and the token quoted in the message.
 *
 * @example expressionProblem(["steps", 0, "derive", "expr"], "Aeg * 2", error)
 * // { path: "plan.steps[0].derive.expr", code: "unknown_column", message: 'No column named "Aeg" (at 1-3: Aeg)', ... }
 */
export function expressionProblem(path: readonly PropertyKey[], text: string, error: ExpressionError): EngineProblem {
  const { code, message, start, end, suggestion } = error.problem;
  const token = text.slice(start, end);
  const where = end > start ? ` (characters ${start + 1}-${end}: ${quote(token, 40)})` : message.includes("at character") ? "" : ` (at character ${start + 1})`;
  const problem = makeProblem(path, code as never, `${message}${where}`, suggestion);
  problem.position = { start, end };
  return problem;
}

/** `unknown_column` for a name not in scope, with the closest name as the suggestion. */
export function unknownColumn(path: readonly PropertyKey[], name: string, scope: Scope): EngineProblem {
  return makeProblem(path, "unknown_column", `No column named ${quote(name)}`, suggestClosest(name, [...scope.keys()]));
}

/** Checks that every named column is in scope; returns the problems. */
export function checkColumnsInScope(names: readonly string[], path: readonly PropertyKey[], scope: Scope): EngineProblem[] {
  return names.flatMap((name, i) => (scope.has(name) ? [] : [unknownColumn([...path, i], name, scope)]));
}
