import { EngineError } from "../../errors";

/**
 * Refuses data a function cannot compute on, found only while evaluating (qcut's quantile edges collide, an
 * infinity reaches minmax_scale): an `invalid_argument` execution error, as the reference library raises one.
 *
 * @example failForData("qcut", "the quantile edges are not distinct")
 */
export function failForData(name: string, message: string): never {
  const text = `${name}: ${message}`;
  throw new EngineError("invalid_argument", text, { problems: [{ path: "plan.steps", code: "invalid_argument", message: text }] });
}
