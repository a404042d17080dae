/**
 * A running compensated sum (Neumaier's variant of Kahan summation): the rounding error of every addition is
 * recovered exactly and added back at the end, so the result is as if accumulated in about twice double
 * precision, whatever the order of magnitudes:
 *
 *   t = s + x;  c += |s| >= |x| ? (s - t) + x : (x - t) + s;  s = t;   value = s + c
 *
 * The one place this algorithm is written: the cross-products of correlation and regression (where the
 * reference, BLAS dot products or an SVD, is accurate to a few ulps and a naive running sum over 1e6 terms
 * would not be) and the profile's mean and variance all add through it. Hot loops hold one instance per sum in a
 * local: V8 inlines `add` and keeps the two fields in registers, so it costs what the written-out loop cost.
 *
 * @example
 * const sum = new NeumaierSum();
 * for (const x of [1e100, 1, -1e100]) sum.add(x);
 * sum.value(); // 1 (a naive sum gives 0)
 */
export class NeumaierSum {
  private sum = 0;
  private compensation = 0;

  add(x: number): void {
    const s = this.sum;
    const t = s + x;
    this.compensation += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    this.sum = t;
  }

  value(): number {
    return this.sum + this.compensation;
  }
}

/**
 * Compensated sum of f(0) + f(1) + ... + f(n-1), through {@link NeumaierSum}.
 *
 * @example neumaierSum(3, (i) => [1e100, 1, -1e100][i]) // 1 (a naive sum gives 0)
 */
export function neumaierSum(n: number, term: (i: number) => number): number {
  const sum = new NeumaierSum();
  for (let i = 0; i < n; i++) sum.add(term(i));
  return sum.value();
}
