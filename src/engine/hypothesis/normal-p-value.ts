import { normalCdf, normalSf } from "../stats/normal-sf";
import type { Alternative } from "./test-result";

/**
 * p-value of a statistic that is standard normal under the null hypothesis (scipy's `_normtest_finish`):
 * two-sided 2·P(Z > |z|), "less" P(Z <= z), "greater" P(Z > z); NaN for NaN.
 *
 * @example normalPValue(1.959963984540054, "two-sided") // 0.05000000000000001
 */
export function normalPValue(z: number, alternative: Alternative): number {
  if (alternative === "less") return normalCdf(z);
  if (alternative === "greater") return normalSf(z);
  return 2 * normalSf(Math.abs(z));
}
