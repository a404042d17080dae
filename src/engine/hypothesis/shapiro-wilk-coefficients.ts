/**
 * The Shapiro-Wilk coefficients a₁..a_{n/2} of Royston's algorithm AS R94 (Appl. Statist. 44(4), 1995), in
 * IEEE single precision exactly as scipy 1.10 computes them: its `swilk` is the Fortran routine with REAL
 * (float32) arithmetic, so W and its p-value carry float32 rounding; every operation below is rounded to
 * float32 (`Math.fround`) in the Fortran order, which reproduces scipy's W bit for bit.
 *
 *   mᵢ = Φ⁻¹((i - 3/8) / (n + 1/4))   (AS 111, single precision)
 *   a₁ = c₁(1/√n) - m₁/√Σm²,  a₂ = c₂(1/√n) - m₂/√Σm²  (n > 5),   aᵢ = -mᵢ / √((Σm² - 2m₁² - 2m₂²)/(1 - 2a₁² - 2a₂²))
 *
 * with c₁, c₂ Royston's quintic polynomials; for n = 3, a₁ = √½.
 *
 * @example shapiroWilkCoefficients(3) // Float32Array [0.7071099877357483]
 */
const f = Math.fround;
const C1 = [0.0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056].map(f);
const C2 = [0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633].map(f);
const SQRTH = f(0.70711);
const TH = f(0.375);
const QTR = f(0.25);

export function shapiroWilkCoefficients(n: number): Float32Array {
  const half = Math.floor(n / 2);
  const a = new Float32Array(half);
  if (n === 3) {
    a[0] = SQRTH;
    return a;
  }
  const an25 = f(f(n) + QTR);
  let summ2 = 0;
  for (let i = 1; i <= half; i++) {
    const m = ppnd(f(f(f(i) - TH) / an25));
    a[i - 1] = m;
    summ2 = f(summ2 + f(m * m));
  }
  summ2 = f(summ2 * 2);
  const ssumm2 = f(Math.sqrt(summ2));
  const rsn = f(1 / f(Math.sqrt(f(n))));
  const a1 = f(poly(C1, rsn) - f(a[0] / ssumm2));
  let first: number;
  let fac: number;
  if (n > 5) {
    first = 3;
    const a2 = f(f(-a[1] / ssumm2) + poly(C2, rsn));
    const num = f(f(summ2 - f(2 * f(a[0] * a[0]))) - f(2 * f(a[1] * a[1])));
    const den = f(f(1 - f(2 * f(a1 * a1))) - f(2 * f(a2 * a2)));
    fac = f(Math.sqrt(f(num / den)));
    a[0] = a1;
    a[1] = a2;
  } else {
    first = 2;
    fac = f(Math.sqrt(f(f(summ2 - f(2 * f(a[0] * a[0]))) / f(1 - f(2 * f(a1 * a1))))));
    a[0] = a1;
  }
  for (let i = first; i <= half; i++) a[i - 1] = f(-a[i - 1] / fac);
  return a;
}

/** AS 181.2: c₀ + c₁x + … by Horner's rule as the Fortran POLY evaluates it, in float32. */
export function poly(c: readonly number[], x: number): number {
  const last = c.length - 1;
  if (last === 0) return c[0];
  let p = f(x * c[last]);
  for (let j = last - 1; j >= 1; j--) p = f(f(p + c[j]) * x);
  return f(c[0] + p);
}

const A = [2.50662823884, -18.61500062529, 41.39119773534, -25.44106049637].map(f);
const B = [-8.4735109309, 23.08336743743, -21.06224101826, 3.13082909833].map(f);
const C = [-2.78718931138, -2.29796479134, 4.85014127135, 2.32121276858].map(f);
const D = [3.54388924762, 1.63706781897].map(f);
const SPLIT = f(0.42);

/** AS 111 (Beasley & Springer 1977), the single-precision normal quantile that swilk uses. */
function ppnd(p: number): number {
  const q = f(p - 0.5);
  if (Math.abs(q) <= SPLIT) {
    const r = f(q * q);
    const num = f(f(f(f(f(f(A[3] * r) + A[2]) * r) + A[1]) * r) + A[0]);
    const den = f(f(f(f(f(f(f(f(B[3] * r) + B[2]) * r) + B[1]) * r) + B[0]) * r) + 1);
    return f(f(q * num) / den);
  }
  let r = q > 0 ? f(1 - p) : p;
  if (r <= 0) return 0;
  r = f(Math.sqrt(f(-f(Math.log(r)))));
  const num = f(f(f(f(f(f(C[3] * r) + C[2]) * r) + C[1]) * r) + C[0]);
  const den = f(f(f(f(D[1] * r) + D[0]) * r) + 1);
  const rounded = f(num / den);
  return q < 0 ? -rounded : rounded;
}
