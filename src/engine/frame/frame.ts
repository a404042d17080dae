import { EngineError } from "../errors";
import type { Column, Table, ValueColumn } from "../table/types";

/**
 * What a plan's pipeline works on: the uploaded table, the columns visible to later steps (the table's, later
 * also derived ones), and the selected rows in their current order. Every step maps a frame to a new frame and
 * never mutates the one it was given, so an operation and its chart see exactly the rows the result used.
 *
 * Columns are always indexed by the table's row number: a derived column is as long as the table, and `rows`
 * says which of its positions are in play and in which order. Column lookups go through a Map keyed by name,
 * so a column called `__proto__` or `constructor` is an ordinary name.
 */
export interface Frame {
  readonly table: Table;
  readonly columns: ReadonlyMap<string, Column>;
  /** Selected row indexes into every column, in the frame's order (ascending until a step reorders them). */
  readonly rows: Uint32Array;
}

/** Each table's rows in file order, made once: frames never write into their rows (steps make new arrays). */
const allRows = new WeakMap<Table, Uint32Array>();

/**
 * The frame every plan starts from: all of the table's columns and rows, in file order. The row array is built
 * once per table and shared (a fresh 1M-row array costs more in page faults than many an aggregation).
 *
 * @example initialFrame(table).rows.length === table.rowCount // true
 */
export function initialFrame(table: Table): Frame {
  return { table, columns: new Map(table.columns.map((column) => [column.name, column] as const)), rows: tableRowIndexes(table) };
}

/**
 * 0, 1, ..., rowCount - 1 for the table, built once and shared: read it, never write it. Its first `n` entries
 * (a `subarray`) are the identity over any frame's n positions, which evaluation and window layouts need.
 *
 * @example tableRowIndexes(table).subarray(0, 3) // Uint32Array [0, 1, 2]
 */
export function tableRowIndexes(table: Table): Uint32Array {
  let rows = allRows.get(table);
  if (rows === undefined || rows.length !== table.rowCount) {
    rows = new Uint32Array(table.rowCount);
    for (let i = 0; i < rows.length; i++) rows[i] = i;
    allRows.set(table, rows);
  }
  return rows;
}

/**
 * The column a plan names. Validation has already checked names and types, so a miss here means the plan was
 * executed without validation; it still fails with a precise, mappable error naming the plan path.
 *
 * @example frameColumn(frame, "price", "plan.target_column")
 */
export function frameColumn(frame: Frame, name: string, path: string): Column {
  const column = frame.columns.get(name);
  if (column !== undefined) return column;
  throw new EngineError("unknown_column", `Column "${name}" does not exist in this dataset.`, {
    problems: [{ path, code: "unknown_column", message: `Column "${name}" does not exist.` }],
  });
}

/** The column a numeric computation reads; string columns cannot be averaged, regressed or forecast. */
export function frameValueColumn(frame: Frame, name: string, path: string): ValueColumn {
  const column = frameColumn(frame, name, path);
  if (column.type === "string") {
    throw new EngineError("incompatible_type", `Column "${name}" holds text; this operation needs numbers.`, {
      problems: [{ path, code: "incompatible_type", message: `Column "${name}" is a string column.` }],
    });
  }
  return column;
}
