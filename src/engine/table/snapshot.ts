/**
 * The stored form of a parsed table: one Arrow IPC stream, written once at upload and read by every plan, so
 * a plan never re-parses the CSV.
 *
 * Format (Arrow IPC stream, one record batch, no compression; see README.md beside this file):
 * - schema metadata `wake.format` = "1" and `wake.row_count` = the row count as a decimal string;
 * - one field per column, in table order, named exactly as the column (duplicates already renamed by the
 *   parser; `__proto__` is just a name: Arrow stores names as a list, never as object keys);
 * - field metadata `wake.type` = the engine ColumnType, so decode restores `type` exactly;
 * - integer/float/boolean/datetime columns: Float64, NaN kept in the data for missing values *and* a validity
 *   bitmap, so other Arrow readers see nulls while decode can hand back the buffer itself (datetimes are epoch
 *   ms in Float64 rather than Arrow timestamp[ms] because timestamps are int64: NaN has no int64 form and the
 *   engine would need a converted copy on every read);
 * - string columns: dictionary<int32, utf8> holding the engine's own dictionary and codes; missing values are
 *   null in the bitmap and keep code -1 in the index buffer (Arrow leaves null slots' values undefined).
 *
 * Decode is zero-copy for values and codes: the returned typed arrays are views into `bytes` (copied once
 * only if `bytes` is not 8-byte aligned). Only the dictionary strings are materialised, with one TextDecoder
 * call for the whole utf8 buffer and a slice per entry.
 */
import { Batch, Column as ArrowColumn, Table as ArrowTable, dictionary, field, float64, int32, tableFromIPC, tableToIPC, utf8 } from "@uwdata/flechette";
import { EngineError } from "../errors.js";
import type { Column, ColumnType, Table } from "./types.js";

const TYPE_KEY = "wake.type";
const COLUMN_TYPES: ReadonlySet<string> = new Set(["integer", "float", "boolean", "datetime", "string"]);
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/**
 * Encodes a table as an Arrow IPC stream (format above).
 *
 * @example
 * const bytes = encodeSnapshot(parseCsv(csvBytes));
 * decodeSnapshot(bytes).columns.map((c) => c.name); // same names, order and types
 */
export function encodeSnapshot(table: Table): Uint8Array {
  const fields = [];
  const columns = [];
  for (const column of table.columns) {
    const metadata = new Map([[TYPE_KEY, column.type]]);
    const arrow = column.type === "string"
      ? encodeStringColumn(column.codes, column.dictionary)
      : encodeValueColumn(column.values);
    fields.push(field(column.name, arrow.type, true, metadata));
    columns.push(arrow);
  }
  const schema = {
    version: 5,
    endianness: 0,
    fields,
    metadata: new Map([["wake.format", "1"], ["wake.row_count", String(table.rowCount)]]),
  };
  // flechette's public builders (columnFromArray) re-encode values; building batches from the existing
  // typed arrays keeps encode a copy-free hand-off of the engine buffers.
  const arrowTable = new ArrowTable(schema as never, columns);
  return tableToIPC(arrowTable, { format: "stream" }) as Uint8Array;
}

function encodeValueColumn(values: Float64Array): ArrowColumn<unknown> {
  const { validity, nullCount } = buildValidity(values);
  return new ArrowColumn([new Batch({ length: values.length, nullCount, type: float64(), validity, values })]);
}

function encodeStringColumn(codes: Int32Array, entries: readonly string[]): ArrowColumn<unknown> {
  const { validity, nullCount } = buildValidity(codes);
  // flechette pairs a dictionary with its field by the identity of the value type object, so share it
  const valueType = utf8();
  const dictionaryType = dictionary(valueType, int32());
  const batch = new Batch({ length: codes.length, nullCount, type: dictionaryType, validity, values: codes });
  (batch as unknown as { dictionary: ArrowColumn<unknown> }).dictionary = encodeUtf8Column(entries, valueType);
  return new ArrowColumn([batch]);
}

function encodeUtf8Column(entries: readonly string[], type: ReturnType<typeof utf8>): ArrowColumn<unknown> {
  const offsets = new Int32Array(entries.length + 1);
  const joined = entries.join("");
  let bytes = utf8Encoder.encode(joined);
  const ascii = bytes.length === joined.length;
  // one encode of the joined text; each entry's byte length follows from its code units, so a non-ASCII
  // dictionary needs no encode call per entry either
  for (let i = 0; i < entries.length; i++) offsets[i + 1] = offsets[i] + (ascii ? entries[i].length : utf8Length(entries[i]));
  if (offsets[entries.length] !== bytes.length) {
    // a lone high surrogate ending one entry paired with a low one starting the next: encode one by one
    const parts = entries.map((entry) => utf8Encoder.encode(entry));
    for (let i = 0; i < parts.length; i++) offsets[i + 1] = offsets[i] + parts[i].length;
    bytes = new Uint8Array(offsets[entries.length]);
    for (let i = 0; i < parts.length; i++) bytes.set(parts[i], offsets[i]);
  }
  const batch = new Batch({
    length: entries.length,
    nullCount: 0,
    type,
    validity: new Uint8Array(0),
    offsets,
    values: bytes,
  });
  return new ArrowColumn([batch]);
}

