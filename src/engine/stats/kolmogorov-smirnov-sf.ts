import { durbinMatrixCdf } from "./durbin-matrix-cdf";
import { pelzGoodCdf } from "./pelz-good-cdf";
import { pomeranzCdf } from "./pomeranz-cdf";
import { smirnovSf } from "./smirnov-sf";

/**
 * Upper tail of the two-sided one-sample Kolmogorov-Smirnov statistic Dₙ, P(Dₙ >= d), as scipy 1.10's
 * `kstwo.sf(d, n)` (the `method="exact"` that `kstest` selects under "auto"). scipy follows Simard &
 * L'Ecuyer (J. Stat. Softw. 39(11), 2011) in choosing, by n and nd², between exact and approximate methods;
 * the same choices are made here so the p-values agree with scipy's even where scipy approximates:
 *
 *   d <= 1/(2n): 1;  d >= 1: 0
 *   nd <= 1:      1 - n!/nⁿ (2nd - 1)ⁿ                (Ruben-Gambino, exact)
 *   nd >= n - 1:  2(1 - d)ⁿ                           (exact)
 *   d >= ½:       2 P(D⁺ₙ >= d)                        (exact: the two one-sided events are disjoint)
 *   n <= 140:     nd² <= 0.754693: 1 - Durbin matrix; nd² <= 4: 1 - Pomeranz; else 2 P(D⁺ₙ >= d)
 *   n > 140:      nd² >= 370: 0; nd² >= 2.2: 2 P(D⁺ₙ >= d); else 1 - (Durbin matrix if n <= 10⁵ and
 *                 n d^{3/2} <= 1.4, Pelz-Good otherwise)
 *
 * P(D⁺ₙ >= d) is smirnovSf. Results are clipped to [0, 1].
 *
 * @example kolmogorovSmirnovSf(20, 0.25) // 0.13762569836717486
 */
export function kolmogorovSmirnovSf(n: number, d: number): number {
  if (Number.isNaN(d) || !(n >= 1) || !Number.isInteger(n)) return Number.NaN;
  if (d <= 0.5 / n) return 1;
  if (d >= 1) return 0;
  const t = n * d;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    const cdf = n <= 140 ? rubenGambinoProduct(n, t) : Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return clip(1 - cdf);
  }
  if (t >= n - 1) return clip(2 * (1 - d) ** n);
  if (d >= 0.5) return clip(2 * smirnovSf(n, d));
  const ndSquared = t * d;
  if (n <= 140) {
    if (ndSquared <= 0.754693) return clip(1 - durbinMatrixCdf(n, d));
    if (ndSquared <= 4) return clip(1 - pomeranzCdf(n, d));
    return clip(2 * smirnovSf(n, d));
  }
  if (ndSquared >= 370) return 0;
  if (ndSquared >= 2.2) return clip(2 * smirnovSf(n, d));
  const cdf = n <= 100000 && n * d ** 1.5 <= 1.4 ? durbinMatrixCdf(n, d) : pelzGoodCdf(n, d);
  return clip(1 - clip(cdf));
}

/** ∏ᵢ (i/n)(2t - 1) in numpy's order (each factor formed, then multiplied left to right). */
function rubenGambinoProduct(n: number, t: number): number {
  let product = 1;
  const base = 2 * t - 1;
  for (let i = 1; i <= n; i++) product *= i * (1 / n) * base;
  return product;
}

const STIRLING = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
  -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
];

/** ln(n!/nⁿ) by Stirling's series with n ln n removed analytically (scipy's `_log_nfactorial_div_n_pow_n`). */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  const x = rn / n;
  let series = 0;
  for (const c of STIRLING) series = series * x + c;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * series;
}

function clip(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
