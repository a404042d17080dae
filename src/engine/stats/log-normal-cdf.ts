import { erfc, erfcx } from "./erfc";

/**
 * ln P(Z <= z) for the standard normal distribution, as scipy `norm.logcdf(z)` (`special.log_ndtr`), accurate
 * in both tails (ln of a cdf that underflows, ln of a cdf within 1e-17 of 1):
 *
 *   z < -1:   ln( ½ erfcx(-z/√2) ) - z²/2
 *   z >= -1:  log1p( -½ erfc(z/√2) )
 *
 * The upper tail ln P(Z > z) (`norm.logsf`) is logNormalCdf(-z).
 *
 * @example logNormalCdf(-40) // -804.6084420137538
 */
export function logNormalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z < -1) return Math.log(0.5 * erfcx(-z * Math.SQRT1_2)) - 0.5 * z * z;
  return Math.log1p(-0.5 * erfc(z * Math.SQRT1_2));
}
