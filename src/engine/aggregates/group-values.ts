import type { Grouping } from "../ops/group-rows";
import { F64_VALUES, scratchFloat64 } from "./scratch";

/** Each group's values side by side: group g is `values.subarray(starts[g], starts[g + 1])`. */
export interface GroupValues {
  values: Float64Array;
  starts: Uint32Array;
}

/**
 * The values of every group, contiguous per group and in row order inside a group, in one counting-sort pass
 * (no per-group arrays): with `keepMissing` each group is its rows as a pandas Series (NaN kept in place, for
 * the kernels whose summation tree depends on it), without it only the non-missing values.
 * Scratch slot F64_VALUES: valid until the next gather.
 *
 * @example gatherGroups(price.values, grouping, false).starts // [0, 310, 602, ...]
 */
export function gatherGroups(values: Float64Array, grouping: Grouping, keepMissing: boolean): GroupValues {
  const { rows, groupOf } = grouping;
  const groups = grouping.keys.length;
  const starts = new Uint32Array(groups + 1);
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf[i];
    if (g >= 0 && (keepMissing || values[rows[i]] === values[rows[i]])) starts[g + 1]++;
  }
  for (let g = 0; g < groups; g++) starts[g + 1] += starts[g];
  const out = scratchFloat64(F64_VALUES, starts[groups]);
  const fill = starts.slice(0, groups);
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf[i];
    if (g < 0) continue;
    const v = values[rows[i]];
    if (keepMissing || v === v) out[fill[g]++] = v;
  }
  return { values: out, starts };
}
