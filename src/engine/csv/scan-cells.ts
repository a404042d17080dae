import { EngineError } from "../errors.js";

/**
 * The CSV tokenizer: one pass over the UTF-8 bytes of the upload that hands every cell's [start, end) byte
 * range to a sink, without decoding the file to a string and without keeping a table of cell positions.
 * The sink (parse-csv.ts) types each cell as it arrives, so only string cells ever become strings.
 *
 * Why hand-written, over bytes, streaming. On the 10 MB bench file (bench/datasets.ts, `npm run bench`):
 * - uDSV (the design's first candidate) took 96-241 ms (median ~160) for row arrays alone, versus 53-84 ms (median
 *   ~62) for the earlier string-based version of this scanner including its cell table, and uDSV's rows would
 *   still need transposing and typing. It also cannot do what the upload contract needs: it takes one row
 *   delimiter for the whole file (mixed CRLF/CR/LF files mis-split), silently pads short rows and glues the
 *   fields of long rows into the last column (ragged rows become wrong data instead of an error), accepts an
 *   unterminated quote by swallowing the rest of the file, reports no line numbers, and builds its typed
 *   converters with `new Function`, which workerd forbids.
 * - Reading the bytes instead of a decoded string drops the 10 MB string, and streaming cells into the column
 *   builders drops the cell table (8 bytes a cell, 11.6 MB for the bench file). Timed interleaved on one
 *   (busy) machine, 15 runs each: string decode + string scan with cell table 5-50 + 52-292 ms (medians 14 +
 *   115), UTF-8 check + this byte scan 8-33 + 44-180 ms (medians 14 + 80). With the other changes of that
 *   round the upload's peak extra heap went from 97-114 MiB to 43-58 MiB as an upper bound (cold first run,
 *   mostly young garbage of unoptimised code) and 18.8 MiB live (table + snapshot).
 *   Cell boundaries are ASCII bytes (`,` `"` CR LF), which never occur inside a multi-byte UTF-8 sequence, so
 *   byte offsets split cells exactly where character offsets would.
 *
 * Grammar (RFC 4180 plus what pandas' C tokenizer accepts): fields split on `,`; a record ends at CRLF, LF or
 * a lone CR; a field that starts with `"` is quoted and may contain commas, line breaks and `""`; a quote later
 * in an unquoted field is a literal character (pandas does the same); lines that are empty or only spaces/tabs
 * are skipped (pandas `skip_blank_lines=True`).
 */
export interface CsvScanLimits {
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly maxCellBytes: number;
}

