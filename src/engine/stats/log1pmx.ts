/**
 * ln(1 + t) - t for t > -1, without the cancellation of the two terms near t = 0. For |t| <= ½ through
 * u = t / (2 + t), where ln(1 + t) = 2 atanh(u):
 *
 *   ln(1 + t) - t = -t² / (2 + t) + 2 (u³/3 + u⁵/5 + u⁷/7 + ...),   |u| <= 1/3,
 *
 * and elsewhere as written (the difference then keeps its digits).
 *
 * @example log1pmx(1e-5) // -4.999966666916665e-11
 */
export function log1pmx(t: number): number {
  if (!(Math.abs(t) <= 0.5)) return Math.log1p(t) - t;
  const u = t / (2 + t);
  const u2 = u * u;
  let power = u * u2;
  let series = 0;
  for (let k = 3; k < 80; k += 2) {
    const term = power / k;
    series += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(series)) break;
    power *= u2;
  }
  return (-t * t) / (2 + t) + 2 * series;
}
