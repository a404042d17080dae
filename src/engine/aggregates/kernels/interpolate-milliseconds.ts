/** Veltkamp's splitter for doubles: 2²⁷ + 1. */
const SPLITTER = 134_217_729;

/**
 * a + (b - a)·t for whole milliseconds a <= b and a weight t in [0, 1], computed exactly and rounded to the
 * nearest millisecond, halves up (toward the later instant): the engine's datetime quantiles and medians.
 *
 * pandas computes them in float64 nanoseconds (1.7e18 ns carries 256 ns steps), so its results are off by up to
 * a few µs and, truncated to milliseconds, land on the millisecond before an exact answer; the engine keeps the
 * exact value instead (golden cases compare with rational arithmetic). d·t is formed exactly as a double plus
 * its rounding error (Dekker's product), so the half-millisecond decision is exact.
 *
 * @example interpolateMilliseconds(1000, 1003, 0.5) // 1002 (1001.5 rounds up)
 */
export function interpolateMilliseconds(a: number, b: number, t: number): number {
  if (t === 0 || a === b) return a;
  const d = b - a;
  const p = d * t;
  const error = productError(d, t, p);
  const whole = Math.floor(p);
  const fraction = p - whole;
  if (fraction === 0) return a + whole;
  return a + whole + (fraction - 0.5 + error >= 0 ? 1 : 0);
}

/** x·y - fl(x·y), exactly (Dekker): both factors are split into 26-bit halves whose products are exact. */
function productError(x: number, y: number, product: number): number {
  const cx = SPLITTER * x;
  const xHigh = cx - (cx - x);
  const xLow = x - xHigh;
  const cy = SPLITTER * y;
  const yHigh = cy - (cy - y);
  const yLow = y - yHigh;
  return xHigh * yHigh - product + xHigh * yLow + xLow * yHigh + xLow * yLow;
}
