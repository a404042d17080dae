import type { EngineProblem } from "../errors";
import type { OperationModule } from "../operations/operation";
import { operationModule } from "../operations/registry";
import type { ColumnIndex } from "../plan/check-columns";
import { checkFilterCondition } from "../plan/check-filters";
import { isPresent } from "../plan/operation-rules";
import type { Filter, FilterCondition } from "../plan/plan-fields";
import { makeProblem, quote } from "../plan/plan-problems";
import type { ParsedPlan } from "../plan/plan-schema";
import { suggestClosest } from "../plan/suggest-name";
import type { ColumnType } from "../table/types";
import { shapingColumns, type ResultColumn } from "./result-columns";

const SHAPING_FIELDS = ["having", "sort", "limit"] as const;

/**
 * The columns of one item of the plan's list result ({@link shapingColumns} of its operation's shaping). Null
 * when the result is not a list the plan can shape (an ungrouped aggregation, describe, crosstab, forecast...).
 *
 * @example resultColumns({ operation: "mean", target_column: "price", group_by: ["store"] }, typeOf)
 * // [{ name: "store", key: true, ... }, { name: "value", ... }, { name: "count", ... }]
 */
export function resultColumns(plan: ParsedPlan, typeOf: (name: string) => ColumnType | undefined): ResultColumn[] | null {
  const shaping = operationModule(plan.operation).shaping;
  return shaping === undefined ? null : shapingColumns(shaping, plan, typeOf);
}

/**
 * Checks `having`, `sort` and `limit` against the result they shape:
 * - they apply only to a list result (`not_applicable` otherwise: an operation without shaping, an ungrouped
 *   aggregation, `having` on rows);
 * - every `column` they name is a column of the result (`unknown_column` with the closest name), not a name
 *   shared by a group key and a result field (`invalid_value`), and not a list (mode: `incompatible_type`);
 * - `having` filters have their operator's value shape, and with a dataset every value coerces to the result
 *   column's type (the filter checks of check-filters.ts, over the result's columns).
 *
 * @example checkShaping({ operation: "mean", target_column: "p", limit: 3 }).map((p) => p.code) // ["not_applicable"]
 */
export function checkShaping(plan: ParsedPlan, index?: ColumnIndex): EngineProblem[] {
  const present = SHAPING_FIELDS.filter((field) => isPresent(plan, field));
  if (present.length === 0) return [];
  const module = operationModule(plan.operation);
  const columns = resultColumns(plan, (name) => index?.types.get(name));
  const refused = present.flatMap((field) => notApplicable(field, plan, module, columns));
  if (refused.length > 0 || columns === null) return refused;

  const problems: EngineProblem[] = [];
  const types = new Map<string, ColumnType>();
  for (const column of columns) if (column.type !== undefined && !types.has(column.name)) types.set(column.name, column.type);
  ((plan.having ?? []) as FilterCondition[]).forEach((condition, i) => {
    const shape = checkFilterCondition(condition, ["having", i]);
    const filters: Array<[Filter, PropertyKey[]]> = "any" in condition
      ? condition.any.map((filter, j): [Filter, PropertyKey[]] => [filter, ["having", i, "any", j, "column"]])
      : [[condition, ["having", i, "column"]]];
    const names = filters.flatMap(([filter, path]) => checkName(filter.column, path, columns, "having"));
    problems.push(...shape, ...names);
    // Values coerce to the result column's type (known with a dataset), as filter values do to a column's.
    if (index !== undefined && shape.length === 0 && names.length === 0) problems.push(...checkFilterCondition(condition, ["having", i], { types, data: new Map() }));
  });
  (plan.sort ?? []).forEach((key, i) => {
    if (!module.shaping?.sortsByColumn) problems.push(...checkName(key.column, ["sort", i, "column"], columns, "sort"));
    else if (index !== undefined && !index.types.has(key.column)) {
      problems.push(makeProblem(["sort", i, "column"], "unknown_column", `No column named ${quote(key.column)}`, suggestClosest(key.column, index.names)));
    }
  });
  return problems;
}

function notApplicable(field: (typeof SHAPING_FIELDS)[number], plan: ParsedPlan, module: OperationModule, columns: ResultColumn[] | null): EngineProblem[] {
  const operation = plan.operation;
  if (module.shaping === undefined) {
    return [makeProblem([field], "not_applicable", `${field} does not apply to ${operation}: it shapes grouped results, value_counts and rows; remove it`)];
  }
  if (columns === null) {
    return [makeProblem([field], "not_applicable", `${field} shapes the groups of a grouped result; ${operation} without group_by gives one result; add a group_by or remove ${field}`)];
  }
  if (field === "having" && !module.shaping.having) {
    return [makeProblem([field], "not_applicable", `having does not apply to ${operation}; select rows with filters or a filter step instead`)];
  }
  return [];
}

function checkName(name: string, path: readonly PropertyKey[], columns: readonly ResultColumn[], field: "having" | "sort"): EngineProblem[] {
  const matches = columns.filter((column) => column.name === name);
  const names = [...new Set(columns.map((column) => column.name))];
  if (matches.length === 0) {
    // "median" for "median_price": an op named without its column is the one result it starts.
    const prefixed = names.filter((candidate) => candidate.startsWith(`${name}_`));
    const suggestion = suggestClosest(name, names) ?? (prefixed.length === 1 ? prefixed[0] : undefined);
    return [makeProblem(path, "unknown_column", `No result column named ${quote(name)}; the result has ${names.map((n) => quote(n)).join(", ")}`, suggestion)];
  }
  if (matches.length > 1) {
    return [makeProblem(path, "invalid_value", `${quote(name)} is both a group_by column and a result field; use the aggregate operation with another name (as) to tell them apart`)];
  }
  if (matches[0].list) {
    const verb = field === "having" ? "compared" : "sorted";
    return [makeProblem(path, "incompatible_type", `${quote(name)} holds a list of values (every mode) and cannot be ${verb}`)];
  }
  return [];
}
