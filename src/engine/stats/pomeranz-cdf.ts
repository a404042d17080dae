import { scaleByPowerOfTwo } from "./scale-by-power-of-two";

/**
 * P(Dₙ <= d) for the two-sided Kolmogorov-Smirnov statistic by Pomeranz's recursion (Comm. ACM 17(12),
 * 1974, Algorithm 487), as scipy 1.10's `_kolmogn_Pomeranz`: with t = nd = l + f (l integer), the 2n+1 rows
 * of the recursion are convolutions of the previous row with one of three Poisson-like weight sequences
 * (g/n)^m/m!, (2g/n)^m/m! or ((1-2g)/n)^m/m!, g = min(f, 1-f), over a sliding window of at most 2(l+1)
 * entries; the answer is n! times the last entry. Rows are rescaled by 2^128 to avoid underflow.
 *
 * @example pomeranzCdf(10, 0.3) // 0.7294644252000005
 */

const E128 = 2 ** 128;
const EM128 = 2 ** -128;

export function pomeranzCdf(n: number, d: number): number {
  const t = n * d;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const size = 2 * (ll + 1);
  const gPower = new Float64Array(size);
  const twoGPower = new Float64Array(size);
  const oneMinusTwoGPower = new Float64Array(size);
  gPower[0] = twoGPower[0] = oneMinusTwoGPower[0] = 1;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < size; m++) {
    gPower[m] = (gPower[m - 1] * gOverN) / m;
    twoGPower[m] = (twoGPower[m - 1] * twoGOverN) / m;
    oneMinusTwoGPower[m] = (oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN) / m;
  }
  let v0 = new Float64Array(size);
  let v1 = new Float64Array(size);
  v1[0] = 1;
  let v0Start = 0;
  let v1Start = 0;
  let exponent = 0;
  let [j1] = window(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0Start, v1Start] = [v1Start, v0Start];
    v1.fill(0);
    const [nextJ1, j2] = window(i, n, ll, ceilf, roundf);
    j1 = nextJ1;
    const weights = i === 1 || i === 2 * n + 1 ? gPower : i % 2 === 1 ? twoGPower : oneMinusTwoGPower;
    const length = j2 - k1 + 1;
    if (length > 0) {
      const offset = k1 - v0Start;
      const available = Math.max(0, Math.min(length, size - offset));
      const from = j1 - k1;
      const count = j2 - j1 + 1;
      let largest = 0;
      for (let r = 0; r < count; r++) {
        // Entry (from + r) of the full convolution of v0[offset..offset+available) with weights[0..length).
        const q = from + r;
        let sum = 0;
        const lo = Math.max(0, q - length + 1);
        const hi = Math.min(q, available - 1);
        for (let a = lo; a <= hi; a++) sum += v0[offset + a] * weights[q - a];
        v1[r] = sum;
        if (sum > largest) largest = sum;
      }
      if (largest > 0 && largest < EM128) {
        for (let r = 0; r < size; r++) v1[r] *= E128;
        exponent -= 128;
      }
      v1Start = v0Start + j1 - k1;
    }
  }
  let answer = v1[n - v1Start];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(answer) > E128) {
      answer *= EM128;
      exponent += 128;
    }
    answer *= m;
  }
  if (exponent !== 0) answer = scaleByPowerOfTwo(answer, exponent);
  return Math.min(1, Math.max(0, answer));
}

/** The window [j1, j2] of non-zero entries of row i (Pomeranz's bounds, 0-based and clipped to [0, n]). */
function window(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}
