import { pickPoint, type QuantilePoint } from "./series-quantile-point";
import type { Interpolation } from "../aggregate-op";

/**
 * The quantile position of pandas 1.5's cython `group_quantile` (`DataFrameGroupBy.quantile`), which differs
 * from the Series one: q is used as given, i = trunc(q·(n - 1)), f = q·(n - 1) mod 1; f = 0 or "lower" picks
 * value i; otherwise linear interpolates with weight f, higher picks i + 1, midpoint averages the two, and
 * nearest picks i + 1 when f > 0.5 or (f = 0.5 and q > 0.5), so ties go down for q <= 0.5 (numpy rounds half
 * to even instead).
 *
 * @example groupQuantilePoint(4, 0.5, "nearest") // { below: 1, above: 1, gamma: 0, rule: "numpy_lerp" }
 */
export function groupQuantilePoint(n: number, q: number, interpolation: Interpolation): QuantilePoint {
  const position = q * (n - 1);
  const index = Math.trunc(position);
  const fraction = position % 1;
  if (fraction === 0 || interpolation === "lower") return pickPoint(index);
  switch (interpolation) {
    case "linear":
      return { below: index, above: index + 1, gamma: fraction, rule: "linear" };
    case "higher":
      return pickPoint(index + 1);
    case "midpoint":
      return { below: index, above: index + 1, gamma: 0.5, rule: "mean" };
    case "nearest":
      return pickPoint(fraction > 0.5 || (fraction === 0.5 && q > 0.5) ? index + 1 : index);
  }
}
