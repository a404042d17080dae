import { momentSums } from "./moment-sums";

/** pandas treats |m2|, |m3| below this as floating-point noise, i.e. as exactly zero (GH 18044). */
const ZERO_TOLERANCE = 1e-14;

/**
 * Sample skewness of the Series `values[0..length)` (NaN = missing, skipped), pandas 1.5 `Series.skew()`:
 * the adjusted Fisher-Pearson coefficient G1 from the central moment sums m2 = Σ (x - x̄)², m3 = Σ (x - x̄)³,
 *
 *   G1 = n·√(n - 1) / (n - 2) · m3 / m2^1.5,
 *
 * with pandas' rules: m2 and m3 below 1e-14 in absolute value count as 0 (an absolute tolerance on the sum of
 * squares, not on the variance), a zero m2 (constant data) gives 0, and fewer than 3 values give NaN (checked
 * last, so it wins). Sums as in {@link momentSums}.
 *
 * @example adjustedSkew(Float64Array.of(1, NaN, 1, 2), 4) // 1.7320508075688787
 */
export function adjustedSkew(values: Float64Array, length: number): number {
  const { count, m2: rawM2, mHigh } = momentSums(values, length, 3);
  if (count < 3) return Number.NaN;
  const m2 = Math.abs(rawM2) < ZERO_TOLERANCE ? 0 : rawM2;
  const m3 = Math.abs(mHigh) < ZERO_TOLERANCE ? 0 : mHigh;
  if (m2 === 0) return 0;
  return ((count * Math.pow(count - 1, 0.5)) / (count - 2)) * (m3 / Math.pow(m2, 1.5));
}
