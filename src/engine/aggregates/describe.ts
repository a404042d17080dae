import { EngineError } from "../errors";
import type { Column } from "../table/types";
import type { ScalarValue } from "./aggregate-op";
import { formatValue, gatherFilled, gatherPresent } from "./column-values";
import { exactMeanMilliseconds } from "./kernels/exact-mean-milliseconds";
import { numpySum } from "../stats/numpy-sum";
import { twoPassVariance } from "../stats/two-pass-variance";
import { quantilesOf } from "./ops/quantile-values";
import { percentileLabels } from "./percentile-labels";
import { valueCounts } from "./value-counts";

export interface DescribeOptions {
  /** Percentiles in [0, 1], distinct; 0.5 is always added; default [0.25, 0.5, 0.75] (pandas). */
  percentiles?: readonly number[];
}

/** One row of describe()'s output, in pandas' order, with pandas' label ("count", "25%", "top", ...). */
export interface DescribeStatistic {
  name: string;
  value: ScalarValue;
}

export interface DescribeResult {
  /** numeric: integer and float columns; categorical: strings and booleans; datetime. */
  kind: "numeric" | "categorical" | "datetime";
  statistics: DescribeStatistic[];
}

/**
 * pandas `Series.describe(percentiles)` of the selected rows (missing values skipped; undefined values NaN):
 * - integer, float: count, mean, std, min, the percentiles, max, each as the ungrouped op computes it (numpy's
 *   blocked sum for the mean, bottleneck's two-pass std, `Series.quantile` linear for the percentiles), from
 *   one gather of the values;
 * - string, boolean (pandas treats bool as categorical): count, unique, top, freq, with top the first entry of
 *   {@link valueCounts} (most frequent; ties by first appearance) and top/freq NaN without values;
 * - datetime, as pandas 2.x (1.5 with `datetime_is_numeric=True`): count, mean, min, the percentiles, max, as
 *   ISO strings; mean and percentiles exact to the millisecond (see the mean and quantile ops).
 * Percentile labels follow pandas 2.x ({@link percentileLabels}). Throws EngineError `out_of_range` for a
 * percentile outside [0, 1] and `invalid_value` for duplicates (pandas raises ValueError for both).
 *
 * @example describe(price, rows).statistics.map((s) => s.name) // ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]
 */
export function describe(column: Column, rows: Uint32Array, options: DescribeOptions = {}): DescribeResult {
  if (column.type === "string" || column.type === "boolean") return describeCategorical(column, rows);
  const percentiles = refinePercentiles(options.percentiles);
  const labels = percentileLabels(percentiles);
  // One gather serves count, min, max, std and (last, as selection reorders it) the percentiles.
  const present = gatherPresent(column.values, rows);
  const n = present.length;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = present[i];
    if (v < low) low = v;
    if (v > high) high = v;
  }
  const statistics: DescribeStatistic[] = [{ name: "count", value: n }];
  if (column.type === "datetime") {
    statistics.push({ name: "mean", value: formatValue(column, exactMeanMilliseconds(column.values, rows)) });
  } else {
    const { filled } = gatherFilled(column.values, rows);
    statistics.push({ name: "mean", value: n === 0 ? Number.NaN : numpySum(filled, rows.length) / n });
    statistics.push({ name: "std", value: Math.sqrt(twoPassVariance(present, n, 1)) });
  }
  statistics.push({ name: "min", value: n === 0 ? Number.NaN : formatValue(column, low) });
  const quantiles = quantilesOf(column, present, percentiles, "linear");
  percentiles.forEach((_, i) => statistics.push({ name: labels[i], value: quantiles[i] }));
  statistics.push({ name: "max", value: n === 0 ? Number.NaN : formatValue(column, high) });
  return { kind: column.type === "datetime" ? "datetime" : "numeric", statistics };
}

function describeCategorical(column: Column, rows: Uint32Array): DescribeResult {
  const counts = valueCounts(column, rows);
  const top = counts.entries[0];
  return {
    kind: "categorical",
    statistics: [
      { name: "count", value: counts.total },
      { name: "unique", value: counts.distinct },
      { name: "top", value: top === undefined || top.value === null ? Number.NaN : top.value },
      { name: "freq", value: top === undefined ? Number.NaN : top.count },
    ],
  };
}

/** pandas' `refine_percentiles`: default quartiles; else checked, 0.5 added, sorted, duplicates refused. */
function refinePercentiles(percentiles: readonly number[] | undefined): number[] {
  if (percentiles === undefined) return [0.25, 0.5, 0.75];
  for (const q of percentiles) {
    if (!(q >= 0 && q <= 1)) throw problem("out_of_range", `Percentiles must be in [0, 1], got ${q}.`);
  }
  const all = percentiles.includes(0.5) ? [...percentiles] : [...percentiles, 0.5];
  const sorted = [...new Set(all)].sort((a, b) => a - b);
  if (sorted.length < all.length) throw problem("invalid_value", "Percentiles must not repeat.");
  return sorted;
}

function problem(code: "out_of_range" | "invalid_value", message: string): EngineError {
  return new EngineError("invalid_parameter", message, { problems: [{ path: "plan.percentiles", code, message }] });
}

