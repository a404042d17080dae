import type { Column } from "../table/types.js";
import { isMissingCell } from "./missing-values.js";
import { lastNumber, readBoolean, readDateTime, readNumber } from "./read-token.js";
import type { CellGrid } from "./scan-cells.js";

/**
 * One column of the cell grid -> a typed engine column, inferring the type in the same single pass that
 * converts the values.
 *
 * The first non-missing cell picks the family (number, boolean, datetime) because the three spellings are
 * disjoint: "2024" is a number, never a date, and "true" is never a number. Every later cell must read in that
 * family; integers widen to float on the first fraction/exponent (already-stored integers are valid floats),
 * and the first cell that fails and is not an NA token sends the whole column to "string" and stops typing.
 * NA tokens are only checked after a reader failed, so the common numeric cell never takes a substring.
 *
 * An all-missing column is "float" (all NaN), as pandas reads it as float64.
 */
const enum Family {
  Unknown,
  Number,
  Boolean,
  DateTime,
}

/**
 * Builds column `index` of `grid` under `name`.
 *
 * @example
 * const grid = scanCells("n\n1\nNA\n2.5\n", limits);
 * buildColumn(grid, 0, "n"); // { name: "n", type: "float", values: Float64Array [1, NaN, 2.5] }
 */
export function buildColumn(grid: CellGrid, index: number, name: string): Column {
  const { text, bounds, rowCount, columnCount } = grid;
  const stride = columnCount * 2;
  const values = new Float64Array(rowCount);
  let family = Family.Unknown;
  let isInteger = true;
  let at = stride + index * 2;

  for (let row = 0; row < rowCount; row++, at += stride) {
    const start = bounds[at];
    const end = bounds[at + 1];
    if (start === end) {
      values[row] = NaN;
      continue;
    }
    // doubled quotes mean the content has a quote: never a number, boolean, date or NA token
    if (start < 0) return buildStringColumn(grid, index, name);
    let value: number;
    switch (family) {
      case Family.Number:
        value = readNumber(text, start, end);
        if (value === value) {
          if (!lastNumber.isInteger) isInteger = false;
          values[row] = value;
          continue;
        }
        break;
      case Family.Boolean:
        value = readBoolean(text, start, end);
        if (value === value) {
          values[row] = value;
          continue;
        }
        break;
      case Family.DateTime:
        value = readDateTime(text, start, end);
        if (value === value) {
          values[row] = value;
          continue;
        }
        break;
      case Family.Unknown:
        if ((value = readNumber(text, start, end)) === value) {
          family = Family.Number;
          isInteger = lastNumber.isInteger;
        } else if ((value = readBoolean(text, start, end)) === value) family = Family.Boolean;
        else if ((value = readDateTime(text, start, end)) === value) family = Family.DateTime;
        else break;
        values[row] = value;
        continue;
    }
    if (!isMissingCell(text, start, end)) return buildStringColumn(grid, index, name);
    values[row] = NaN;
  }

  const type =
    family === Family.Boolean ? "boolean"
    : family === Family.DateTime ? "datetime"
    : family === Family.Number && isInteger ? "integer"
    : "float";
  return { name, type, values };
}

function buildStringColumn(grid: CellGrid, index: number, name: string): Column {
  const { text, bounds, rowCount, columnCount } = grid;
  const stride = columnCount * 2;
  const codes = new Int32Array(rowCount);
  const dictionary: string[] = [];
  const lookup = new Map<string, number>();
  let at = stride + index * 2;

  for (let row = 0; row < rowCount; row++, at += stride) {
    const start = bounds[at];
    const end = bounds[at + 1];
    let value: string;
    if (start < 0) {
      value = text.slice(~start, end).replaceAll('""', '"');
    } else if (isMissingCell(text, start, end)) {
      codes[row] = -1;
      continue;
    } else {
      value = text.slice(start, end);
    }
    let code = lookup.get(value);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(value);
      lookup.set(value, code);
    }
    codes[row] = code;
  }
  return { name, type: "string", codes, dictionary };
}

/**
 * The text of one header cell, unescaping doubled quotes.
 *
 * @example
 * readCellText(grid, 0, 1); // second header cell
 */
export function readCellText(grid: CellGrid, row: number, column: number): string {
  const at = (row * grid.columnCount + column) * 2;
  const start = grid.bounds[at];
  const end = grid.bounds[at + 1];
  return start < 0 ? grid.text.slice(~start, end).replaceAll('""', '"') : grid.text.slice(start, end);
}
