import { finiteOrNaN } from "./rolling-sum";

/**
 * pandas `Series.rolling(window).mean()` (min_periods = window) of one partition, written into `output`: pandas
 * 1.5 roll_mean, the running Kahan sum of {@link rollingSum} divided by the count, with its special cases:
 * a run of equal values gives that value exactly, and a mean of only non-negative (sign bit clear) values
 * that rounds below 0, or of only negative ones that rounds above 0, is 0.
 *
 * @example rollingMean(Float64Array.of(1, 2, 3), out, 2) // out = [NaN, 1.5, 2.5]
 */
export function rollingMean(input: Float64Array, output: Float64Array, window: number): void {
  const values = finiteOrNaN(input);
  let sum = 0, addCompensation = 0, removeCompensation = 0, nobs = 0, negative = 0, same = 0, previous = 0;
  for (let i = 0; i < values.length; i++) {
    const start = Math.max(0, i + 1 - window);
    let from = i;
    if (i === 0 || start >= i) {
      sum = addCompensation = removeCompensation = 0;
      nobs = negative = same = 0;
      previous = values[start];
      from = start;
    } else {
      const x = i >= window ? values[i - window] : Number.NaN;
      if (x === x) {
        nobs--;
        const y = -x - removeCompensation;
        const t = sum + y;
        removeCompensation = t - sum - y;
        sum = t;
        if (x < 0 || Object.is(x, -0)) negative--;
      }
    }
    for (let j = from; j <= i; j++) {
      const x = values[j];
      if (x !== x) continue;
      nobs++;
      const y = x - addCompensation;
      const t = sum + y;
      addCompensation = t - sum - y;
      sum = t;
      if (x < 0 || Object.is(x, -0)) negative++;
      same = x === previous ? same + 1 : 1;
      previous = x;
    }
    output[i] = nobs >= window && nobs > 0 ? meanOf(sum, nobs, negative, same, previous) : Number.NaN;
  }
}

function meanOf(sum: number, nobs: number, negative: number, same: number, previous: number): number {
  const mean = sum / nobs;
  if (same >= nobs) return previous;
  if (negative === 0 && mean < 0) return 0;
  if (negative === nobs && mean > 0) return 0;
  return mean;
}
