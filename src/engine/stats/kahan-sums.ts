/**
 * Kahan-compensated running sums, one per slot (a group, a distinct time), as pandas' cython groupby kernels
 * (`group_sum`, `group_mean`) accumulate them, in row order:
 *
 *   y = x - c;  t = s + y;  c = (t - s) - y;  s = t
 *
 * This is Kahan's original update, not Neumaier's ({@link NeumaierSum}): pandas' grouped results depend on
 * it bit for bit, so grouped sums and means and the forecast's per-time averages add through this class and
 * nothing else. Slots live in two Float64Arrays (no object per group); `push` opens a new slot when the
 * number of slots is not known in advance, doubling the arrays as needed.
 *
 * @example
 * const sums = new KahanSums(2);
 * sums.add(0, 0.1); sums.add(0, 0.2); sums.add(1, 5);
 * [sums.value(0), sums.value(1)]; // [0.30000000000000004, 5]
 */
export class KahanSums {
  private sums: Float64Array;
  private compensations: Float64Array;
  /** Slots in use: `new KahanSums(n)` starts with n, each `push` adds one. */
  length: number;

  constructor(slots: number) {
    this.sums = new Float64Array(Math.max(slots, 8));
    this.compensations = new Float64Array(this.sums.length);
    this.length = slots;
  }

  add(slot: number, x: number): void {
    const s = this.sums[slot];
    const y = x - this.compensations[slot];
    const t = s + y;
    this.compensations[slot] = t - s - y;
    this.sums[slot] = t;
  }

  value(slot: number): number {
    return this.sums[slot];
  }

  /** Opens a new slot holding 0 and returns its index. */
  push(): number {
    if (this.length === this.sums.length) {
      const sums = new Float64Array(this.sums.length * 2);
      const compensations = new Float64Array(sums.length);
      sums.set(this.sums);
      compensations.set(this.compensations);
      this.sums = sums;
      this.compensations = compensations;
    }
    return this.length++;
  }
}
