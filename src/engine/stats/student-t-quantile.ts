import { studentTSf } from "./student-t-sf";

/**
 * The p-quantile of Student's t with `df` degrees of freedom (scipy `t.ppf(p, df)`): the t with
 * P(T <= t) = p. Solved by bisection to a bracket, then Newton steps on the upper tail using the density
 *
 *   f(t) = Γ((df+1)/2) / (sqrt(df π) Γ(df/2)) · (1 + t²/df)^(-(df+1)/2),
 *
 * which converge to full double precision in a few iterations (on log P(T > t) where the density underflows).
 *
 * @example studentTQuantile(0.975, 10) // 2.2281388519862744
 */
import { logGamma } from "./log-gamma";

export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return Number.NaN;
  if (p === 0.5) return 0;
  // Work on the upper tail q = 1 - p for p > 0.5 (and by symmetry below), keeping q's relative accuracy.
  const upper = p > 0.5;
  const q = upper ? 1 - p : p;
  let lo = 0;
  let hi = 1;
  while (studentTSf(hi, df) > q) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) break;
  }
  for (let i = 0; i < 60 && hi - lo > 1e-3 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (studentTSf(mid, df) > q) lo = mid;
    else hi = mid;
  }
  const logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  let t = 0.5 * (lo + hi);
  for (let i = 0; i < 50; i++) {
    const logDensity = logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df);
    const sf = studentTSf(t, df);
    let step = (sf - q) / Math.exp(logDensity);
    // Far in the tail (q near 1e-300, t past ~1e50) the density underflows to 0: take the Newton step on
    // log P(T > t) instead, whose slope, the density over the tail, stays a normal number.
    if (!Number.isFinite(step)) step = (Math.log(sf) - Math.log(q)) / Math.exp(logDensity - Math.log(sf));
    t += step;
    if (Math.abs(step) <= 1e-15 * Math.abs(t)) break;
  }
  return upper ? t : -t;
}
