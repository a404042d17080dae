/**
 * Upper tail of the one-sided Kolmogorov-Smirnov statistic D⁺ₙ for a sample of n, P(D⁺ₙ >= d), as
 * scipy.special `smirnov(n, d)` (scipy 1.10, which `ksone.sf` and the one-sided `kstest` use). The exact
 * Smirnov / Birnbaum-Tingey sum
 *
 *   P(D⁺ₙ >= d) = d Σ_{v=0}^{⌊n(1-d)⌋} C(n,v) (d + v/n)^(v-1) (1 - d - v/n)^(n-v)
 *
 * with each term formed in logarithms (no overflow of C(n,v), no underflow of the powers; n·d split exactly
 * so 1 - d - v/n keeps its digits), and scipy's special cases: d <= 1/n: 1 - d(1+d)^(n-1); d >= 1 - 1/n:
 * (1-d)^n; -2nd² below ln 2^-1022: 0; n > 10⁶: the approximation exp(-(6nd+1)²/(18n)); and for small d and
 * n >= 10 the complementary sum over the last (at most three) terms, 1 - d Σ_{v=⌈n(1-d)⌉}^{n} (…).
 *
 * @example smirnovSf(5, 0.3) // 0.34282
 */
export function smirnovSf(n: number, d: number): number {
  if (Number.isNaN(d) || !(n > 0) || !(d >= 0 && d <= 1)) return Number.NaN;
  if (n === 1) return 1 - d;
  if (d === 0) return 1;
  if (d === 1) return 0;
  const nd = splitProduct(n, d);
  const whole = nd.floor;
  const alpha = nd.fraction;
  let lowerLast = n - whole - (alpha === 0 ? 0 : 1);
  let upperFirst = n - whole;
  if (alpha === 0) {
    lowerLast -= 1;
    upperFirst += 1;
  }
  if (whole === 0 || (whole === 1 && alpha === 0)) return clip(1 - d * Math.exp((n - 1) * Math.log1p(d)));
  if (-2 * n * d * d < MIN_LOG) return 0;
  if (whole >= n - 1) return clip(Math.exp(n * Math.log1p(-d)));
  if (n > 1_000_000) {
    const logP = -((6 * n * d + 1) ** 2) / 18 / n;
    return clip(logP < -Math.LN2 ? Math.exp(logP) : 1 + Math.expm1(logP));
  }
  const upperTerms = n - upperFirst + 1;
  const useUpper = (upperTerms <= 1 && d < 0.5) || (n >= 10 && upperTerms <= 3 && d <= 0.5 / Math.sqrt(n));
  if (useUpper) {
    let sum = 0;
    for (let v = n; v >= upperFirst; v--) sum += term(n, v, nd, Math.log(binomialSmall(n, n - v)));
    return clip(1 - d * sum);
  }
  // C(n, v) is carried as mantissa · 2^exponent (it overflows a double for n > 1029).
  let mantissa = 1;
  let exponent = 0;
  let sum = 0;
  for (let v = 0; v <= lowerLast; v++) {
    const t = term(n, v, nd, Math.log(mantissa) + exponent * Math.LN2);
    sum += t;
    // Past the peak the terms fall geometrically: stop once the rest cannot reach the last bit.
    if (t !== 0 && 4 * (lowerLast - v) * t < 1e-17 * sum) break;
    if (t === 0 && v > n / 2) break;
    mantissa *= (n - v) / (v + 1);
    if (mantissa > 2 ** 500) {
      mantissa *= 2 ** -500;
      exponent += 500;
    } else if (mantissa < 2 ** -500) {
      mantissa *= 2 ** 500;
      exponent -= 500;
    }
  }
  return clip(d * sum);
}

/** cephes MINLOG = ln 2^-1022. */
const MIN_LOG = -708.396418532264106224;

interface SplitProduct {
  hi: number;
  lo: number;
  floor: number;
  fraction: number;
}

/** n·d as an unevaluated sum hi + lo (Dekker's exact product), with its integer part and fraction. */
function splitProduct(n: number, d: number): SplitProduct {
  const hi = n * d;
  const c = 134217729 * d;
  const dHigh = c - (c - d);
  const dLow = d - dHigh;
  const lo = n * dHigh - hi + n * dLow;
  let floor = Math.floor(hi);
  let fraction = hi - floor + lo;
  if (fraction < 0) {
    floor -= 1;
    fraction += 1;
  }
  if (fraction >= 1) {
    floor += 1;
    fraction = 0;
  }
  return { hi, lo, floor, fraction };
}

/**
 * C(n,v) (d + v/n)^(v-1) (1 - d - v/n)^(n-v) for 0 <= v <= n given ln C(n,v), signed (the last factor is
 * negative in the upper sum). Both bases come from the exact n·d, and each logarithm is taken where it is
 * accurate (log1p near 1), so a term's relative error is about n·1e-16.
 */
function term(n: number, v: number, nd: SplitProduct, logBinomial: number): number {
  const s = (v + nd.hi + nd.lo) / n; // d + v/n
  const b = (n - v - nd.hi - nd.lo) / n; // 1 - d - v/n
  if (b === 0) return 0;
  const logB = s < 0.5 ? Math.log1p(-s) : Math.log(Math.abs(b));
  const logS = s > 0.5 ? Math.log1p(-b) : Math.log(s);
  const magnitude = Math.exp(logBinomial + (n - v) * logB + (v - 1) * logS);
  return b < 0 && (n - v) % 2 === 1 ? -magnitude : magnitude;
}

/** C(n, k) for small k, as a product. */
function binomialSmall(n: number, k: number): number {
  let c = 1;
  for (let j = 0; j < k; j++) c = (c * (n - j)) / (j + 1);
  return c;
}

function clip(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
