/**
 * pandas `Series.rolling(window).sum()` (min_periods = window) of one partition, written into `output`: the
 * algorithm of pandas 1.5 `_libs/window/aggregations.pyx` roll_sum, so results agree to the last bit.
 * - Infinite values are missing first (rolling's `_prep_values`).
 * - The first window is summed from scratch; each next one removes the value that left and adds the one that
 *   entered, each side with its own Kahan compensation (y = ±x - c; t = s + y; c = (t - s) - y; s = t).
 * - A window with fewer than `window` present values is missing.
 * - When the last `nobs` values added were all equal (counted across windows, missing ones skipped) the sum
 *   is that value × nobs, pandas' guard against drift on constant runs (GH#42064).
 * With window 1 every window starts from scratch (its start reaches the previous end), as in pandas.
 *
 * @example rollingSum(Float64Array.of(1, 2, NaN, 4, 5), out, 2) // out = [NaN, 3, NaN, NaN, 9]
 */
export function rollingSum(input: Float64Array, output: Float64Array, window: number): void {
  const values = finiteOrNaN(input);
  let sum = 0, addCompensation = 0, removeCompensation = 0, nobs = 0, same = 0, previous = 0;
  for (let i = 0; i < values.length; i++) {
    const start = Math.max(0, i + 1 - window);
    if (i === 0 || start >= i) {
      sum = addCompensation = removeCompensation = 0;
      nobs = same = 0;
      previous = values[start];
      for (let j = start; j <= i; j++) {
        const x = values[j];
        if (x !== x) continue;
        nobs++;
        const y = x - addCompensation;
        const t = sum + y;
        addCompensation = t - sum - y;
        sum = t;
        same = x === previous ? same + 1 : 1;
        previous = x;
      }
    } else {
      const x = i >= window ? values[i - window] : Number.NaN;
      if (x === x) {
        nobs--;
        const y = -x - removeCompensation;
        const t = sum + y;
        removeCompensation = t - sum - y;
        sum = t;
      }
      const v = values[i];
      if (v === v) {
        nobs++;
        const y = v - addCompensation;
        const t = sum + y;
        addCompensation = t - sum - y;
        sum = t;
        same = v === previous ? same + 1 : 1;
        previous = v;
      }
    }
    output[i] = nobs >= window ? (same >= nobs ? previous * nobs : sum) : Number.NaN;
  }
}

/** The values with ±Infinity replaced by NaN (a copy only when there is one). @example finiteOrNaN(Float64Array.of(1, Infinity)) // [1, NaN] */
export function finiteOrNaN(input: Float64Array): Float64Array {
  let copy: Float64Array | null = null;
  for (let k = 0; k < input.length; k++) {
    if (input[k] === Infinity || input[k] === -Infinity) {
      copy ??= Float64Array.from(input);
      copy[k] = Number.NaN;
    }
  }
  return copy ?? input;
}
