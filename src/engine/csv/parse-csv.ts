import { EngineError } from "../errors.js";
import type { Table } from "../table/types.js";
import { ColumnBuilder } from "./build-column.js";
import { checkCsvBytes } from "./check-encoding.js";
import { nameHeaders } from "./name-headers.js";
import { type CellSink, scanCells } from "./scan-cells.js";

/** Upload caps (SECURITY.md "Upload and parsing"): the parsed form must stay well under the 128 MB isolate. */
export interface CsvLimits {
  /** Data rows, header excluded; more -> `too_many_rows`. */
  maxRows: number;
  /** Header fields; more -> `too_many_columns`. */
  maxColumns: number;
  /** UTF-8 bytes of one cell's raw text; more -> `cell_too_large`. */
  maxCellBytes: number;
  /**
   * Rows x columns; more -> `too_many_cells`. Every cell becomes 8 bytes of Float64 (and again in the snapshot),
   * so 10 MB of bare commas would otherwise expand to ~80 MB twice inside a 128 MB isolate.
   */
  maxCells: number;
}

export const DEFAULT_CSV_LIMITS: Readonly<CsvLimits> = Object.freeze({
  maxRows: 1_000_000,
  maxColumns: 500,
  maxCellBytes: 65_536,
  maxCells: 4_000_000,
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
 *   `malformed_csv`, `ragged_row`, `too_many_rows`, `too_many_columns`, `too_many_cells` or `cell_too_large`, and
 *   `details.line` (1-based line in the file) where one applies.
 * @example
 * const table = parseCsv(new TextEncoder().encode("id,price\n1,2.5\n2,NA\n"));
 * table.rowCount; // 2
 * table.columns.map((c) => c.type); // ["integer", "float"]
 */
export function parseCsv(bytes: Uint8Array, limits: Partial<CsvLimits> = {}): Table {
  const from = checkCsvBytes(bytes);
  // cells stream from the scanner into one builder per column: no decoded text and no cell table is kept
  // (see scan-cells.ts), so the parse holds little more than the finished columns
  const allLimits = { ...DEFAULT_CSV_LIMITS, ...limits };
  let builders: ColumnBuilder[] = [];
  const rowCount = scanCells(bytes, from, allLimits, {
    header(bounds, capacity) {
      const columns = bounds.length / 2;
      // capacity counts the remaining lines, an upper bound of the rows, known before any column is allocated
      if (columns * capacity > allLimits.maxCells) {
        throw new EngineError(
          "too_many_cells",
          `The file has ${columns} columns and up to ${capacity} rows, more than the ${allLimits.maxCells.toLocaleString("en-US")} cells a dataset may hold.`,
        );
      }
      const names = nameHeaders(headerTexts(bytes, bounds));
      builders = names.map((name) => new ColumnBuilder(bytes, name, capacity));
    },
    cell(column, row, start, end) {
      builders[column].add(row, start, end);
    },
  });
  const rescan = builders.map((builder) => builder.needsRescan);
  if (rescan.includes(true)) {
    for (const builder of builders) if (builder.needsRescan) builder.restartAsStrings();
    // the same bytes scan the same way again, so this pass cannot throw
    const again: CellSink = {
      header() {},
      cell(column, row, start, end) {
        if (rescan[column]) builders[column].add(row, start, end);
      },
    };
    scanCells(bytes, from, allLimits, again);
  }
  return { rowCount, columns: builders.map((builder) => builder.finish(rowCount)) };
}

const utf8 = new TextDecoder();

function headerTexts(bytes: Uint8Array, bounds: Int32Array): string[] {
  const texts: string[] = [];
  for (let at = 0; at < bounds.length; at += 2) {
    const start = bounds[at];
    const end = bounds[at + 1];
    texts.push(start < 0 ? utf8.decode(bytes.subarray(~start, end)).replaceAll('""', '"') : utf8.decode(bytes.subarray(start, end)));
  }
  return texts;
}
