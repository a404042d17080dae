/**
 * Solves A x = b for a symmetric positive-definite p x p matrix A (row-major, full) by the Cholesky
 * factorisation A = L Lᵀ and two triangular solves. Returns null when A is not numerically positive definite
 * (a pivot <= 0), which a Newton iteration reports as failure rather than stepping on garbage.
 *
 * @example choleskySolve(new Float64Array([4, 2, 2, 3]), 2, new Float64Array([2, 1])) // Float64Array [0.5, 0]
 */
export function choleskySolve(a: Float64Array, p: number, b: Float64Array): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j];
    for (let k = 0; k < j; k++) d -= l[j * p + k] * l[j * p + k];
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      l[i * p + j] = s / ljj;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < p; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * x[k];
    x[i] = s / l[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s / l[i * p + i];
  }
  return x;
}
