import type { ExecutionResult, GroupedResult } from "../execute-plan";
import type { ForecastResult } from "../forecast/forecast-result";
import type { Table, ValueColumn } from "../table/types";

export type Group = GroupedResult["groups"][number];

/** The groups of a grouped result, or null for an ungrouped one. */
export function groupsOf(result: ExecutionResult): Group[] | null {
  return "groups" in result ? result.groups : null;
}

export function isForecast(result: ExecutionResult): result is ForecastResult {
  return "points" in result;
}

/** A numeric field of a result or group (`value`, `coefficient`, `slope`...), null when absent or not a number. */
export function numberField(fields: object, name: string): number | null {
  const value = (fields as Record<string, unknown>)[name];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * How a group key value reads on an axis: datetimes at midnight UTC lose their time part (dates are the common
 * case and a full ISO stamp per tick is unreadable), everything else is its JSON text.
 *
 * @example keyLabel("2024-03-01T00:00:00.000Z") // "2024-03-01"
 */
export function keyLabel(value: unknown): string {
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT00:00:00\.000Z$/.test(value)) return value.slice(0, 10);
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value)) return value.slice(0, 16).replace("T", " ");
  return String(value);
}

/**
 * A group's key split into the first key (the x axis or grid column) and the remaining keys joined with " / "
 * (the colour or grid row); `rest` is null with a single key. Keys are read by position from `group_by` because
 * the key object has no prototype and may hold any name.
 *
 * @example splitKey({ region: "N", status: "active" }, ["region", "status"]) // { first: "N", rest: "active" }
 */
export function splitKey(key: Record<string, unknown>, groupBy: readonly string[]): { first: string; rest: string | null } {
  const labels = groupBy.map((column) => keyLabel(Object.getOwnPropertyDescriptor(key, column)?.value));
  return { first: labels[0] ?? "", rest: labels.length > 1 ? labels.slice(1).join(" / ") : null };
}

/** The raw key value of the first group_by column (numbers and ISO strings are what ordered axes need). */
export function firstKeyValue(key: Record<string, unknown>, groupBy: readonly string[]): unknown {
  return Object.getOwnPropertyDescriptor(key, groupBy[0])?.value;
}

/** The type of a column, undefined when the table has no such column. */
export function columnTypeOf(table: Table, name: string | undefined) {
  return table.columns.find((column) => column.name === name)?.type;
}

/** A forecast/key time as a number: epoch ms for ISO strings, the number itself otherwise. */
export function timeValue(value: string | number): number {
  return typeof value === "number" ? value : Date.parse(value);
}

/** 12345 -> "12,345", independent of the runtime's locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The group's non-missing target values. */
export function presentValues(column: ValueColumn, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = column.values[rows[i]];
    if (v === v) out[n++] = v;
  }
  return out.subarray(0, n);
}
