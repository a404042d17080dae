import type { QuantilePoint } from "./series-quantile-point";

/**
 * The value at a quantile point between order statistics a <= b, with the arithmetic of the pandas path that
 * chose the point (last bits differ between them):
 * - numpy_lerp (numpy 1.24 `_lerp`, Series): d = b - a;  gamma >= 0.5 ? b - d·(1 - gamma) : a + d·gamma
 * - linear (cython group_quantile): a + (b - a)·gamma
 * - mean (grouped midpoint): (a + b) / 2
 *
 * @example interpolateQuantile(1, 3, { below: 0, above: 1, gamma: 0.75, rule: "numpy_lerp" }) // 2.5
 */
export function interpolateQuantile(a: number, b: number, point: QuantilePoint): number {
  if (point.below === point.above) return a;
  const gamma = point.gamma;
  switch (point.rule) {
    case "numpy_lerp": {
      const d = b - a;
      return gamma >= 0.5 ? b - d * (1 - gamma) : a + d * gamma;
    }
    case "linear":
      return a + (b - a) * gamma;
    case "mean":
      return (a + b) / 2;
  }
}
