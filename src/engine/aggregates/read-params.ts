import { EngineError } from "../errors";
import { INTERPOLATIONS, type AggregateParams, type Interpolation } from "./aggregate-op";

/** ddof for std, var and sem: a whole number >= 0, default 1 (pandas' default). */
export function readDdof(params: AggregateParams, path = "plan.aggregations"): number {
  const ddof = params.ddof ?? 1;
  if (!Number.isInteger(ddof) || ddof < 0) throw invalid(path, "out_of_range", `ddof must be a whole number >= 0, got ${ddof}.`);
  return ddof;
}

/** q and interpolation for quantile: q in [0, 1] (default 0.5), one of pandas' five interpolations (default linear). */
export function readQuantile(params: AggregateParams, path = "plan.aggregations"): { q: number; interpolation: Interpolation } {
  const q = params.q ?? 0.5;
  if (typeof q !== "number" || !(q >= 0 && q <= 1)) throw invalid(path, "out_of_range", `q must be a number in [0, 1], got ${q}.`);
  const interpolation = params.interpolation ?? "linear";
  if (!INTERPOLATIONS.includes(interpolation)) {
    throw invalid(path, "invalid_value", `interpolation must be one of ${INTERPOLATIONS.join(", ")}, got ${String(interpolation)}.`);
  }
  return { q, interpolation };
}

function invalid(path: string, code: "out_of_range" | "invalid_value", message: string): EngineError {
  return new EngineError("invalid_parameter", message, { problems: [{ path, code, message }] });
}
