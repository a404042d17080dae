import type { OperationModule } from "../operations/operation";
import type { Filter, FilterCondition, GroupByItem, Plan } from "../plan/plan-schema";

/** Titles longer than this are cut with an ellipsis: a title is a caption, the plan itself is in the response. */
export const MAX_TITLE_LENGTH = 140;

/**
 * The plan in words, for the chart title: `<operation> of <target> by <group_by>, <filters>` ("Distribution of
 * <target>" for box plots and histograms, which draw the values rather than the aggregate).
 *
 * @example
 * describePlan({ operation: "mean", target_column: "income", group_by: ["region"],
 *   filters: [{ column: "status", operator: "==", value: "active" }] }, mean);
 * // "Mean of income by region, status == active"
 */
export function describePlan(plan: Plan, operation: OperationModule): string {
  // Box plots and histograms draw the target's values, not the aggregate: the title says what is drawn.
  const distribution = plan.chart_type === "box" || plan.chart_type === "histogram";
  const parts = [distribution && plan.target_column !== undefined ? `Distribution of ${plan.target_column}` : operation.describe(plan)];
  if (plan.group_by.length > 0) parts[0] += ` by ${plan.group_by.map(describeKey).join(", ")}`;
  if (plan.filters.length > 0) parts.push(plan.filters.map(describeFilter).join(", "));
  return shorten(parts.join(", "), MAX_TITLE_LENGTH);
}

/** "region", or "day (month)" for a period entry. */
function describeKey(item: GroupByItem): string {
  return typeof item === "string" ? item : `${item.column} (${item.granularity})`;
}

function describeFilter(condition: FilterCondition): string {
  if ("any" in condition) return `(${condition.any.map(describeOne).join(" or ")})`;
  return describeOne(condition);
}

function describeOne(filter: Filter): string {
  if (filter.value === undefined) return `${filter.column} ${filter.operator}`;
  const value = Array.isArray(filter.value) ? `[${filter.value.map(String).join(", ")}]` : String(filter.value);
  return `${filter.column} ${filter.operator} ${shorten(value, 40)}`;
}

/** Cuts by code points so a surrogate pair is never split. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
