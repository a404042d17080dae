/**
 * Compensated sum of f(0) + f(1) + ... + f(n-1) (Neumaier's variant of Kahan summation): the rounding error
 * of every addition is recovered exactly and added back at the end, so the result is as if accumulated in
 * about twice double precision, whatever the order of magnitudes:
 *
 *   t = s + x;  c += |s| >= |x| ? (s - t) + x : (x - t) + s;  s = t;   result = s + c
 *
 * Used for the cross-products of correlation and regression, where the reference (BLAS dot products, SVD)
 * is accurate to a few ulps and a naive running sum over 1e6 terms would not be.
 *
 * @example neumaierSum(3, (i) => [1e100, 1, -1e100][i]) // 1 (a naive sum gives 0)
 */
export function neumaierSum(n: number, term: (i: number) => number): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const x = term(i);
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}
