import type { EngineProblem } from "../errors";
import { compareCodePoints } from "../ops/compare-code-points";
import type { ColumnType } from "../table/types";
import { chartVerdict } from "./chart-rules";
import type { ColumnIndex } from "./check-columns";
import { coerceFilterValue } from "./coerce-filter-value";
import { groupByNames } from "./group-by-item";
import { makeProblem, quote } from "./plan-problems";
import { COMPARISON_OPERATORS, type Filter, type FilterScalar } from "./plan-fields";
import type { ParsedPlan } from "./plan-schema";
import { suggestClosest } from "./suggest-name";

const NO_INDEX: ColumnIndex = { names: [], types: new Map(), data: new Map() };

/**
 * Everything worth telling the caller about a plan's filters that is not wrong: warnings never block execution
 * and never change the plan. Checks that need the data (values) run only when the table is loaded; how many
 * groups a plan makes is known only once its rows are selected, so execution warns about that (`many_groups`).
 * The chart type is judged by {@link checkChartType}, which can also refuse. Only the plain comparisons of
 * `filters` are looked at (not OR groups, not steps).
 *
 * @example
 * collectPlanWarnings({ operation: "count", filters: [{ column: "city", operator: "==", value: "Olso" }] }, index)
 * //   .map((w) => w.code); // ["value_not_found"]
 */
export function collectPlanWarnings(plan: ParsedPlan, index: ColumnIndex = NO_INDEX): EngineProblem[] {
  // Comparisons only, at their index in `filters`: an OR group or a list operator leaves its slot empty.
  const comparisons = (plan.filters ?? []).map((condition) =>
    "any" in condition || Array.isArray(condition.value) || condition.value === undefined || condition.case_sensitive === false || !isComparison(condition.operator)
      ? undefined
      : (condition as Comparison),
  );
  return [...warnMissingValues(comparisons, index), ...warnContradictoryFilters(comparisons, index)];
}

type Comparison = Filter & { value: FilterScalar; operator: (typeof COMPARISON_OPERATORS)[number] };
const isComparison = (operator: string) => (COMPARISON_OPERATORS as readonly string[]).includes(operator);

/** An `==` or `!=` against a value that never occurs in a string column is almost always a typo or a case slip. */
function warnMissingValues(filters: readonly (Comparison | undefined)[], index: ColumnIndex): EngineProblem[] {
  const warnings: EngineProblem[] = [];
  filters.forEach((filter, i) => {
    if (filter === undefined) return;
    const column = index.data.get(filter.column);
    if (column?.type !== "string" || index.types.get(filter.column) !== "string") return;
    if (typeof filter.value !== "string" || (filter.operator !== "==" && filter.operator !== "!=")) return;
    if (column.dictionary.includes(filter.value)) return;
    const effect = filter.operator === "==" ? "keeps no row" : "removes no row";
    warnings.push(
      makeProblem(["filters", i, "value"], "value_not_found", `${quote(filter.value)} never occurs in ${quote(filter.column)}: this filter ${effect}`, suggestClosest(filter.value, column.dictionary)),
    );
  });
  return warnings;
}

interface Bounds {
  equal?: number | string;
  notEqual: (number | string)[];
  lower?: { value: number | string; inclusive: boolean };
  upper?: { value: number | string; inclusive: boolean };
  indexes: number[];
}

/**
 * Filters are ANDed, so filters on one column that leave an empty interval (`age > 50` and `age < 30`,
 * `city == "Oslo"` and `city == "Rome"`) match nothing. Values are coerced as the executor will coerce them.
 */
function warnContradictoryFilters(filters: readonly (Comparison | undefined)[], index: ColumnIndex): EngineProblem[] {
  const byColumn = new Map<string, Bounds>();
  const warned = new Set<string>();
  const warnings: EngineProblem[] = [];
  filters.forEach((filter, i) => {
    if (filter === undefined) return;
    const type = index.types.get(filter.column);
    const value = type === undefined ? null : coerceFilterValue(type, filter.value);
    if (value === null || warned.has(filter.column)) return;
    const bounds = byColumn.get(filter.column) ?? { notEqual: [], indexes: [] };
    byColumn.set(filter.column, bounds);
    bounds.indexes.push(i);
    if (!narrow(bounds, filter.operator, value)) return;
    warned.add(filter.column);
    const which = bounds.indexes.map((k) => `filters[${k}]`).join(", ");
    warnings.push(makeProblem(["filters", i], "contradictory_filters", `The filters on ${quote(filter.column)} (${which}) cannot all hold: no row will remain`));
  });
  return warnings;
}

/** Orders two coerced filter values as the executor compares them: numbers by value, strings by code point. */
function order(a: number | string, b: number | string): number {
  return typeof a === "string" && typeof b === "string" ? compareCodePoints(a, b) : (a as number) - (b as number);
}

/** Adds one comparison to the column's bounds; true when the bounds have become empty. */
function narrow(b: Bounds, operator: Comparison["operator"], value: number | string): boolean {
  if (operator === "==") {
    if (b.equal !== undefined && b.equal !== value) return true;
    b.equal = value;
  } else if (operator === "!=") {
    b.notEqual.push(value);
  } else if (operator === ">" || operator === ">=") {
    const inclusive = operator === ">=";
    if (b.lower === undefined || order(value, b.lower.value) > 0 || (value === b.lower.value && !inclusive)) b.lower = { value, inclusive };
  } else {
    const inclusive = operator === "<=";
    if (b.upper === undefined || order(value, b.upper.value) < 0 || (value === b.upper.value && !inclusive)) b.upper = { value, inclusive };
  }
  const { lower, upper, equal } = b;
  if (lower !== undefined && upper !== undefined) {
    if (order(lower.value, upper.value) > 0 || (lower.value === upper.value && !(lower.inclusive && upper.inclusive))) return true;
  }
  if (equal === undefined) return false;
  if (b.notEqual.includes(equal)) return true;
  if (lower !== undefined && (order(equal, lower.value) < 0 || (equal === lower.value && !lower.inclusive))) return true;
  return upper !== undefined && (order(equal, upper.value) > 0 || (equal === upper.value && !upper.inclusive));
}

/**
 * The chart type against the result it would draw: `chart_unsupported` errors for a chart that cannot be drawn
 * at all, `chart_mismatch` warnings for one that can but suits the result poorly (see CHART_RULES).
 *
 * @example
 * checkChartType({ operation: "count", chart_type: "histogram" }).errors[0].code; // "chart_unsupported"
 */
export function checkChartType(plan: ParsedPlan, index: ColumnIndex = NO_INDEX): { errors: EngineProblem[]; warnings: EngineProblem[] } {
  if (plan.chart_type === null || plan.chart_type === undefined) return { errors: [], warnings: [] };
  const typeOf = (name: string | null | undefined): ColumnType | undefined => (name == null ? undefined : index.types.get(name));
  const verdict = chartVerdict(plan.chart_type, plan.operation, {
    groupKeyTypes: groupByNames(plan.group_by).map((name) => typeOf(name)),
    targetType: typeOf(plan.target_column),
    hasTarget: plan.target_column != null,
    plan,
    typeOf: (name) => index.types.get(name),
  });
  if (verdict === null) return { errors: [], warnings: [] };
  if (!verdict.drawable) {
    return { errors: [makeProblem(["chart_type"], "chart_unsupported", `${plan.chart_type} cannot show the result of ${plan.operation}: ${verdict.reason}`)], warnings: [] };
  }
  return { errors: [], warnings: [makeProblem(["chart_type"], "chart_mismatch", `${plan.chart_type} does not suit the result of ${plan.operation}: ${verdict.reason}`)] };
}
