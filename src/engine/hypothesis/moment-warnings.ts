import { momentPrecisionLost } from "../stats/central-moment";
import { numpyMean } from "../stats/numpy-mean";

/** The warning scipy's `_moment` gives for (nearly) identical values, in the user's terms. */
export const PRECISION_LOSS_WARNING =
  "The values are nearly identical: the moments lost their precision to cancellation and the result may be unreliable.";

/**
 * Appends PRECISION_LOSS_WARNING to `warnings` (once) when scipy would warn while computing moments of
 * `values[0..length)` (see momentPrecisionLost).
 *
 * @example const w: string[] = []; warnIfPrecisionLost(new Float64Array([3, 3, 3]), 3, w); // w has the warning
 */
export function warnIfPrecisionLost(values: Float64Array, length: number, warnings: string[]): void {
  if (warnings.includes(PRECISION_LOSS_WARNING)) return;
  if (momentPrecisionLost(values, length, numpyMean(values, 0, length))) warnings.push(PRECISION_LOSS_WARNING);
}
