import type { Grouping } from "../../ops/group-rows";
import type { Column } from "../../table/types";
import { ALL_TYPES, defineOp } from "../define-op";
import { valueIds } from "../kernels/value-ids";

/**
 * `count_distinct`: distinct non-missing values, pandas `Series.nunique()` / `DataFrameGroupBy.nunique()`
 * (dropna=True; -0 and 0 are one value).
 *
 * @example countDistinct.ungrouped(region, rows, {}) // 4
 */
export const countDistinct = defineOp<Column>({
  name: "count_distinct",
  accepts: ALL_TYPES,
  columnOptional: false,
  params: [],
  returnsList: false,
  resultType: () => "integer",
  ungrouped: (column, rows) => valueIds(column, rows).count,
  grouped: (column, grouping) => Array.from(distinctPerGroup(column, grouping)),
});

/**
 * Distinct values per group in O(n + distinct): positions are bucketed by value id (a counting sort), so each
 * group meets its values one id at a time and counts an id when it differs from the last one it saw.
 */
function distinctPerGroup(column: Column, grouping: Grouping): Uint32Array {
  const { ids, count } = valueIds(column, grouping.rows);
  const groupOf = grouping.groupOf;
  const start = new Uint32Array(count + 1);
  for (let i = 0; i < ids.length; i++) if (ids[i] >= 0 && groupOf[i] >= 0) start[ids[i] + 1]++;
  for (let id = 0; id < count; id++) start[id + 1] += start[id];
  const byId = new Uint32Array(start[count]);
  const fill = start.slice(0, count);
  for (let i = 0; i < ids.length; i++) if (ids[i] >= 0 && groupOf[i] >= 0) byId[fill[ids[i]]++] = i;
  const distinct = new Uint32Array(grouping.keys.length);
  const lastId = new Int32Array(grouping.keys.length).fill(-1);
  for (let k = 0; k < byId.length; k++) {
    const g = groupOf[byId[k]];
    const id = ids[byId[k]];
    if (lastId[g] !== id) {
      lastId[g] = id;
      distinct[g]++;
    }
  }
  return distinct;
}
