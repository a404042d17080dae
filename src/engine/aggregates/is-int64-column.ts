import type { Column } from "../table/types";

const known = new WeakMap<Float64Array, boolean>();

/**
 * Whether pandas would hold this column as int64: an integer column without a single missing value (one gap
 * anywhere makes `read_csv` choose float64, whatever rows a plan selects). int64 sums are exact integers; a
 * float64 sum rounds past 2⁵³. The answer is cached per column array (one scan per loaded table).
 *
 * @example isInt64Column({ name: "qty", type: "integer", values: Float64Array.of(1, 2) }) // true
 */
export function isInt64Column(column: Column): boolean {
  if (column.type !== "integer") return false;
  const values = column.values;
  let result = known.get(values);
  if (result === undefined) {
    result = true;
    for (let i = 0; i < values.length; i++) {
      if (values[i] !== values[i]) {
        result = false;
        break;
      }
    }
    known.set(values, result);
  }
  return result;
}
