/**
 * Sample standard deviation (ddof = 1) of `values[0..length)`, which hold no missing value:
 *
 *   s = sqrt( Σ (xᵢ - x̄)² / (n - 1) ),   x̄ = Σ xᵢ / n,
 *
 * by the two-pass algorithm, with both sums accumulated left to right. That is bottleneck's `nanstd`, which
 * pandas calls for `Series.std()` whenever bottleneck is installed (as in the reference environment), so the
 * result agrees with pandas to the last bit. Two passes keep the accuracy that a one-pass Σx² - n·x̄² formula
 * loses on offset data (1e9 + small noise). NaN below two values (pandas gives NaN, the API null).
 *
 * @example sampleStandardDeviation(new Float64Array([2, 4, 4, 4, 5, 5, 7, 9]), 8) // 2.138089935299395
 */
export function sampleStandardDeviation(values: Float64Array, length: number): number {
  if (length < 2) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += values[i];
  const mean = sum / length;
  let squares = 0;
  for (let i = 0; i < length; i++) {
    const d = values[i] - mean;
    squares += d * d;
  }
  return Math.sqrt(squares / (length - 1));
}
