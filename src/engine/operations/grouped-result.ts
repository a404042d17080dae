import type { Frame } from "../frame/frame";
import { groupRows, type Grouping } from "../ops/group-rows";
import { jsonRecord } from "../json-record";
import type { Plan } from "../plan/plan-schema";

/** A grouped result: one entry per group, in key order, its `key` object first and then the group's fields. */
export interface GroupedResult<Fields extends object = object> {
  groups: Array<{ key: Record<string, unknown> } & Fields>;
}

/**
 * The frame's rows grouped by the plan's group_by columns (pandas `groupby(sort=True, dropna=True)`), or null
 * when the plan is not grouped.
 *
 * @example groupFrame(frame, { ...plan, group_by: ["region"] })?.keys // [["east"], ["west"]]
 */
export function groupFrame(frame: Frame, plan: Plan): Grouping | null {
  return plan.group_by.length === 0 ? null : groupRows(frame, frame.rows, plan.group_by);
}

/**
 * `{ groups: [{ key: {column: value}, ...fields }] }` from per-group fields in group order.
 *
 * @example groupedResult(plan, grouping, [{ value: 1, count: 2 }]) // { groups: [{ key: { region: "east" }, value: 1, count: 2 }] }
 */
export function groupedResult<Fields extends object>(plan: Plan, grouping: Grouping, fields: readonly Fields[]): GroupedResult<Fields> {
  return { groups: grouping.keys.map((key, g) => ({ key: jsonRecord(plan.group_by.map((column, i) => [column, key[i]] as const)), ...fields[g] })) };
}
