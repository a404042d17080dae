import { EngineError } from "../errors.js";

/**
 * The CSV tokenizer: one pass over the decoded text that records where every cell starts and ends, without
 * creating a string per cell. Typing then reads numbers, booleans and dates straight from the text, so only
 * string columns ever allocate substrings.
 *
 * Why not uDSV (the issue's suggestion): on the 10 MB bench file (bench/datasets.ts) uDSV's `stringArrs` took
 * 96-241 ms (median ~160) to produce row arrays, this scanner 53-84 ms (median ~62) for the cell table, and
 * uDSV's rows would still need transposing and typing. It also cannot do what the upload contract needs. It takes one
 * row delimiter for the whole file (mixed CRLF/CR/LF files mis-split), silently pads short rows and glues the
 * fields of long rows into the last column (ragged rows become wrong data instead of an error), accepts an
 * unterminated quote by swallowing the rest of the file, reports no line numbers, and builds its typed
 * converters with `new Function`, which workerd forbids. Pre-normalising would cost a full extra copy of the
 * text and still leave the ragged/quote cases undetectable.
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

export interface CellGrid {
  readonly text: string;
  /** Number of fields in every record (the header's). */
  readonly columnCount: number;
  /** Data records, header excluded. */
  readonly rowCount: number;
  /**
   * Pairs [start, end) per cell in record-major order, header record first. A negative start `~s` marks a
   * quoted cell whose content holds doubled quotes to be unescaped.
   */
  readonly bounds: Int32Array;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * Splits CSV text into cell ranges, enforcing the row, column and cell limits and rectangular records.
 *
 * @throws EngineError `malformed_csv`, `ragged_row`, `too_many_rows`, `too_many_columns`, `cell_too_large`,
 *   `empty_file`, `no_data_rows`, each with the 1-based line in `details.line` where one applies.
 * @example
 * const grid = scanCells("a,b\n1,\"x,y\"\n", { maxRows: 10, maxColumns: 10, maxCellBytes: 100 });
 * grid.columnCount; // 2
 * grid.rowCount; // 1
 */
export function scanCells(text: string, limits: CsvScanLimits): CellGrid {
  const n = text.length;
  let bounds: Int32Array = new Int32Array(1 << 16);
  let sized = false;
  let used = 0;
  let pos = 0;
  let line = 1;
  let columnCount = -1;
  let rowCount = 0;
  let headerLine = 1;
  // cells whose UTF-16 length is at most a third of the byte limit cannot exceed it in UTF-8
  const cheapCellLimit = Math.floor(limits.maxCellBytes / 3);

  while (pos < n) {
    let c = text.charCodeAt(pos);
    if (c === SPACE || c === TAB || c === LF || c === CR) {
      let p = pos;
      while (p < n && ((c = text.charCodeAt(p)) === SPACE || c === TAB)) p++;
      if (p >= n) break;
      if (c === LF || c === CR) {
        pos = c === CR && text.charCodeAt(p + 1) === LF ? p + 2 : p + 1;
        line++;
        continue;
      }
    }

    const recordLine = line;
    const cap = columnCount < 0 ? Infinity : columnCount;
    let fields = 0;
    for (;;) {
      let start: number;
      let end: number;
      let escaped = false;
      if (pos < n && text.charCodeAt(pos) === QUOTE) {
        const openLine = line;
        let q = pos + 1;
        start = q;
        for (;;) {
          const close = text.indexOf('"', q);
          if (close === -1) {
            throw new EngineError(
              "malformed_csv",
              `Line ${openLine} has a quoted field that is never closed (missing closing double quote).`,
              { line: openLine },
            );
          }
          line += countLineBreaks(text, q, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            escaped = true;
            q = close + 2;
            continue;
          }
          end = close;
          pos = close + 1;
          break;
        }
        if (pos < n) {
          c = text.charCodeAt(pos);
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
          c = text.charCodeAt(pos);
          if (c === COMMA || c === LF || c === CR) break;
          pos++;
        }
        end = pos;
      }

      if (end - start > cheapCellLimit && utf8Length(text, start, end) > limits.maxCellBytes) {
        throw new EngineError(
          "cell_too_large",
          `Line ${recordLine}, field ${fields + 1} is larger than the ${limits.maxCellBytes}-byte limit for one cell.`,
          { line: recordLine },
        );
      }
      if (fields < cap) {
        if (used + 2 > bounds.length) bounds = growBounds(bounds);
        bounds[used++] = escaped ? ~start : start;
        bounds[used++] = end;
      }
      fields++;

      if (pos >= n) break;
      c = text.charCodeAt(pos++);
      if (c === COMMA) continue;
      if (c === CR && text.charCodeAt(pos) === LF) pos++;
      line++;
      break;
    }

    if (columnCount < 0) {
      if (fields > limits.maxColumns) {
        throw new EngineError(
          "too_many_columns",
          `The header on line ${recordLine} has ${fields} columns; at most ${limits.maxColumns} are allowed.`,
          { line: recordLine },
        );
      }
      columnCount = fields;
      headerLine = recordLine;
      if (!sized) {
        // size the cell table once from the line count: a doubling growth would hold old and new copies
        // (tens of MB for a 10 MB file) at the same time
        sized = true;
        const capacity = (countRecordsUpperBound(text, pos) + 1) * columnCount * 2 + used;
        if (capacity > bounds.length && capacity < 0x7fffffff) {
          const exact = new Int32Array(capacity);
          exact.set(bounds.subarray(0, used));
          bounds = exact;
        }
      }
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
  return { text, columnCount, rowCount, bounds: bounds.subarray(0, used) };
}

/** Records after `from` are at most the LF count (or the CR count for CR-only files) plus one. */
function countRecordsUpperBound(text: string, from: number): number {
  let lf = 0;
  for (let at = text.indexOf("\n", from); at !== -1; at = text.indexOf("\n", at + 1)) lf++;
  if (lf > 0 && text.indexOf("\r", from) === -1) return lf + 1;
  let cr = 0;
  for (let at = text.indexOf("\r", from); at !== -1; at = text.indexOf("\r", at + 1)) cr++;
  return Math.max(lf, cr) + 1;
}

function growBounds(bounds: Int32Array): Int32Array {
  const next = new Int32Array(bounds.length * 2);
  next.set(bounds);
  return next;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) breaks++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) breaks++;
  }
  return breaks;
}

function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // a surrogate pair is 2 code units and 4 bytes, so 2 per unit
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}
