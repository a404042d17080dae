import { regularizedIncompleteGamma } from "./regularized-incomplete-gamma";

/**
 * Upper tail of the chi-square distribution with `df` degrees of freedom, P(X > x), as scipy
 * `chi2.sf(x, df)` (= `special.chdtrc(df, x)`):
 *
 *   P(X > x) = Q(df/2, x/2),
 *
 * the regularized upper incomplete gamma function, with relative accuracy far into the tail. 1 for x <= 0
 * (below the support), 0 at +∞, NaN for a NaN argument or df <= 0 (as scipy).
 *
 * @example chiSquareSf(3.841458820694124, 1) // 0.05000000000000011
 */
export function chiSquareSf(x: number, df: number): number {
  if (Number.isNaN(x) || Number.isNaN(df) || !(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedIncompleteGamma(df / 2, x / 2, true);
}
