import { EngineError } from "../errors";
import { encodeKeyColumn, type EncodedKey, type KeyValue } from "../ops/encode-key-column";
import type { Column } from "../table/types";
import { isMissingAt } from "./column-values";

/** The most cells (row labels × column labels, margins excluded) a crosstab may have. */
export const MAX_CROSSTAB_CELLS = 5000;

export interface CrosstabOptions {
  /** pandas `normalize`: false (counts), "all" (share of all), "index" (share of its row), "columns". */
  normalize?: false | "all" | "index" | "columns";
  /** pandas `margins`: add the "All" totals. Default false. */
  margins?: boolean;
}

export interface CrosstabResult {
  /** Distinct values of the first column (pandas' index), sorted as group keys are. */
  rowLabels: KeyValue[];
  /** Distinct values of the second column (pandas' columns), sorted. */
  columnLabels: KeyValue[];
  /** values[r][c]: rows with rowLabels[r] and columnLabels[c], a count or a proportion. */
  values: number[][];
  /** pandas' "All" column (one value per row); null without margins and when normalize is "index". */
  rowMargins: number[] | null;
  /** pandas' "All" row (one value per column); null without margins and when normalize is "columns". */
  columnMargins: number[] | null;
  /** The All/All cell; null unless both margins are present. */
  grandMargin: number | null;
}

/**
 * pandas `crosstab(a, b, normalize, margins)` over the selected rows: rows where either column is missing are
 * left out; labels are the values that remain, sorted (code point for strings, false before true, numbers and
 * instants ascending); cells count rows, 0 where a combination never occurs.
 *
 * normalize divides by the grand total ("all"), the row's total ("index") or the column's total ("columns").
 * With margins, pandas' rules for the "All" entries: counts get row totals, column totals and the grand total;
 * "all" divides the totals by the grand total (corner 1); "index" keeps only the All row, column totals over the
 * grand total; "columns" only the All column, row totals over the grand total. Without complete rows the table
 * is empty (margins: no entries, grand total 0 for counts, NaN when normalised).
 *
 * Throws EngineError `too_many_groups` past {@link MAX_CROSSTAB_CELLS} cells.
 *
 * @example crosstab(region, segment, rows, { margins: true }).grandMargin // rows with both present
 */
export function crosstab(a: Column, b: Column, rows: Uint32Array, options: CrosstabOptions = {}): CrosstabResult {
  const { normalize = false, margins = false } = options;
  const complete = rows.filter((row) => !isMissingAt(a, row) && !isMissingAt(b, row));
  const rowKey = encodeKeyColumn(a, complete, MAX_CROSSTAB_CELLS);
  const columnKey = encodeKeyColumn(b, complete, MAX_CROSSTAB_CELLS);
  if (rowKey === null || columnKey === null || rowKey.cardinality * columnKey.cardinality > MAX_CROSSTAB_CELLS) throw tooManyCells();
  const r = rowKey.cardinality;
  const c = columnKey.cardinality;
  const counts = new Float64Array(r * c);
  for (let i = 0; i < complete.length; i++) counts[rowKey.ranks[i] * c + columnKey.ranks[i]]++;
  const rowTotals = new Float64Array(r);
  const columnTotals = new Float64Array(c);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      rowTotals[i] += counts[i * c + j];
      columnTotals[j] += counts[i * c + j];
    }
  }
  const total = complete.length;
  const cell = (i: number, j: number): number => {
    const n = counts[i * c + j];
    if (normalize === "all") return n / total;
    if (normalize === "index") return n / rowTotals[i];
    if (normalize === "columns") return n / columnTotals[j];
    return n;
  };
  const values = Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => cell(i, j)));
  const result: CrosstabResult = {
    rowLabels: labels(rowKey),
    columnLabels: labels(columnKey),
    values,
    rowMargins: null,
    columnMargins: null,
    grandMargin: null,
  };
  if (!margins) return result;
  const share = normalize === false ? 1 : total;
  if (normalize !== "index") result.rowMargins = Array.from(rowTotals, (t) => t / share);
  if (normalize !== "columns") result.columnMargins = Array.from(columnTotals, (t) => t / share);
  if (normalize === false) result.grandMargin = total;
  else if (normalize === "all") result.grandMargin = total === 0 ? Number.NaN : 1;
  return result;
}

function labels(key: EncodedKey): KeyValue[] {
  return Array.from({ length: key.cardinality }, (_, rank) => key.keyOf(rank));
}

function tooManyCells(): EngineError {
  const message = `The crosstab would have more than ${MAX_CROSSTAB_CELLS.toLocaleString("en-US")} cells (distinct values of one column times the other's); filter the rows or choose columns with fewer distinct values.`;
  return new EngineError("too_many_groups", message, { problems: [{ path: "plan", code: "too_many_groups", message: `More than ${MAX_CROSSTAB_CELLS} cells.` }] });
}
