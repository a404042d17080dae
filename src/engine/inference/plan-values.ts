import type { KeyValue } from "../ops/encode-key-column";
import type { ColumnType } from "../table/types";

/**
 * Whether a plan field is given: null and an empty list mean absent, as in the rest of the plan language.
 *
 * @example given({ groups: [] }, "groups") // false
 */
export function given(plan: Readonly<Record<string, unknown>>, field: string): boolean {
  const value = Object.hasOwn(plan, field) ? plan[field] : undefined;
  if (value === null || value === undefined) return false;
  return !Array.isArray(value) || value.length > 0;
}

/**
 * A coerced plan value (coerceFilterValue's number or string) as the column's values read in JSON, the form
 * group keys take: booleans true/false, datetimes ISO 8601 in UTC, numbers (-0 as 0) and strings as they are.
 *
 * @example keyValueOf("datetime", 1704067200000) // "2024-01-01T00:00:00.000Z"
 */
export function keyValueOf(type: ColumnType, coerced: number | string): KeyValue {
  if (typeof coerced === "string") return coerced;
  if (type === "boolean") return coerced === 1;
  if (type === "datetime") return new Date(coerced).toISOString();
  return coerced === 0 ? 0 : coerced;
}
