import { EngineError } from "../errors";
import { median } from "../stats/median";
import { poly, shapiroWilkCoefficients } from "./shapiro-wilk-coefficients";
import type { TestResult } from "./test-result";

const f = Math.fround;
const SMALL = f(1e-19);
const PI6 = f(1.909859);
const STQR = f(1.047198);
const G = [-2.273, 0.459].map(f);
const C3 = [0.544, -0.39978, 0.025054, -6.714e-4].map(f);
const C4 = [1.3822, -0.77857, 0.062767, -0.0020322].map(f);
const C5 = [-1.5861, -0.31082, -0.083751, 0.0038915].map(f);
const C6 = [-0.4803, -0.082676, 0.0030302].map(f);

/**
 * Shapiro-Wilk test of normality, as scipy.stats.shapiro (scipy 1.10): Royston's algorithm AS R94 (Appl.
 * Statist. 44(4), 1995), the Fortran `swilk` that scipy wraps, including its single-precision arithmetic.
 *
 *   W = (Σ aᵢ x₍ᵢ₎)² / Σ (xᵢ - x̄)²,   computed as 1 - W = (√(SSa·SSx) - SAx)(√(SSa·SSx) + SAx) / (SSa·SSx)
 *
 * over the sorted values centred on their median and rounded to float32, with the coefficients of
 * shapiroWilkCoefficients. p-value: n = 3 exactly, (6/π)(asin √W - asin √¾); 4 <= n <= 11,
 * -ln(γ - ln(1-W)) is normal with mean and sd polynomial in n (p = 1e-19 when ln(1-W) >= γ); n >= 12,
 * ln(1-W) is normal with mean and sd polynomial in ln n. The upper normal tail is AS 66 in double precision,
 * rounded to float32 like everything else, so W and p are float32 values (as scipy's are).
 *
 * Limits as scipy: fewer than 3 values is an error; all values equal gives W = 1, p = 1 with a warning;
 * above 5000 values the p-value is computed but flagged. One departure: for n = 3 scipy's float32 formula can
 * return a p-value slightly below 0 (-9.1e-7 for [1, 1, 5]); it is clipped to 0. The caller drops missing
 * values first.
 *
 * @example shapiroWilk(new Float64Array([2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8]), 7).pValue // 0.6399518847465515
 */
export function shapiroWilk(values: Float64Array, length: number): TestResult {
  const n = length;
  if (n < 3) throw new EngineError("insufficient_data", `The Shapiro-Wilk test needs at least 3 values; there are ${n}.`);
  const centre = median(values.slice(0, n), n);
  const centred = new Float64Array(n);
  for (let i = 0; i < n; i++) centred[i] = values[i] - centre;
  centred.sort();
  const x = Float32Array.from(centred);
  const a = shapiroWilkCoefficients(n);
  const warnings: string[] = [];
  if (n > 5000) warnings.push(`The Shapiro-Wilk p-value may be inaccurate above 5000 values; there are ${n}.`);
  const range = f(x[n - 1] - x[0]);
  if (range < SMALL) {
    warnings.unshift("All values are equal: the Shapiro-Wilk statistic is not informative (W = 1, p = 1).");
    return { statistic: 1, pValue: 1, sizes: [n], warnings };
  }
  const w1 = oneMinusW(x, a, n, range);
  const w = f(1 - w1);
  return { statistic: w, pValue: significance(w, w1, n), sizes: [n], warnings };
}

/** Signed coefficient of the i-th order statistic (1-based): -a_i in the lower half, +a_{n+1-i} above. */
function signedCoefficient(a: Float32Array, i: number, j: number): number {
  if (i === j) return 0;
  return i < j ? -a[i - 1] : a[j - 1];
}

/** 1 - W as the squared correlation between the data and the coefficients, in swilk's float32 order. */
function oneMinusW(x: Float32Array, a: Float32Array, n: number, range: number): number {
  let sx = f(x[0] / range);
  let sa = -a[0];
  for (let i = 2, j = n - 1; i <= n; i++, j--) {
    sx = f(sx + f(x[i - 1] / range));
    if (i !== j) sa = f(sa + signedCoefficient(a, i, j));
  }
  sa = f(sa / n);
  sx = f(sx / n);
  let ssa = 0;
  let ssx = 0;
  let sax = 0;
  for (let i = 1, j = n; i <= n; i++, j--) {
    const asa = f(signedCoefficient(a, i, j) - sa);
    const xsx = f(f(x[i - 1] / range) - sx);
    ssa = f(ssa + f(asa * asa));
    ssx = f(ssx + f(xsx * xsx));
    sax = f(sax + f(asa * xsx));
  }
  const product = f(ssa * ssx);
  const root = f(Math.sqrt(product));
  return f(f(f(root - sax) * f(root + sax)) / product);
}

/** The p-value of W (AS R94's significance level), float32 as swilk returns it. */
function significance(w: number, w1: number, n: number): number {
  // At the smallest possible W (¾) the float32 difference can round below the exact p = 0.
  if (n === 3) return Math.max(0, f(PI6 * f(f(Math.asin(f(Math.sqrt(w)))) - STQR)));
  let y = f(Math.log(w1));
  const logN = f(Math.log(n));
  let m: number;
  let s: number;
  if (n <= 11) {
    const gamma = poly(G, n);
    if (y >= gamma) return SMALL;
    y = f(-f(Math.log(f(gamma - y))));
    m = poly(C3, n);
    s = f(Math.exp(poly(C4, n)));
  } else {
    m = poly(C5, logN);
    s = f(Math.exp(poly(C6, logN)));
  }
  return f(upperNormalTail(f(f(y - m) / s)));
}

/** AS 66 (Hill 1973) in double precision with swilk's limits: the standard normal upper tail P(Z > z). */
function upperNormalTail(z: number): number {
  let up = true;
  let x = z;
  if (x < 0) {
    up = false;
    x = -x;
  }
  let p: number;
  if (x > 7 && !(up && x <= 38)) {
    p = 0;
  } else {
    const y = 0.5 * x * x;
    if (x <= 1.28) {
      p = 0.5 - x * (0.398942280444 - (0.399903438504 * y) / (y + 5.75885480458 - 29.8213557808 / (y + 2.62433121679 + 48.6959930692 / (y + 5.92885724438))));
    } else {
      p =
        (0.398942280385 * Math.exp(-y)) /
        (x - 3.8052e-8 + 1.00000615302 / (x + 3.98064794e-4 + 1.98615381364 / (x - 0.151679116635 + 5.29330324926 / (x + 4.8385912808 - 15.1508972451 / (x + 0.742380924027 + 30.789933034 / (x + 3.99019417011))))));
    }
  }
  return up ? p : 1 - p;
}
