import { compareCodePoints } from "../ops/compare-code-points";
import type { Column } from "../table/types";
import type { Level } from "./design";

/**
 * The distinct non-missing values of `column` over `rows`, sorted as patsy sorts a categorical's levels
 * (Python's `sorted` of the values): strings by code point, numbers ascending, booleans False < True.
 * Levels come from the rows the model uses, so a level seen only in rows dropped for a missing value gets no
 * column (patsy would give it an all-zero column, which statsmodels fits as a zero coefficient of zero
 * standard error; every other number is the same).
 *
 * @example categoricalLevels(originColumn, rows) // ["europe", "japan", "usa"]
 */
export function categoricalLevels(column: Column, rows: Uint32Array): Level[] {
  if (column.type === "string") {
    const seen = new Uint8Array(column.dictionary.length);
    for (let i = 0; i < rows.length; i++) {
      const code = column.codes[rows[i]];
      if (code >= 0) seen[code] = 1;
    }
    const names = new Set<string>();
    for (let code = 0; code < seen.length; code++) if (seen[code] === 1) names.add(column.dictionary[code]);
    return [...names].sort(compareCodePoints);
  }
  const values = column.values;
  const distinct = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v === v) distinct.add(v === 0 ? 0 : v);
  }
  const sorted = Float64Array.from(distinct).sort();
  if (column.type === "boolean") return Array.from(sorted, (v) => v === 1);
  return Array.from(sorted);
}
