import { ERF_SMALL, erfSmall, erfcx } from "./erfc";

/**
 * Upper tail of the standard normal distribution, P(Z > z), as scipy `norm.sf(z)` (= `special.ndtr(-z)`):
 *
 *   P(Z > z) = ½ erfc(z / √2) = ½ erfcx(z / √2) · e^{-z²/2}
 *
 * with relative accuracy in both tails (about 1e-15 down to the underflow near z = 38.5): near zero through
 * erf (|z| <= 0.66), elsewhere through Cody's scaled erfcx (see erfc.ts), and e^{-z²/2} is formed from z
 * itself, split as h + (z - h) with h a multiple of 1/16 so that h² is exact. The lower tail is the same
 * function at -z, so p-values in either tail keep their digits (1 - cdf would lose them).
 *
 * @example normalSf(1.959963984540054) // 0.025000000000000005
 * @example normalSf(-3) // 0.9986501019683699
 */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const x = z * Math.SQRT1_2;
  const ax = Math.abs(x);
  if (ax <= ERF_SMALL) return 0.5 - 0.5 * erfSmall(x);
  const az = Math.abs(z);
  const upper = az > 40 ? 0 : 0.5 * erfcx(ax) * halfGaussianFactor(az);
  return z > 0 ? upper : 1 - upper;
}

/**
 * Lower tail of the standard normal distribution, P(Z <= z), as scipy `norm.cdf(z)` (= `special.ndtr(z)`),
 * with relative accuracy in the far lower tail (it is normalSf(-z)).
 *
 * @example normalCdf(-10) // 7.619853024160525e-24
 */
export function normalCdf(z: number): number {
  return normalSf(-z);
}

/** e^{-z²/2} for z >= 0 without the rounding error of z². */
function halfGaussianFactor(z: number): number {
  const h = Math.trunc(z * 16) / 16;
  return Math.exp(-0.5 * h * h) * Math.exp(-0.5 * (z - h) * (z + h));
}
