import { argsortFloat64 } from "../stats/argsort-float64";
import type { Column } from "../table/types";
import { compareCodePoints } from "./compare-code-points";

export interface SortKey {
  readonly column: Column;
  readonly descending: boolean;
}

/**
 * The rows reordered by the keys, as pandas `sort_values(by, ascending, kind="stable", na_position="last")`:
 * lexicographic over the keys, stable (ties keep their order), missing values last for every key whatever its
 * direction; strings by code point, booleans false < true, datetimes by instant.
 *
 * One stable radix argsort per key, least significant key first (LSD), each followed by a stable partition that
 * moves the key's missing values behind the rest: O(keys × rows), no comparator calls. Descending order sorts the
 * negated values (exact for doubles; string ranks are integers).
 *
 * @example sortRows(frame.rows, [{ column: fare, descending: true }])
 */
export function sortRows(rows: Uint32Array, keys: readonly SortKey[]): Uint32Array {
  const m = rows.length;
  let order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  const values = new Float64Array(m);
  // absent[i]: the key is missing at order[i] (values[i] = Infinity cannot tell it from a real Infinity).
  const absent = new Uint8Array(m);
  for (let k = keys.length - 1; k >= 0; k--) {
    const read = keyReader(keys[k].column);
    const sign = keys[k].descending ? -1 : 1;
    let missing = 0;
    for (let i = 0; i < m; i++) {
      const v = read(rows[order[i]]);
      if (v !== v) {
        values[i] = Infinity;
        absent[i] = 1;
        missing++;
      } else {
        values[i] = sign * v;
        absent[i] = 0;
      }
    }
    const sub = argsortFloat64(values, m);
    const next = new Uint32Array(m);
    if (missing === 0) {
      for (let i = 0; i < m; i++) next[i] = order[sub[i]];
    } else {
      // Stable partition: present values in sorted order, then the missing ones in their current order.
      let front = 0;
      let back = m - missing;
      for (let i = 0; i < m; i++) {
        const j = sub[i];
        if (absent[j] === 1) next[back++] = order[j];
        else next[front++] = order[j];
      }
    }
    order = next;
  }
  const out = new Uint32Array(m);
  for (let i = 0; i < m; i++) out[i] = rows[order[i]];
  return out;
}

/** A key's sortable number per row: the value, or for strings the code point rank of its dictionary entry. */
function keyReader(column: Column): (row: number) => number {
  if (column.type !== "string") {
    const values = column.values;
    return (row) => values[row];
  }
  const codes0 = Array.from(column.dictionary.keys());
  const byText = column.ordered === true ? codes0 : codes0.sort((a, b) => compareCodePoints(column.dictionary[a], column.dictionary[b]));
  const rank = new Float64Array(column.dictionary.length);
  byText.forEach((code, r) => (rank[code] = r));
  const codes = column.codes;
  return (row) => (codes[row] < 0 ? Number.NaN : rank[codes[row]]);
}