/** UTF-8 bytes TextEncoder writes for `text`: a surrogate pair is 4, a lone surrogate becomes U+FFFD (3). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The Arrow validity bitmap: NaN values and -1 codes are null. A byte is assembled in a register and stored
 * once per 8 rows: with a callback and a read-modify-write per row, encode of the bench file took ~20-34 ms
 * (median, busy machine), now ~6-14 ms.
 */
function buildValidity(data: Float64Array | Int32Array): { validity: Uint8Array; nullCount: number } {
  const length = data.length;
  const validity = new Uint8Array((length + 7) >> 3);
  const isCodes = data instanceof Int32Array;
  let nullCount = 0;
  for (let base = 0; base < length; base += 8) {
    const end = Math.min(base + 8, length);
    let byte = 0;
    for (let i = base; i < end; i++) {
      const x = data[i];
      if (isCodes ? x >= 0 : x === x) byte |= 1 << (i - base);
      else nullCount++;
    }
    validity[base >> 3] = byte;
  }
  // an all-valid column needs no bitmap (Arrow allows omitting it)
  return nullCount === 0 ? { validity: new Uint8Array(0), nullCount } : { validity, nullCount };
}

/**
 * Decodes a snapshot written by {@link encodeSnapshot}. Value and code arrays are views into `bytes`.
 *
 * @throws EngineError `invalid_snapshot` when the bytes are not a snapshot of this format.
 * @example
 * const table = decodeSnapshot(await object.bytes());
 */
export function decodeSnapshot(bytes: Uint8Array): Table {
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  let arrow: ArrowTable;
  const cache = ArrowColumn.prototype.cache;
  // flechette's DictionaryBatch eagerly runs `dictionary.cache()`, one TextDecoder call per entry: 24-74 ms
  // for a 116k-entry dictionary (bench/upload.ts). decodeUtf8Entries below reads the same buffers with one
  // call, so the cache is stubbed for the duration of this synchronous call (nothing else can run meanwhile)
  // and never read: the Arrow table is dropped once the buffers are taken out.
  ArrowColumn.prototype.cache = skippedCache;
  try {
    arrow = tableFromIPC(aligned);
  } catch (error) {
    throw invalidSnapshot(`it is not readable Arrow IPC (${(error as Error).message})`);
  } finally {
    ArrowColumn.prototype.cache = cache;
  }
  const { fields, metadata } = arrow.schema;
  if (metadata?.get("wake.format") !== "1") throw invalidSnapshot("the format marker is missing");
  const rowCount = Number(metadata.get("wake.row_count"));
  const columns: Column[] = fields.map((arrowField, index) => {
    const type = arrowField.metadata?.get(TYPE_KEY);
    if (type === undefined || !COLUMN_TYPES.has(type)) throw invalidSnapshot(`field ${index + 1} has no engine type`);
    const batches = arrow.children[index].data;
    if (type === "string") {
      const codes = joinBatches(batches.map((b) => b.values as Int32Array), Int32Array, rowCount);
      const dictionaryBatch = (batches[0] as unknown as { dictionary: ArrowColumn<string> }).dictionary.data[0];
      return { name: arrowField.name, type, codes, dictionary: decodeUtf8Entries(dictionaryBatch) };
    }
    const values = joinBatches(batches.map((b) => b.values as Float64Array), Float64Array, rowCount);
    return { name: arrowField.name, type: type as Exclude<ColumnType, "string">, values };
  });
  return { rowCount, columns };
}

function joinBatches<T extends Float64Array | Int32Array>(parts: T[], Type: { new (n: number): T }, rowCount: number): T {
  if (parts.length === 1 && parts[0].length === rowCount) return parts[0];
  if (parts.reduce((n, p) => n + p.length, 0) !== rowCount) throw invalidSnapshot("a column length differs from the row count");
  const joined = new Type(rowCount);
  let at = 0;
  for (const part of parts) {
    joined.set(part as never, at);
    at += part.length;
  }
  return joined;
}

function skippedCache(): never[] {
  return [];
}

function decodeUtf8Entries(batch: Batch<string> | undefined): string[] {
  if (batch === undefined || batch.length === 0) return [];
  const offsets = batch.offsets as Int32Array;
  const bytes = batch.values as Uint8Array;
  const entries = new Array<string>(batch.length);
  const base = offsets[0];
  const whole = utf8Decoder.decode(bytes.subarray(base, offsets[batch.length]));
  const ascii = whole.length === offsets[batch.length] - base;
  // byte offsets -> UTF-16 offsets in `whole`: a UTF-8 lead byte starts one code unit, a 4-byte one
  // (>= 0xf0) a surrogate pair; for ASCII they are equal
  let unit = 0;
  for (let i = 0; i < batch.length; i++) {
    const from = unit;
    if (ascii) unit = offsets[i + 1] - base;
    else for (let k = offsets[i]; k < offsets[i + 1]; k++) if ((bytes[k] & 0xc0) !== 0x80) unit += bytes[k] >= 0xf0 ? 2 : 1;
    entries[i] = whole.slice(from, unit);
  }
  return entries;
}

function invalidSnapshot(reason: string): EngineError {
  return new EngineError("invalid_snapshot", `The stored dataset snapshot is unreadable: ${reason}.`);
}
