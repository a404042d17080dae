import type { Interpolation } from "../aggregate-op";

/**
 * Where a quantile falls among n sorted values: between order statistics `below` and `above` (0-based) with
 * weight `gamma` of the upper one; `below === above` picks one value.
 */
export interface QuantilePoint {
  below: number;
  above: number;
  gamma: number;
  /**
   * How the two values combine: numpy's two-sided lerp (Series), a + (b - a)·gamma (grouped linear) or
   * (a + b) / 2 (grouped midpoint). They agree mathematically and differ in the last bits.
   */
  rule: "numpy_lerp" | "linear" | "mean";
}

/**
 * The quantile position pandas 1.5's `Series.quantile(q, interpolation)` uses: it calls
 * `np.percentile(values, q * 100)`, which divides by 100 again, so numpy sees q' = fl(fl(100·q) / 100)
 * (0.07 becomes 0.07000000000000001), then numpy 1.24's methods on h = (n - 1)·q':
 * - linear: below = ⌊h⌋, gamma = h - ⌊h⌋;  lower: ⌊h⌋;  higher: ⌈h⌉;
 * - nearest: h rounded half to even (`np.around`), so h = 1.5 picks index 2 and h = 2.5 index 2;
 * - midpoint: index (⌊h⌋ + ⌈h⌉) / 2, gamma 0.5 unless that index is whole (then 0).
 * An index at or past n - 1 takes the largest value.
 *
 * @example seriesQuantilePoint(4, 0.5, "nearest") // { below: 2, above: 2, gamma: 0, rule: "numpy_lerp" }
 */
export function seriesQuantilePoint(n: number, q: number, interpolation: Interpolation): QuantilePoint {
  const h = (n - 1) * ((q * 100) / 100);
  switch (interpolation) {
    case "lower":
      return pickPoint(Math.floor(h));
    case "higher":
      return pickPoint(Math.ceil(h));
    case "nearest":
      return pickPoint(roundHalfEven(h));
    case "linear":
      return between(h, n, h - Math.floor(h));
    case "midpoint": {
      const index = 0.5 * (Math.floor(h) + Math.ceil(h));
      return between(index, n, index % 1 === 0 ? 0 : 0.5);
    }
  }
}

/** One order statistic. */
export function pickPoint(index: number): QuantilePoint {
  return { below: index, above: index, gamma: 0, rule: "numpy_lerp" };
}

function between(index: number, n: number, gamma: number): QuantilePoint {
  if (index >= n - 1) return pickPoint(n - 1);
  const below = Math.floor(index);
  return { below, above: below + 1, gamma, rule: "numpy_lerp" };
}

/** `np.around` to a whole number: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
