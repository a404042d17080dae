import { EngineError } from "../errors";
import type { ColumnScaling } from "./column-scaling";
import type { RankResolution } from "./resolve-rank";

/** Weights below this (relative to the largest, in scaled units) are rounding, not part of the dependency. */
const NEGLIGIBLE_WEIGHT = 1e-7;

/**
 * The `collinear_predictors` error for a rank-deficient design, naming every dependent column and the columns
 * it is a combination of, e.g. `"x3" is a linear combination of "x1", "x2" and the intercept`. Dependencies
 * are found on centred columns (see `columnScaling`), so the intercept's part is recovered from the shifts:
 * in original units x_j = κ + Σ w_i x_i with κ = c_j + (w_0 s_0 - Σ w_i s_i c_i) / s_j.
 *
 * @example throw collinearError(names, resolution.dependencies, scaling, true, n)
 */
export function collinearError(
  names: readonly string[],
  dependencies: RankResolution["dependencies"],
  scaling: ColumnScaling,
  intercept: boolean,
  n: number,
): EngineError {
  const { shift, scale } = scaling;
  const sentences = dependencies.slice(0, 5).map(({ column, basis, weights }) => {
    const name = JSON.stringify(names[column]);
    const largest = Math.max(1, ...weights.map(Math.abs));
    const involved = basis.filter((b, i) => Math.abs(weights[i]) > NEGLIGIBLE_WEIGHT * largest && !(intercept && b === 0));
    let constant = 0;
    let magnitude = Math.abs(shift[column]);
    basis.forEach((b, i) => {
      const term = intercept && b === 0 ? weights[i] * scale[0] : -weights[i] * scale[b] * shift[b];
      constant += term;
      magnitude += Math.abs(term) / scale[column];
    });
    constant = shift[column] + constant / scale[column];
    const withIntercept = intercept && Math.abs(constant) > 1e-9 * magnitude;
    if (involved.length === 0) {
      return intercept
        ? `${name} is constant over the ${n} rows used, so it duplicates the intercept`
        : `${name} is zero in all ${n} rows used`;
    }
    const parts = involved.map((b) => JSON.stringify(names[b]));
    if (withIntercept) parts.push("the intercept");
    const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
    return involved.length === 1 && !withIntercept
      ? `${name} is a multiple of ${list}`
      : `${name} is a linear combination of ${list}`;
  });
  const more = dependencies.length > 5 ? ` (and ${dependencies.length - 5} more)` : "";
  return new EngineError(
    "collinear_predictors",
    `The predictors are perfectly collinear: ${sentences.join("; ")}${more}. Remove one of the columns involved.`,
  );
}
