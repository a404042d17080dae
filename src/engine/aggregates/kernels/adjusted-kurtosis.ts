import { momentSums } from "./moment-sums";

/** pandas treats a numerator or denominator below this in absolute value as exactly zero (GH 18044). */
const ZERO_TOLERANCE = 1e-14;

/**
 * Sample excess kurtosis of the Series `values[0..length)` (NaN = missing, skipped), pandas 1.5
 * `Series.kurt()`: the bias-corrected Fisher G2 from m2 = Σ (x - x̄)², m4 = Σ (x - x̄)⁴,
 *
 *   G2 = n(n + 1)(n - 1)·m4 / ((n - 2)(n - 3)·m2²)  -  3(n - 1)² / ((n - 2)(n - 3)),
 *
 * evaluated in pandas' order, with its rules: fewer than 4 values give NaN; numerator and denominator below
 * 1e-14 in absolute value count as 0, and a zero denominator (constant data) gives 0. Sums as in
 * {@link momentSums}.
 *
 * @example adjustedKurtosis(Float64Array.of(1, NaN, 1, 3, 2), 5) // -1.2892561983471076
 */
export function adjustedKurtosis(values: Float64Array, length: number): number {
  const { count: n, m2, mHigh: m4 } = momentSums(values, length, 4);
  if (n < 4) return Number.NaN;
  const adjustment = (3 * ((n - 1) * (n - 1))) / ((n - 2) * (n - 3));
  let numerator = n * (n + 1) * (n - 1) * m4;
  let denominator = (n - 2) * (n - 3) * (m2 * m2);
  if (Math.abs(numerator) < ZERO_TOLERANCE) numerator = 0;
  if (Math.abs(denominator) < ZERO_TOLERANCE) denominator = 0;
  if (denominator === 0) return 0;
  return numerator / denominator - adjustment;
}
