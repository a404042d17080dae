import type { EngineProblem } from "../errors";
import type { Column, ColumnType } from "../table/types";
import { coerceFilterValue, describeAcceptedValues } from "./coerce-filter-value";
import { CASE_OPERATORS, TEXT_OPERATORS, type Filter, type FilterCondition, type FilterScalar } from "./plan-fields";
import { formatPlanPath, makeProblem, quote } from "./plan-problems";
import { suggestClosest } from "./suggest-name";

/** What filter checks know of the columns: their types and names, and the data of the dataset's own columns. */
export interface FilterScope {
  readonly types: ReadonlyMap<string, ColumnType>;
  readonly data: ReadonlyMap<string, Column>;
}

const LIST_OPERATORS = new Set(["in", "not_in", "between"]);
const NO_VALUE = new Set(["is_null", "not_null"]);

/**
 * Checks filters (ANDed conditions, each a filter or an `{any: [...]}` group) at `path`:
 * - their shape, with or without a dataset: comparisons need one value, `in`/`not_in` a non-empty list,
 *   `between` a list [low, high], `is_null`/`not_null` none (`required`, `invalid_type`, `invalid_value`,
 *   `not_applicable`); `case_sensitive` only with the operators that compare text;
 * - with a scope: the column exists (`unknown_column`, with a suggestion), the text operators and
 *   `case_sensitive` apply to string columns (`incompatible_type`), and every value coerces to the column's type
 *   (`uncoercible_value`, offering the matching string when a number was sent for a string column).
 *
 * @example checkFilterConditions([{ column: "age", operator: "in", value: [] }], ["filters"]).map((p) => p.code)
 * // ["too_short"]
 */
export function checkFilterConditions(conditions: readonly FilterCondition[], path: readonly PropertyKey[], scope?: FilterScope): EngineProblem[] {
  return conditions.flatMap((condition, i) => checkFilterCondition(condition, [...path, i], scope));
}

/** One condition (a filter or an `{any: [...]}` group) whose body is at `path`. */
export function checkFilterCondition(condition: FilterCondition, path: readonly PropertyKey[], scope?: FilterScope): EngineProblem[] {
  return "any" in condition ? condition.any.flatMap((filter, j) => checkFilter(filter, [...path, "any", j], scope)) : checkFilter(condition, path, scope);
}

function checkFilter(filter: Filter, path: readonly PropertyKey[], scope?: FilterScope): EngineProblem[] {
  const shape = checkShape(filter, path);
  if (shape.length > 0 || scope === undefined) return shape;
  const type = scope.types.get(filter.column);
  if (type === undefined) {
    return [makeProblem([...path, "column"], "unknown_column", `No column named ${quote(filter.column)}`, suggestClosest(filter.column, [...scope.types.keys()]))];
  }
  const textOnly = (TEXT_OPERATORS as readonly string[]).includes(filter.operator);
  if (type !== "string" && (textOnly || filter.case_sensitive !== undefined)) {
    const what = textOnly ? filter.operator : "case_sensitive";
    return [makeProblem([...path, textOnly ? "operator" : "case_sensitive"], "incompatible_type", `${what} applies to string columns; ${quote(filter.column)} is ${type}`)];
  }
  if (NO_VALUE.has(filter.operator)) return [];
  const values = Array.isArray(filter.value) ? filter.value : [filter.value as FilterScalar];
  return values.flatMap((value, k) => {
    if (value === null || coerceFilterValue(type, value) !== null) return [];
    const at = Array.isArray(filter.value) ? [...path, "value", k] : [...path, "value"];
    const shown = typeof value === "string" ? quote(value) : String(value);
    return [makeProblem(at, "uncoercible_value", `${shown} cannot be compared with ${quote(filter.column)} (${type}): expected ${describeAcceptedValues(type)}`, suggestStringValue(value, scope.data.get(filter.column)))];
  });
}

function checkShape(filter: Filter, path: readonly PropertyKey[]): EngineProblem[] {
  const field = formatPlanPath([...path, "value"]).slice("plan.".length);
  const op = filter.operator;
  if (filter.case_sensitive !== undefined && !(CASE_OPERATORS as readonly string[]).includes(op)) {
    return [makeProblem([...path, "case_sensitive"], "not_applicable", `case_sensitive does not apply to ${op}`)];
  }
  if (NO_VALUE.has(op)) {
    return filter.value === undefined ? [] : [makeProblem([...path, "value"], "not_applicable", `${op} takes no value; remove it`)];
  }
  if (filter.value === undefined) return [makeProblem([...path, "value"], "required", `${field} is required`)];
  if (LIST_OPERATORS.has(op)) {
    if (!Array.isArray(filter.value)) return [makeProblem([...path, "value"], "invalid_type", `${field} must be a list for ${op}, e.g. ${op === "between" ? "[10, 20]" : '["a", "b"]'}`)];
    if (op === "between") {
      if (filter.value.length !== 2 || filter.value.includes(null)) return [makeProblem([...path, "value"], "invalid_value", `${field} must be [low, high] for between`)];
    } else if (filter.value.length === 0) {
      return [makeProblem([...path, "value"], "too_short", `${field} needs at least 1 item`)];
    }
    return [];
  }
  if (Array.isArray(filter.value)) return [makeProblem([...path, "value"], "invalid_type", `${field} must be one value for ${op}; lists are for in, not_in and between`)];
  if ((TEXT_OPERATORS as readonly string[]).includes(op) && typeof filter.value !== "string") {
    return [makeProblem([...path, "value"], "invalid_type", `${field} must be a string for ${op}`)];
  }
  return [];
}

/**
 * A number or boolean sent for a string column is refused, but when its text is one of the column's values
 * (`5` for a column holding `"5"`) that text is the obvious fix, so it is offered (never applied).
 */
function suggestStringValue(value: FilterScalar, column: Column | undefined): string | undefined {
  if (typeof value === "string" || column === undefined || column.type !== "string") return undefined;
  const text = String(value);
  return column.dictionary.includes(text) ? text : suggestClosest(text, column.dictionary);
}
