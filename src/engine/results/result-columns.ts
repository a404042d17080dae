import type { PlanFields, ResultField, ResultShaping } from "../operations/operation";
import { groupByName } from "../plan/group-by-item";
import type { ColumnType } from "../table/types";

/** A column of a list result: a group key or a result field, with its type when known. */
export interface ResultColumn {
  readonly name: string;
  readonly type: ColumnType | undefined;
  readonly list: boolean;
  readonly key: boolean;
}

/**
 * The columns of one item of a list result with this shaping, keys first: a grouped result's group_by keys (a
 * period entry is a datetime) and its fields; value_counts' and rows' fields. Null when the plan is not
 * grouped and the list is its groups (one result, nothing to shape).
 *
 * @example shapingColumns(aggregate.shaping, { ...plan, group_by: ["store"] }, typeOf) // [{ name: "store", key: true, ... }, { name: "median_price", ... }]
 */
export function shapingColumns(shaping: ResultShaping, plan: PlanFields, typeOf: (name: string) => ColumnType | undefined): ResultColumn[] | null {
  const groupBy = plan.group_by ?? [];
  if (shaping.list === "groups" && groupBy.length === 0) return null;
  const keys: ResultColumn[] = shaping.list === "groups"
    ? groupBy.map((item) => ({ name: groupByName(item), type: typeof item === "string" ? typeOf(item) : "datetime", list: false, key: true }))
    : [];
  const fields = shaping.fields(plan, typeOf).map((field: ResultField) => ({ name: field.name, type: field.type, list: field.list === true, key: false }));
  return [...keys, ...fields];
}
