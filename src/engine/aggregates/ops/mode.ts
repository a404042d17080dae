import { compareCodePoints } from "../../ops/compare-code-points";
import type { Grouping } from "../../ops/group-rows";
import type { Column } from "../../table/types";
import type { ScalarValue } from "../aggregate-op";
import { valueAt } from "../column-values";
import { ALL_TYPES, defineOp } from "../define-op";
import { valueIds } from "../kernels/value-ids";

/**
 * `mode`: every most frequent non-missing value, sorted ascending as pandas `Series.mode(dropna=True)` returns
 * them (numbers and datetimes by value, false before true, strings by code point); an empty list when there is
 * no value. When every value occurs once, every value is a mode (as in pandas). Grouped as `Series.mode` of each
 * group (pandas has no grouped mode).
 *
 * @example mode.ungrouped(segment, rows, {}) // ["b"]
 */
export const mode = defineOp<Column>({
  name: "mode",
  accepts: ALL_TYPES,
  columnOptional: false,
  params: [],
  returnsList: true,
  resultType: (type) => type ?? "float",
  ungrouped(column, rows) {
    const { ids, count, first } = valueIds(column, rows);
    const counts = new Uint32Array(count);
    for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) counts[ids[i]]++;
    let most = 0;
    for (let id = 0; id < count; id++) if (counts[id] > most) most = counts[id];
    const modes: number[] = [];
    for (let id = 0; id < count; id++) if (counts[id] === most) modes.push(id);
    return sortedValues(column, rows, first, modes);
  },
  grouped: (column, grouping) => groupModes(column, grouping),
});

/**
 * Modes per group in O(n + distinct): positions are bucketed by value id and then, stably, by group, so each
 * group's positions come out ordered by id and equal values are adjacent runs.
 */
function groupModes(column: Column, grouping: Grouping): ScalarValue[][] {
  const { rows, groupOf } = grouping;
  const groups = grouping.keys.length;
  const { ids, count, first } = valueIds(column, rows);
  const used = (i: number) => ids[i] >= 0 && groupOf[i] >= 0;
  const idStart = new Uint32Array(count + 1);
  const groupStart = new Uint32Array(groups + 1);
  for (let i = 0; i < ids.length; i++) {
    if (!used(i)) continue;
    idStart[ids[i] + 1]++;
    groupStart[groupOf[i] + 1]++;
  }
  for (let id = 0; id < count; id++) idStart[id + 1] += idStart[id];
  for (let g = 0; g < groups; g++) groupStart[g + 1] += groupStart[g];
  const byId = new Uint32Array(idStart[count]);
  for (let i = 0; i < ids.length; i++) if (used(i)) byId[idStart[ids[i]]++] = i;
  const byGroup = new Uint32Array(byId.length);
  const fill = groupStart.slice(0, groups);
  for (let k = 0; k < byId.length; k++) byGroup[fill[groupOf[byId[k]]]++] = byId[k];
  const out: ScalarValue[][] = [];
  for (let g = 0; g < groups; g++) {
    let most = 0;
    let modes: number[] = [];
    for (let k = groupStart[g]; k < groupStart[g + 1]; ) {
      const id = ids[byGroup[k]];
      let end = k + 1;
      while (end < groupStart[g + 1] && ids[byGroup[end]] === id) end++;
      const run = end - k;
      if (run > most) {
        most = run;
        modes = [id];
      } else if (run === most) {
        modes.push(id);
      }
      k = end;
    }
    out.push(sortedValues(column, rows, first, modes));
  }
  return out;
}

/** The values of the given ids, ascending in pandas' order. */
function sortedValues(column: Column, rows: Uint32Array, first: Uint32Array, modeIds: number[]): ScalarValue[] {
  const rowOf = modeIds.map((id) => rows[first[id]]);
  if (column.type === "string") {
    const { codes, dictionary } = column;
    rowOf.sort((a, b) => compareCodePoints(dictionary[codes[a]], dictionary[codes[b]]));
  } else {
    const values = column.values;
    rowOf.sort((a, b) => values[a] - values[b]);
  }
  return rowOf.map((row) => valueAt(column, row));
}
