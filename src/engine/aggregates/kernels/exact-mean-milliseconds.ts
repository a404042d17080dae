import { INTEGER_SPLIT as SPLIT } from "./exact-integer-sum";

/**
 * The mean of whole-millisecond datetimes `values[rows[i]]` (missing values skipped), exactly, rounded to the
 * nearest millisecond with halves up; NaN when there is none. The sum of 1M datetimes (~1.7e18 ms) is far past
 * 2⁵³, so it is kept as two exact float partial sums and divided once in BigInt: round(S / n) = ⌊(2S + n) / 2n⌋.
 * pandas averages float64 nanoseconds instead and is off by up to microseconds (see interpolate-milliseconds.ts).
 *
 * @example exactMeanMilliseconds(Float64Array.of(0, 1), Uint32Array.of(0, 1)) // 1 (0.5 rounds up)
 */
export function exactMeanMilliseconds(values: Float64Array, rows: Uint32Array): number {
  let hi = 0;
  let lo = 0;
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v !== v) continue;
    const h = Math.floor(v / SPLIT);
    hi += h;
    lo += v - h * SPLIT;
    count++;
  }
  return roundedMean(hi, lo, count);
}

/** round half up of (hi·2²⁶ + lo) / count for exact whole-number partial sums; NaN when count is 0. */
export function roundedMean(hi: number, lo: number, count: number): number {
  if (count === 0) return Number.NaN;
  const total = BigInt(hi) * BigInt(SPLIT) + BigInt(lo);
  const numerator = 2n * total + BigInt(count);
  const denominator = 2n * BigInt(count);
  let quotient = numerator / denominator;
  if (numerator % denominator !== 0n && numerator < 0n) quotient -= 1n; // BigInt division truncates; round toward -∞
  return Number(quotient);
}
