import { pairwiseSum } from "./pairwise-sum";

/**
 * Mean of `values[0..length)` as numpy computes it (`np.mean`: the pairwise sum divided by the count), bit
 * for bit, so that statistics built on differences of means (t, F) agree with scipy even when those
 * differences cancel most digits. NaN for an empty range.
 *
 * @example numpyMean(new Float64Array([1, 2, 4]), 0, 3) // 2.3333333333333335
 */
export function numpyMean(values: Float64Array, start: number, length: number): number {
  return pairwiseSum(values, start, length) / length;
}
