import type { Table } from "../table/types.js";
import { buildColumn, readCellText } from "./build-column.js";
import { decodeCsvText } from "./decode-text.js";
import { nameHeaders } from "./name-headers.js";
import { scanCells } from "./scan-cells.js";

/** Upload caps (SECURITY.md "Upload and parsing"): the parsed form must stay well under the 128 MB isolate. */
export interface CsvLimits {
  /** Data rows, header excluded; more -> `too_many_rows`. */
  maxRows: number;
  /** Header fields; more -> `too_many_columns`. */
  maxColumns: number;
  /** UTF-8 bytes of one cell's raw text; more -> `cell_too_large`. */
  maxCellBytes: number;
}

export const DEFAULT_CSV_LIMITS: Readonly<CsvLimits> = Object.freeze({
  maxRows: 1_000_000,
  maxColumns: 500,
  maxCellBytes: 65_536,
});

/**
 * Parses an uploaded CSV into the engine's columnar table: strict UTF-8 (BOM stripped), RFC 4180 quoting,
 * CRLF/LF/CR line ends, blank lines skipped, rectangular rows, pandas' NA tokens and type inference.
 *
 * Deliberate differences from `pandas.read_csv`: a row with a different number of fields than the header
 * is an error (`ragged_row`) rather than silently padded or shifted into the index; text after a closing
 * quote is an error (`malformed_csv`) rather than glued to the field; ISO 8601 columns become "datetime"
 * (pandas needs `parse_dates`); integers beyond 2^53 are stored as the nearest double.
 *
 * @throws EngineError with code `invalid_encoding`, `binary_content`, `empty_file`, `no_data_rows`,
 *   `malformed_csv`, `ragged_row`, `too_many_rows`, `too_many_columns` or `cell_too_large`, and
 *   `details.line` (1-based line in the file) where one applies.
 * @example
 * const table = parseCsv(new TextEncoder().encode("id,price\n1,2.5\n2,NA\n"));
 * table.rowCount; // 2
 * table.columns.map((c) => c.type); // ["integer", "float"]
 */
export function parseCsv(bytes: Uint8Array, limits: Partial<CsvLimits> = {}): Table {
  const text = decodeCsvText(bytes);
  const grid = scanCells(text, { ...DEFAULT_CSV_LIMITS, ...limits });
  const headerCells: string[] = [];
  for (let column = 0; column < grid.columnCount; column++) headerCells.push(readCellText(grid, 0, column));
  const names = nameHeaders(headerCells);
  const columns = names.map((name, index) => buildColumn(grid, index, name));
  return { rowCount: grid.rowCount, columns };
}
