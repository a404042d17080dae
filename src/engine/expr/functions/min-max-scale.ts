/** scikit-learn's threshold below which a range counts as zero (`10 * np.finfo(float64).eps`). */
const ZERO_RANGE = 10 * Number.EPSILON;

/**
 * sklearn.preprocessing.minmax_scale(x) (feature_range (0, 1), scikit-learn 1.2) of one partition, with its
 * exact operations: scale = 1 / (max - min), except that a range below 10·eps counts as 1 (`_handle_zeros_in_scale`,
 * so a constant column becomes 0, not NaN); min_ = 0 - min · scale; x' = x · scale + min_. min and max ignore
 * missing values, which stay missing; all missing gives all missing. Callers refuse infinite values, which
 * scikit-learn rejects.
 *
 * @example minMaxScale(Float64Array.of(2, 4, NaN, 6), out) // out = [0, 0.5, NaN, 1]
 */
export function minMaxScale(input: Float64Array, output: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < input.length; k++) {
    const x = input[k];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (min > max) {
    output.fill(Number.NaN);
    return;
  }
  const range = max - min;
  const scale = 1 / (range < ZERO_RANGE ? 1 : range);
  const offset = 0 - min * scale;
  for (let k = 0; k < input.length; k++) output[k] = input[k] * scale + offset;
}
