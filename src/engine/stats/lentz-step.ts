/** Where the modified Lentz method replaces a vanishing denominator (Numerical Recipes §5.2). */
const TINY = 1e-300;

/** The running state of a continued fraction evaluated by the modified Lentz method: C_n, D_n and f_n. */
export interface LentzState {
  c: number;
  d: number;
  value: number;
}

/**
 * One term of the modified Lentz method (Numerical Recipes §5.2) for f = b₀ + a₁/(b₁ + a₂/(b₂ + …)):
 *
 *   D_n = 1 / (b_n + a_n D_{n-1}),   C_n = b_n + a_n / C_{n-1}   (each kept off zero by 1e-300),   f_n = f_{n-1} C_n D_n
 *
 * Updates `state` and returns Δ_n = C_n D_n; the fraction has converged when |Δ_n - 1| is below the precision
 * wanted. The caller starts the state from the fraction's first terms.
 *
 * @example const s = { c: 1, d: 1, value: 1 }; lentzStep(s, 1, 1); // s.value = 0.5, i.e. 1/(1 + 1/1)
 */
export function lentzStep(state: LentzState, a: number, b: number): number {
  let d = a * state.d + b;
  if (Math.abs(d) < TINY) d = TINY;
  let c = b + a / state.c;
  if (Math.abs(c) < TINY) c = TINY;
  d = 1 / d;
  const delta = d * c;
  state.c = c;
  state.d = d;
  state.value *= delta;
  return delta;
}
