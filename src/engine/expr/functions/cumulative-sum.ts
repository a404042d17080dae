/**
 * Running sum of one partition skipping missing values, which stay missing (pandas cumsum, skipna=True),
 * written into `output`. Two references, two algorithms, reproduced operation for operation:
 * - Series.cumsum (no partitions) is numpy's cumsum with missing values taken as 0: s += x.
 * - groupby(...).cumsum (`compensated`) is pandas' group_cumsum, Kahan-compensated:
 *     y = x - c;  t = s + y;  c = (t - s) - y;  s = t.
 *
 * @example cumulativeSum(Float64Array.of(1, NaN, 2), out, false) // out = [1, NaN, 3]
 */
export function cumulativeSum(input: Float64Array, output: Float64Array, compensated: boolean): void {
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < input.length; k++) {
    const x = input[k];
    if (x !== x) {
      output[k] = Number.NaN;
      continue;
    }
    if (compensated) {
      const y = x - compensation;
      const t = sum + y;
      compensation = t - sum - y;
      sum = t;
    } else {
      sum += x;
    }
    output[k] = sum;
  }
}