/** Receives the cells in file order. A negative start `~s` marks a quoted cell with doubled quotes inside. */
export interface CellSink {
  /** The header record: `bounds` holds [start, end) per header cell; `capacity` bounds the data rows. */
  header(bounds: Int32Array, capacity: number): void;
  /** One cell of data row `row` (0-based, header excluded), in column order. */
  cell(column: number, row: number, start: number, end: number): void;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * Splits the CSV bytes from `from` on, enforcing the row, column and cell limits and rectangular records.
 * Cells of a record are handed to the sink before the record's field count is checked, so after a throw the
 * sink holds a partial row; callers discard everything on error. Returns the number of data rows.
 *
 * @throws EngineError `malformed_csv`, `ragged_row`, `too_many_rows`, `too_many_columns`, `cell_too_large`,
 *   `empty_file`, `no_data_rows`, each with the 1-based line in `details.line` where one applies.
 * @example
 * const rows = scanCells(new TextEncoder().encode('a,b\n1,"x,y"\n'), 0, limits, sink); // 1
 */
export function scanCells(bytes: Uint8Array, from: number, limits: CsvScanLimits, sink: CellSink): number {
  const n = bytes.length;
  let header: Int32Array = new Int32Array(64);
  let pos = from;
  let line = 1;
  let columnCount = -1;
  let rowCount = 0;
  let headerLine = 1;

  while (pos < n) {
    let c = bytes[pos];
    if (c === SPACE || c === TAB || c === LF || c === CR) {
      let p = pos;
      while (p < n && ((c = bytes[p]) === SPACE || c === TAB)) p++;
      if (p >= n) break;
      if (c === LF || c === CR) {
        pos = c === CR && bytes[p + 1] === LF ? p + 2 : p + 1;
        line++;
        continue;
      }
    }

    const recordLine = line;
    const inHeader = columnCount < 0;
    let fields = 0;
    for (;;) {
      let start: number;
      let end: number;
      let escaped = false;
      if (pos < n && bytes[pos] === QUOTE) {
        const openLine = line;
        let q = pos + 1;
        start = q;
        for (;;) {
          const close = bytes.indexOf(QUOTE, q);
          if (close === -1) {
            throw new EngineError(
              "malformed_csv",
              `Line ${openLine} has a quoted field that is never closed (missing closing double quote).`,
              { line: openLine },
            );
          }
          line += countLineBreaks(bytes, q, close);
          if (bytes[close + 1] === QUOTE) {
            escaped = true;
            q = close + 2;
            continue;
          }
          end = close;
          pos = close + 1;
          break;
        }
        if (pos < n) {
          c = bytes[pos];
          if (c !== COMMA && c !== LF && c !== CR) {
            throw new EngineError(
              "malformed_csv",
              `Line ${line} has text after the closing quote of a quoted field; quote the whole field and double any quote inside it.`,
              { line },
            );
          }
        }
      } else {
        start = pos;
        while (pos < n) {
          c = bytes[pos];
          if (c === COMMA || c === LF || c === CR) break;
          pos++;
        }
        end = pos;
      }

      if (end - start > limits.maxCellBytes) {
        throw new EngineError(
          "cell_too_large",
          `Line ${recordLine}, field ${fields + 1} is larger than the ${limits.maxCellBytes}-byte limit for one cell.`,
          { line: recordLine },
        );
      }
      if (inHeader) {
        if (fields * 2 + 2 > header.length) header = grow(header);
        header[fields * 2] = escaped ? ~start : start;
        header[fields * 2 + 1] = end;
      } else if (fields < columnCount) {
        sink.cell(fields, rowCount, escaped ? ~start : start, end);
      }
      fields++;

      if (pos >= n) break;
      c = bytes[pos++];
      if (c === COMMA) continue;
      if (c === CR && bytes[pos] === LF) pos++;
      line++;
      break;
    }

    if (inHeader) {
      if (fields > limits.maxColumns) {
        throw new EngineError(
          "too_many_columns",
          `The header on line ${recordLine} has ${fields} columns; at most ${limits.maxColumns} are allowed.`,
          { line: recordLine },
        );
      }
      columnCount = fields;
      headerLine = recordLine;
      // sizing the columns once from the line count avoids growth copies (old + new array alive together);
      // one row more than the limit, because that row's cells arrive before the row-count check throws
      sink.header(header.subarray(0, fields * 2), Math.min(countRecordsUpperBound(bytes, pos), limits.maxRows + 1));
      continue;
    }
    if (fields !== columnCount) {
      throw new EngineError(
        "ragged_row",
        `Line ${recordLine} has ${fields} field${fields === 1 ? "" : "s"} but the header has ${columnCount}; every row must have as many fields as the header.`,
        { line: recordLine },
      );
    }
    if (++rowCount > limits.maxRows) {
      throw new EngineError(
        "too_many_rows",
        `The file has more than ${limits.maxRows} data rows (limit reached on line ${recordLine}).`,
        { line: recordLine },
      );
    }
  }

  if (columnCount < 0) throw new EngineError("empty_file", "The file is empty: it has no header and no data rows.", { line: 1 });
  if (rowCount === 0) {
    throw new EngineError("no_data_rows", `The file has a header (line ${headerLine}) but no data rows.`, {
      line: headerLine,
    });
  }
  return rowCount;
}

/**
 * Records after `from` are at most the line breaks (LF, CRLF or lone CR) before the last byte that is not a
 * line break, space or tab, plus one: a trailing newline (or blank lines) ends a record but starts none. LFs
 * are counted a 32-bit word at a time (SWAR zero-byte test on `word ^ 0x0a0a0a0a`): ~7 ms for the bench file,
 * against ~9-13 ms for an indexOf per line.
 */
function countRecordsUpperBound(file: Uint8Array, from: number): number {
  let end = file.length;
  while (end > from && (file[end - 1] === LF || file[end - 1] === CR || file[end - 1] === SPACE || file[end - 1] === TAB)) end--;
  const bytes = file.subarray(0, end);
  let breaks = 1;
  const head = Math.min(bytes.length, from + ((4 - ((bytes.byteOffset + from) & 3)) & 3));
  const words = wordsFrom(bytes, head);
  for (let w = 0; w < words.length; w++) {
    const x = words[w] ^ 0x0a0a0a0a;
    // high bit set exactly in the bytes of x that are zero (the LF bytes); the multiply sums the four flags
    const zero = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f);
    breaks += Math.imul((zero >>> 7) & 0x01010101, 0x01010101) >>> 24;
  }
  for (let i = from; i < head; i++) if (bytes[i] === LF) breaks++;
  for (let i = head + words.length * 4; i < bytes.length; i++) if (bytes[i] === LF) breaks++;
  for (let at = bytes.indexOf(CR, from); at !== -1; at = bytes.indexOf(CR, at + 1)) if (bytes[at + 1] !== LF) breaks++;
  return breaks;
}

/** The whole 32-bit words of `bytes` from the 4-aligned index `head` on. */
function wordsFrom(bytes: Uint8Array, head: number): Uint32Array {
  if (head >= bytes.length) return new Uint32Array(0);
  return new Uint32Array(bytes.buffer, bytes.byteOffset + head, (bytes.length - head) >> 2);
}

function grow(cells: Int32Array): Int32Array {
  const next = new Int32Array(cells.length * 2);
  next.set(cells);
  return next;
}

function countLineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c === LF) breaks++;
    else if (c === CR && bytes[i + 1] !== LF) breaks++;
  }
  return breaks;
}
