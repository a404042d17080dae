import { logGamma } from "./log-gamma";
import { logGammaCorrection } from "./log-gamma-correction";
import { lentzStep } from "./lentz-step";
import { log1pmx } from "./log1pmx";

/**
 * The regularized incomplete gamma functions, lower P(a, x) or (with `upper`) upper Q(a, x) = 1 - P(a, x):
 *
 *   P(a, x) = γ(a, x) / Γ(a) = (1 / Γ(a)) ∫₀ˣ t^(a-1) e^(-t) dt,   a > 0, x >= 0,
 *
 * (scipy.special `gammainc` / `gammaincc`), each with relative accuracy, so that a chi-square p-value of
 * 1e-300 keeps its digits. With the front factor F = x^a e^(-x) / Γ(a):
 *
 *   x < a + 1:  P = F/a · Σₙ xⁿ / ((a+1)(a+2)…(a+n))           (series, all terms positive), Q = 1 - P
 *   otherwise:  Q = F · 1/(x+1-a- 1(1-a)/(x+3-a- 2(2-a)/(x+5-a- …)))   (Legendre's continued fraction,
 *               modified Lentz), P = 1 - Q
 *
 * (Numerical Recipes §6.2). In each branch the directly computed function is the smaller one, so the
 * complement costs no relative accuracy. For a > 20, ln F is not formed as a ln x - x - ln Γ(a) (terms of
 * size a that cancel) but as a · log1pmx((x-a)/a) + ½ ln(a/2π) - ω(a), with ω Stirling's remainder.
 *
 * @example regularizedIncompleteGamma(1, 2, true) // e^-2 = 0.1353352832366127
 */
export function regularizedIncompleteGamma(a: number, x: number, upper = false): number {
  if (Number.isNaN(a) || Number.isNaN(x) || !(a > 0) || x < 0) return Number.NaN;
  if (x === 0) return upper ? 1 : 0;
  if (x === Number.POSITIVE_INFINITY) return upper ? 0 : 1;
  if (a === Number.POSITIVE_INFINITY) return upper ? 1 : 0;
  const front = Math.exp(logFrontFactor(a, x));
  if (x < a + 1) {
    const lower = (front / a) * lowerSeries(a, x);
    return upper ? 1 - lower : lower;
  }
  const tail = front * upperContinuedFraction(a, x);
  return upper ? tail : 1 - tail;
}

const HALF_LOG_TWO_PI = 0.91893853320467274178;
const EPSILON = 1e-16;
const TINY = 1e-300;

/** ln(x^a e^-x / Γ(a)). */
function logFrontFactor(a: number, x: number): number {
  if (a <= 20) return a * Math.log(x) - x - logGamma(a);
  const t = (x - a) / a;
  // Near t = -1, 1 + t has lost the digits of x/a: take the logarithm of x/a itself.
  const logTerm = t < -0.5 ? Math.log(x / a) - t : log1pmx(t);
  return a * logTerm + 0.5 * Math.log(a) - HALF_LOG_TWO_PI - logGammaCorrection(a);
}

/** Σₙ xⁿ / ((a+1)…(a+n)); the terms fall once n > x - a, within O(√a) terms of the peak. */
function lowerSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  const maxTerms = 10000 + Math.ceil(50 * Math.sqrt(a));
  for (let n = 1; n < maxTerms; n++) {
    term *= x / (a + n);
    sum += term;
    if (term <= sum * EPSILON) break;
  }
  return sum;
}

/** Legendre's continued fraction for Γ(a, x) e^x x^-a by the modified Lentz method. */
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  const fraction = { c: 1 / TINY, d: 1 / b, value: 1 / b };
  const maxTerms = 10000 + Math.ceil(50 * Math.sqrt(a));
  for (let i = 1; i < maxTerms; i++) {
    b += 2;
    if (Math.abs(lentzStep(fraction, -i * (i - a), b) - 1) < EPSILON) break;
  }
  return fraction.value;
}
