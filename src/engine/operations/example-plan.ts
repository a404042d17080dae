import type { ColumnType } from "../table/types";
import type { ExamplePicker } from "./operation";

export const NUMBERS: readonly ColumnType[] = ["integer", "float"];
export const CATEGORIES: readonly ColumnType[] = ["string", "boolean"];
export const DATETIMES: readonly ColumnType[] = ["datetime"];

/**
 * An example plan from its fields, or undefined when a column it names could not be picked (the dataset has
 * none of the types it needs).
 *
 * @example examplePlan({ operation: "describe", target_column: pick(NUMBERS, "price") })
 */
export function examplePlan(fields: Record<string, unknown>): Record<string, unknown> | undefined {
  const missing = (value: unknown): boolean =>
    value === undefined || (Array.isArray(value) && value.some(missing)) || (value !== null && typeof value === "object" && !Array.isArray(value) && Object.values(value).some(missing));
  return Object.values(fields).some(missing) ? undefined : fields;
}

export type { ExamplePicker };
