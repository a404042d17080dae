/**
 * numpy.quantile(sorted, q) with the default "linear" method (numpy 1.24 `_quantile`), operation for operation:
 *   v = (n - 1) · q,  i = floor(v) (the last value when v >= n - 1),  γ = v - i,
 *   a + (b - a) · γ, or b - (b - a) · (1 - γ) when γ >= 0.5 (numpy's `_lerp`, which keeps the result monotonic),
 * with a = sorted[i], b = sorted[i + 1]. `sorted` is ascending without missing values and not empty.
 *
 * @example numpyQuantile(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export function numpyQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const virtual = (n - 1) * q;
  let previous = Math.floor(virtual);
  let next = previous + 1;
  if (virtual >= n - 1) previous = next = -1;
  const gamma = virtual - previous;
  const a = sorted[previous < 0 ? n - 1 : previous];
  const b = sorted[next < 0 ? n - 1 : next];
  const diff = b - a;
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/**
 * numpy.linspace(0, 1, q + 1): the q-quantile levels qcut uses for an integer q (i · (1 / q), the last exactly 1).
 *
 * @example evenQuantiles(4) // [0, 0.25, 0.5, 0.75, 1]
 */
export function evenQuantiles(q: number): number[] {
  const step = 1 / q;
  const levels = Array.from({ length: q + 1 }, (_, i) => i * step + 0);
  levels[q] = 1;
  return levels;
}
