import { numpySum } from "../../stats/numpy-sum";

/**
 * scipy.stats.zscore(x, ddof=0, nan_policy="omit") (scipy 1.10) of one partition, written into `output`:
 *
 *   z = (x - mean) / std,  mean and std (population, ddof = 0) of the non-missing values,
 *
 * each mean computed as numpy's `mean` does (its blocked pairwise sum / n: numpySum), std = sqrt(mean((y - mean)^2)). Missing values stay
 * missing; when every non-missing value is equal (or there is none) every z is missing, scipy 1.10's rule for
 * constant input, rather than 0/0.
 *
 * @example zScores(Float64Array.of(1, 2, NaN, 3), out) // out = [-1.2247, 0, NaN, 1.2247]
 */
export function zScores(input: Float64Array, output: Float64Array): void {
  const present = new Float64Array(input.length);
  let n = 0;
  for (let k = 0; k < input.length; k++) if (input[k] === input[k]) present[n++] = input[k];
  output.fill(Number.NaN);
  if (n === 0) return;
  let constant = true;
  for (let k = 1; k < n && constant; k++) constant = present[k] === present[0];
  if (constant) return;
  const mean = numpySum(present, n) / n;
  for (let k = 0; k < n; k++) {
    const d = present[k] - mean;
    present[k] = d * d;
  }
  const std = Math.sqrt(numpySum(present, n) / n);
  for (let k = 0; k < input.length; k++) output[k] = (input[k] - mean) / std;
}
