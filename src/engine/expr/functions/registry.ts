import { BINNING_FUNCTIONS } from "./binning-functions";
import { COLUMN_FUNCTIONS } from "./column-functions";
import { CONVERSION_FUNCTIONS } from "./conversion-functions";
import { DATE_FUNCTIONS } from "./date-functions";
import type { FunctionSpec } from "./function-spec";
import { LOGIC_FUNCTIONS } from "./logic-functions";
import { MATH_FUNCTIONS } from "./math-functions";
import { STRING_FUNCTIONS } from "./string-functions";
import { WINDOW_FUNCTIONS } from "./window-functions";

/**
 * Every function the expression language knows, in documentation order. A name not here is an
 * `unknown_function` error: there is no other way to call anything.
 */
export const FUNCTIONS: readonly FunctionSpec[] = [
  ...LOGIC_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...STRING_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...COLUMN_FUNCTIONS,
  ...WINDOW_FUNCTIONS,
  ...BINNING_FUNCTIONS,
];

const BY_NAME: ReadonlyMap<string, FunctionSpec> = new Map(FUNCTIONS.map((spec) => [spec.name, spec]));

export const FUNCTION_NAMES: readonly string[] = FUNCTIONS.map((spec) => spec.name);

/**
 * The function of a name, looked up in a Map (so `constructor` or `__proto__` are unknown functions, never
 * object members).
 *
 * @example findFunction("round")?.signature // "round(x, digits = 0)"
 */
export function findFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name);
}
