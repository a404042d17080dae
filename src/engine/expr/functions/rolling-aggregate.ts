/**
 * pandas `Series.rolling(window).sum()` or `.mean()` (min_periods = window) of one partition, written into
 * `output`: the algorithm of pandas 1.5 `_libs/window/aggregations.pyx` roll_sum / roll_mean, so results agree
 * to the last bit.
 * - Infinite values are missing first (rolling's `_prep_values`).
 * - The first window is summed from scratch; each next one removes the value that left and adds the one that
 *   entered, each side with its own Kahan compensation (y = ±x - c; t = s + y; c = (t - s) - y; s = t).
 * - A window with fewer than `window` present values is missing.
 * - When the last `nobs` values added were all equal (counted across windows, missing ones skipped) the sum
 *   is that value × nobs and the mean that value, pandas' guard against drift on constant runs (GH#42064).
 * - A mean of only non-negative (sign bit clear) values that rounds below 0, or of only negative ones that
 *   rounds above 0, is 0.
 * With window 1 every window starts from scratch (its start reaches the previous end), as in pandas.
 * Sum and mean share one loop with a flag rather than a callback per row, and the value entering a sliding
 * window is added inline rather than through the from-scratch loop: both measured 15-20% slower on a million rows.
 *
 * @example
 * rollingAggregate(Float64Array.of(1, 2, NaN, 4, 5), out, 2, "sum") // out = [NaN, 3, NaN, NaN, 9]
 * rollingAggregate(Float64Array.of(1, 2, 3), out, 2, "mean") // out = [NaN, 1.5, 2.5]
 */
export function rollingAggregate(input: Float64Array, output: Float64Array, window: number, statistic: "sum" | "mean"): void {
  const values = finiteOrNaN(input);
  const mean = statistic === "mean";
  // negative values are counted only for the mean, which needs them; the sum stays as fast as on its own
  let sum = 0, addCompensation = 0, removeCompensation = 0, nobs = 0, negative = 0, same = 0, previous = 0;
  for (let i = 0; i < values.length; i++) {
    const start = Math.max(0, i + 1 - window);
    if (i === 0 || start >= i) {
      sum = addCompensation = removeCompensation = 0;
      nobs = negative = same = 0;
      previous = values[start];
      for (let j = start; j <= i; j++) {
        const x = values[j];
        if (x !== x) continue;
        nobs++;
        const y = x - addCompensation;
        const t = sum + y;
        addCompensation = t - sum - y;
        sum = t;
        if (mean && (x < 0 || Object.is(x, -0))) negative++;
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
        if (mean && (x < 0 || Object.is(x, -0))) negative--;
      }
      const v = values[i];
      if (v === v) {
        nobs++;
        const y = v - addCompensation;
        const t = sum + y;
        addCompensation = t - sum - y;
        sum = t;
        if (mean && (v < 0 || Object.is(v, -0))) negative++;
        same = v === previous ? same + 1 : 1;
        previous = v;
      }
    }
    if (nobs < window) output[i] = Number.NaN;
    else if (mean) output[i] = meanOf(sum, nobs, negative, same, previous);
    else output[i] = same >= nobs ? previous * nobs : sum;
  }
}

function meanOf(sum: number, nobs: number, negative: number, same: number, previous: number): number {
  if (nobs === 0) return Number.NaN;
  const mean = sum / nobs;
  if (same >= nobs) return previous;
  if (negative === 0 && mean < 0) return 0;
  if (negative === nobs && mean > 0) return 0;
  return mean;
}

/** The values with ±Infinity replaced by NaN (a copy only when there is one). */
function finiteOrNaN(input: Float64Array): Float64Array {
  let copy: Float64Array | null = null;
  for (let k = 0; k < input.length; k++) {
    if (input[k] === Infinity || input[k] === -Infinity) {
      copy ??= input.slice();
      copy[k] = Number.NaN;
    }
  }
  return copy ?? input;
}
