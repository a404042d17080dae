import type { Column } from "../table/types";
import type { Level } from "./design";

/**
 * A function giving, for a table row, the index of its value in `levels`, or -1 when the value is not one of
 * them (the caller has already dropped missing values). String columns go through a code -> index table built
 * once from the dictionary, so coding a row is one array read.
 *
 * @example levelCoder(originColumn, ["europe", "japan", "usa"])(row) // 1 for a "japan" row
 */
export function levelCoder(column: Column, levels: readonly Level[]): (row: number) => number {
  if (column.type === "string") {
    const position = new Map<string, number>();
    levels.forEach((level, index) => position.set(String(level), index));
    const byCode = new Int32Array(column.dictionary.length);
    for (let code = 0; code < byCode.length; code++) byCode[code] = position.get(column.dictionary[code]) ?? -1;
    const codes = column.codes;
    return (row) => byCode[codes[row]];
  }
  const position = new Map<number, number>();
  levels.forEach((level, index) => position.set(typeof level === "boolean" ? (level ? 1 : 0) : Number(level), index));
  const values = column.values;
  return (row) => {
    const v = values[row];
    return position.get(v === 0 ? 0 : v) ?? -1;
  };
}
