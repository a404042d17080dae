import { scaleByPowerOfTwo } from "./scale-by-power-of-two";

/**
 * P(Dₙ < d) for the two-sided Kolmogorov-Smirnov statistic by Durbin's matrix algorithm in the form of
 * Marsaglia, Tsang & Wang (J. Stat. Softw. 8(18), 2003), as scipy 1.10's `_kolmogn_DMTW`: with
 * nd = k - h (k integer, 0 <= h < 1) and the m×m matrix H (m = 2k - 1)
 *
 *   H[i][j] = 1/(i-j+1)!  (i - j + 1 >= 0, interior),   first column (1 - h^(i+1))/(i+1)!,
 *   last row its reverse, corner (1 - 2hᵐ + max(0, 2h-1)ᵐ)/m!,
 *
 *   P(Dₙ < d) = (n!/nⁿ) (Hⁿ)[k][k],
 *
 * with Hⁿ by repeated squaring and powers of 2^128 carried aside so nothing overflows. O(m³ log n).
 *
 * @example durbinMatrixCdf(10, 0.2) // 0.25128096000000005
 */

const E128 = 2 ** 128;
const EM128 = 2 ** -128;

export function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  let matrix: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) matrix[r * m + i] = w[r - i + 1];
  for (let r = 0; r < m; r++) matrix[r * m] = v[r];
  for (let c = 0; c < m; c++) matrix[(m - 1) * m + c] = v[m - 1 - c];

  let power: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) power[i * m + i] = 1;
  let exponent = 0;
  let matrixExponent = 0;
  for (let remaining = n; remaining > 0; remaining = Math.floor(remaining / 2)) {
    if (remaining % 2 === 1) {
      power = multiply(power, matrix, m);
      exponent += matrixExponent;
    }
    matrix = multiply(matrix, matrix, m);
    matrixExponent *= 2;
    if (Math.abs(matrix[(k - 1) * m + (k - 1)]) > E128) {
      for (let i = 0; i < m * m; i++) matrix[i] /= E128;
      matrixExponent += 128;
    }
  }
  let p = power[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= E128;
      exponent -= 128;
    }
  }
  if (exponent !== 0) p = scaleByPowerOfTwo(p, exponent);
  return Math.min(1, Math.max(0, p));
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < m; l++) {
      const ail = a[i * m + l];
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] += ail * b[l * m + j];
    }
  }
  return out;
}
