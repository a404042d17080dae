import { regularizedIncompleteBeta } from "./regularized-incomplete-beta";

/**
 * Upper tail of Fisher's F distribution with (dfn, dfd) degrees of freedom, P(F > f), as scipy
 * `f.sf(f, dfn, dfd)` (= `special.fdtrc(dfn, dfd, f)` for f >= 0):
 *
 *   P(F > f) = I_w(dfd/2, dfn/2),   w = dfd / (dfd + dfn·f),
 *
 * the regularized incomplete beta function, which keeps relative accuracy for large f (small w). Where w is
 * above the distribution's mean (small f, p near 1) the equivalent 1 - I_y(dfn/2, dfd/2) with
 * y = dfn·f / (dfd + dfn·f) formed directly is used: 1 - w would keep only the digits of w that survive the
 * subtraction (5e-8 relative error at dfd = 145000, f = 1e-8). 1 for f <= 0, 0 at +∞, NaN for NaN or
 * non-positive degrees of freedom.
 *
 * @example fSf(3.5, 2, 20) // 0.04973502207609708
 */
export function fSf(f: number, dfn: number, dfd: number): number {
  if (Number.isNaN(f) || !(dfn > 0) || !(dfd > 0)) return Number.NaN;
  if (f <= 0) return 1;
  if (f === Number.POSITIVE_INFINITY) return 0;
  const a = dfd / 2;
  const b = dfn / 2;
  const w = dfd / (dfd + dfn * f);
  if (w <= (a + 1) / (a + b + 2)) return regularizedIncompleteBeta(w, a, b);
  return regularizedIncompleteBeta((dfn * f) / (dfd + dfn * f), b, a, true);
}
