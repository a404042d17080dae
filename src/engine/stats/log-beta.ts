import { logGamma } from "./log-gamma";

/**
 * ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b).
 *
 * When a parameter is large the log-gammas are huge and nearly cancel (ln Γ(5e4) ≈ 5e5), so their plain
 * difference would keep only ~1e-10 of the result. With Stirling's series
 *
 *   ln Γ(x) = (x - ½) ln x - x + ½ ln 2π + ω(x),   ω(x) = 1/(12x) - 1/(360x³) + 1/(1260x⁵) - ...
 *
 * the large parts are combined analytically first (b >= a, b >= 10):
 *
 *   ln Γ(b) - ln Γ(a+b) = -(b - ½) log1p(a/b) - a ln(a+b) + a + ω(b) - ω(a+b)
 *
 * and, when a >= 10 too, ln Γ(a) is expanded the same way, leaving only O(ln) sized terms.
 *
 * @example logBeta(2, 3) // ln(1/12) = -2.4849066497880004
 */
const HALF_LOG_TWO_PI = 0.91893853320467274178;

/** ω(x) for x >= 10: the omitted terms are below 1e-17. */
function stirlingCorrection(x: number): number {
  const y = 1 / (x * x);
  return (
    (1 / 12 - y * (1 / 360 - y * (1 / 1260 - y * (1 / 1680 - y * (1 / 1188 - y * (691 / 360360 - y / 156)))))) / x
  );
}

export function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (large < 10) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const s = small + large;
  // ln Γ(large) - ln Γ(s), without forming either.
  const ratio =
    -(large - 0.5) * Math.log1p(small / large) - small * Math.log(s) + small +
    stirlingCorrection(large) - stirlingCorrection(s);
  if (small < 10) return logGamma(small) + ratio;
  // ln Γ(small) = (small - ½) ln small - small + ½ ln 2π + ω(small); its -small cancels the +small above.
  return (
    (small - 0.5) * Math.log(small / s) - 0.5 * Math.log(s) + HALF_LOG_TWO_PI + stirlingCorrection(small) +
    (-(large - 0.5) * Math.log1p(small / large) + stirlingCorrection(large) - stirlingCorrection(s))
  );
}
