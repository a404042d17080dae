import { regularizedIncompleteBeta } from "./regularized-incomplete-beta";

/**
 * Upper tail of Student's t distribution with `df` degrees of freedom, P(T > t), as scipy `t.sf(t, df)`:
 *
 *   P(T > t) = ½ I_{df/(df+t²)}(df/2, ½)          for t >= 0,
 *   P(T > t) = 1 - P(T > -t)                       for t < 0.
 *
 * For |t| small, df/(df+t²) is close to 1 and loses digits, so there the equivalent
 * ½ (1 - I_{t²/(df+t²)}(½, df/2)) is used.
 *
 * @example studentTSf(2, 10) // 0.036694017385370196
 */
export function studentTSf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 0;
  if (t === Number.NEGATIVE_INFINITY) return 1;
  const t2 = t * t;
  const upper =
    t2 < df
      ? 0.5 * regularizedIncompleteBeta(t2 / (df + t2), 0.5, df / 2, true)
      : 0.5 * regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5);
  return t >= 0 ? upper : 1 - upper;
}
