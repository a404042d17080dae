import type { Frame } from "../frame/frame";
import { groupByColumns, type Grouping } from "../ops/group-rows";
import { jsonRecord } from "../json-record";
import { groupByNames } from "../plan/group-by-item";
import type { Plan } from "../plan/plan-schema";
import { groupKeyColumns } from "../results/group-key-columns";

/** A grouped result: one entry per group, in key order, its `key` object first and then the group's fields. */
export interface GroupedResult<Fields extends object = object> {
  groups: Array<{ key: Record<string, unknown> } & Fields>;
}

/**
 * The frame's rows grouped by the plan's group_by columns (pandas `groupby(sort=True, dropna=True)`; a period
 * entry groups by `dt.to_period(...).dt.start_time`), or null when the plan is not grouped.
 *
 * @example groupFrame(frame, { ...plan, group_by: ["region"] })?.keys // [["east"], ["west"]]
 */
export function groupFrame(frame: Frame, plan: Plan): Grouping | null {
  return plan.group_by.length === 0 ? null : groupByColumns(groupKeyColumns(frame, plan.group_by), frame.rows);
}

/**
 * `{ groups: [{ key: {column: value}, ...fields }] }` from per-group fields in group order.
 *
 * @example groupedResult(plan, grouping, [{ value: 1, count: 2 }]) // { groups: [{ key: { region: "east" }, value: 1, count: 2 }] }
 */
export function groupedResult<Fields extends object>(plan: Plan, grouping: Grouping, fields: readonly Fields[]): GroupedResult<Fields> {
  const names = groupByNames(plan.group_by);
  return { groups: grouping.keys.map((key, g) => ({ key: jsonRecord(names.map((column, i) => [column, key[i]] as const)), ...fields[g] })) };
}
