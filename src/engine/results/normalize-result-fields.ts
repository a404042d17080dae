import { normalizeGroupByItem, type GroupByItem } from "../plan/group-by-item";
import type { FilterCondition } from "../plan/plan-fields";
import { normalizeCondition } from "../plan/normalize-plan";
import type { ResultSortKey } from "./shaping-schema";

/**
 * The stored form of the fields that shape results: group_by period entries with their keys in order (plain
 * names unchanged), `having` filters as `filters` are stored, `sort` keys as {column, direction}; an empty
 * having or sort list is left out (it means none). Used by normalizePlan.
 *
 * @example normalizeResultFields({ group_by: [{ granularity: "month", column: "day" }], having: [] })
 * // { group_by: [{ column: "day", granularity: "month" }], having: undefined }
 */
export function normalizeResultFields(plan: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (Array.isArray(plan.group_by)) out.group_by = (plan.group_by as GroupByItem[]).map(normalizeGroupByItem);
  if (Array.isArray(plan.having)) out.having = plan.having.length === 0 ? undefined : (plan.having as FilterCondition[]).map(normalizeCondition);
  if (Array.isArray(plan.sort)) out.sort = plan.sort.length === 0 ? undefined : (plan.sort as ResultSortKey[]).map((key) => ({ column: key.column, direction: key.direction }));
  return out;
}
