import type { Column } from "../table/types";
import { KahanSums } from "../stats/kahan-sums";
import { median } from "../stats/median";
import { groupVariances } from "../stats/group-variances";
import { aggregateRows, checkAggregable, finite, formatExtreme, type AggregateResult, type Aggregation } from "./aggregate-rows";
import { rowsByGroup, type Grouping } from "./group-rows";

/**
 * One aggregation per group, in one pass over the selected rows, reproducing pandas' cython groupby kernels
 * (`group_sum`, `group_mean`, `group_var`) rather than the Series ones, because they use other algorithms:
 * - `sum`/`mean`: Kahan-compensated summation in row order per group ({@link KahanSums}), mean = sum / count
 * - `std`: Welford's online update, then sqrt of M2 / (n - 1)
 *     n += 1;  δ = x - m;  m += δ / n;  M2 += (x - m)(x - m_old)
 * - `median`: numpy's median of each group's values; `min`/`max`/`count` as for a Series.
 * Every group that exists after filtering is returned (a group whose values are all missing gets count 0 and
 * sum 0 or a null statistic, as pandas does).
 *
 * @example aggregateGroups(priceColumn, grouping, "mean")[0] // { value: 40.1, count: 310 }
 */
export function aggregateGroups(column: Column | null, grouping: Grouping, operation: Aggregation): AggregateResult[] {
  const groups = grouping.keys.length;
  const { rows, groupOf, sizes } = grouping;
  if (column === null) return Array.from(sizes, (size) => ({ value: size, count: size }));
  checkAggregable(column, operation);
  if (column.type === "string") return rowsByGroup(grouping).map((groupRows) => aggregateRows(column, groupRows, "count"));
  const values = column.values;
  const counts = new Float64Array(groups);
  switch (operation) {
    case "count": {
      for (let i = 0; i < rows.length; i++) {
        const g = groupOf[i];
        if (g >= 0 && values[rows[i]] === values[rows[i]]) counts[g]++;
      }
      return Array.from(counts, (count) => ({ value: count, count }));
    }
    case "sum":
    case "mean": {
      const sums = new KahanSums(groups);
      for (let i = 0; i < rows.length; i++) {
        const g = groupOf[i];
        if (g < 0) continue;
        const v = values[rows[i]];
        if (v !== v) continue;
        counts[g]++;
        sums.add(g, v);
      }
      return Array.from(counts, (count, g) => ({
        value: operation === "sum" ? finite(sums.value(g)) : count === 0 ? null : finite(sums.value(g) / count),
        count,
      }));
    }
    case "std": {
      const { variances, counts: present } = groupVariances(values, grouping, 1);
      return Array.from(present, (count, g) => ({ value: finite(Math.sqrt(variances[g])), count }));
    }
    case "min":
    case "max": {
      const best = new Float64Array(groups).fill(Number.NaN);
      const isMax = operation === "max";
      for (let i = 0; i < rows.length; i++) {
        const g = groupOf[i];
        if (g < 0) continue;
        const v = values[rows[i]];
        if (v !== v) continue;
        if (counts[g] === 0 || (isMax ? v > best[g] : v < best[g])) best[g] = v;
        counts[g]++;
      }
      return Array.from(counts, (count, g) => ({ value: formatExtreme(column, best[g]), count }));
    }
    case "median": {
      return rowsByGroup(grouping).map((groupRows) => {
        const buffer = new Float64Array(groupRows.length);
        let count = 0;
        for (let i = 0; i < groupRows.length; i++) {
          const v = values[groupRows[i]];
          if (v === v) buffer[count++] = v;
        }
        return { value: finite(median(buffer, count)), count };
      });
    }
  }
}
