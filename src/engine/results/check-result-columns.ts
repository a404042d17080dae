import type { EngineProblem } from "../errors";
import type { ColumnIndex } from "../plan/check-columns";
import { makeProblem, quote } from "../plan/plan-problems";
import { suggestClosest } from "../plan/suggest-name";

/**
 * Checks a result's `columns` list (rows, argmax, argmin): no column twice (`duplicate_column`) and, with the
 * columns in scope after the steps, each one exists (`unknown_column`, with the closest name).
 *
 * @example checkResultColumns(["Fare", "Fare"]) // [{ path: "plan.columns[1]", code: "duplicate_column", ... }]
 */
export function checkResultColumns(columns: readonly string[] | null | undefined, index?: ColumnIndex): EngineProblem[] {
  const problems: EngineProblem[] = [];
  (columns ?? []).forEach((name, i) => {
    if ((columns ?? []).indexOf(name) < i) problems.push(makeProblem(["columns", i], "duplicate_column", `${quote(name)} appears more than once in columns`));
    else if (index !== undefined && !index.types.has(name)) problems.push(makeProblem(["columns", i], "unknown_column", `No column named ${quote(name)}`, suggestClosest(name, index.names)));
  });
  return problems;
}
