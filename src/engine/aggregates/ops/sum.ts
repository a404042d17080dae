import { aggregateGroups } from "../../ops/aggregate-groups";
import type { Grouping } from "../../ops/group-rows";
import type { ValueColumn } from "../../table/types";
import { gatherFilled } from "../column-values";
import { defineOp, NUMERIC_TYPES } from "../define-op";
import { combineSplitSum, exactIntegerSum } from "../kernels/exact-integer-sum";
import { splitGroupSums } from "../kernels/split-group-sums";
import { isInt64Column } from "../is-int64-column";
import { numpySum } from "../../stats/numpy-sum";

/**
 * `sum` of the non-missing values (0 when there are none; booleans count True as 1):
 * - ungrouped, pandas `Series.sum()`: an int64 column (integers, no gap anywhere) sums exactly; otherwise
 *   numpy's blocked pairwise sum of the rows with missing values replaced by 0 ({@link numpySum});
 * - grouped, pandas' cython `group_sum`: int64 exactly, otherwise Kahan-compensated per group in row order
 *   (the v1 grouped sum, `aggregateGroups`).
 *
 * @example sum.ungrouped(qty, rows, {}) // 4711
 */
export const sum = defineOp<ValueColumn>({
  name: "sum",
  accepts: NUMERIC_TYPES,
  columnOptional: false,
  params: [],
  returnsList: false,
  resultType: (type) => (type === "float" ? "float" : "integer"),
  ungrouped(column, rows) {
    if (isInt64Column(column)) return exactIntegerSum(column.values, rows);
    return numpySum(gatherFilled(column.values, rows).filled, rows.length);
  },
  grouped(column, grouping) {
    if (isInt64Column(column)) return exactGroupSums(column.values, grouping);
    return aggregateGroups(column, grouping, "sum").map((result) => (result.value === null ? Number.NaN : (result.value as number)));
  },
});

/**
 * Each loop is its own small function: V8 then optimises the whole function after a few calls, where a loop
 * inside a larger one runs as on-stack-replaced code that is dropped again at the loop's exit on every call
 * (the code after it has no type feedback yet), which kept a one-off plan several times slower than warm.
 */
function exactGroupSums(values: Float64Array, grouping: Grouping): number[] {
  const groups = grouping.keys.length;
  const { rows, groupOf } = grouping;
  // Integers whose magnitudes add up to less than 2^52 sum exactly in doubles: every partial sum is a whole
  // number below 2^53. One plain pass decides it (the total of magnitudes is itself exact below 2^53).
  const plain = new Float64Array(groups);
  if (plainGroupSums(values, rows, groupOf, plain) < 2 ** 52) return Array.from(plain);
  const hi = new Float64Array(groups);
  const lo = new Float64Array(groups);
  splitGroupSums(values, rows, groupOf, hi, lo, new Float64Array(groups));
  return Array.from(hi, (h, g) => combineSplitSum(h, lo[g]));
}

/** Adds each row's value to its group's slot of `sums`; returns the total of magnitudes. */
function plainGroupSums(values: Float64Array, rows: Uint32Array, groupOf: Int32Array, sums: Float64Array): number {
  let magnitude = 0;
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf[i];
    if (g < 0) continue;
    const v = values[rows[i]];
    sums[g] += v;
    magnitude += Math.abs(v);
  }
  return magnitude;
}
