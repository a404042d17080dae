import { EngineError } from "../errors";

/**
 * A plan field the operation cannot run without. Validation guarantees it; a plan executed without validation
 * still fails with a precise, mappable error.
 *
 * @example requiredField(plan.x_axis, "x_axis")
 */
export function requiredField<T>(value: T | undefined, field: string): T {
  if (value === undefined) {
    throw new EngineError("missing_field", `This operation needs ${field}.`, {
      problems: [{ path: `plan.${field}`, code: "missing_field", message: "Required for this operation." }],
    });
  }
  return value;
}
