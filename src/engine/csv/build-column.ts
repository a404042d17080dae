import type { Column } from "../table/types.js";
import { isMissingCell } from "./missing-values.js";
import { lastNumber, readBoolean, readDateTime, readNumber } from "./read-token.js";
import { StringDictionary } from "./string-dictionary.js";

/**
 * Builds one typed engine column from its cells as the scanner streams them, inferring the type in the same
 * single pass that converts the values.
 *
 * The first non-missing cell picks the family (number, boolean, datetime) because the three spellings are
 * disjoint: "2024" is a number, never a date, and "true" is never a number. Every later cell must read in that
 * family; integers widen to float on the first fraction/exponent (already-stored integers are valid floats),
 * and the first cell that fails and is not an NA token makes the whole column "string". NA tokens are only
 * checked after a reader failed, so the common numeric cell is compared against nothing else.
 *
 * Demotion to string needs the earlier cells as text, and nothing keeps them (a cell table would cost 8 bytes
 * per cell). If every earlier cell was missing the column simply continues as strings; otherwise it stops
 * (`needsRescan`) and parse-csv.ts feeds it all its cells again from a second scan, which only files with a
 * typed-looking column that later turns out to be text pay for.
 *
 * An all-missing column is "float" (all NaN), as pandas reads it as float64.
 */
const enum Mode {
  Unknown,
  Number,
  Boolean,
  DateTime,
  String,
  Rescan,
}

/** Where the first typed cell of a column is read before the column's array exists. */
const first = new Float64Array(1);

export class ColumnBuilder {
  private mode = Mode.Unknown;
  private isInteger = true;
  private values: Float64Array | null = null;
  private codes: Int32Array | null = null;
  private dictionary: StringDictionary | null = null;

  /**
   * @param capacity an upper bound of the data rows (the arrays are sized once)
   * @example
   * const builder = new ColumnBuilder(bytes, "n", 3); // cells "1", "NA", "2.5" -> float [1, NaN, 2.5]
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly name: string,
    private readonly capacity: number,
  ) {}

  /** Whether the column turned out to be text after typed cells and must be fed again from row 0. */
  get needsRescan(): boolean {
    return this.mode === Mode.Rescan;
  }

  /** Restarts a `needsRescan` column as a string column; feed it every cell again. */
  restartAsStrings(): void {
    this.startStrings(0);
  }

  /** Cell `bytes[start, end)` of `row`; a negative start `~s` marks a quoted cell with doubled quotes. */
  add(row: number, start: number, end: number): void {
    const mode = this.mode;
    if (mode === Mode.String) {
      (this.codes as Int32Array)[row] = start === end ? -1 : (this.dictionary as StringDictionary).code(start, end);
      return;
    }
    if (mode === Mode.Rescan) return;
    const values = this.values;
    if (start === end) {
      if (values !== null) values[row] = NaN;
      return;
    }
    // doubled quotes mean the content has a quote: never a number, boolean, date or NA token
    if (start < 0) return this.demote(row, start, end);
    const bytes = this.bytes;
    switch (mode) {
      case Mode.Number:
        if (readNumber(bytes, start, end, values as Float64Array, row)) {
          if (!lastNumber.isInteger) this.isInteger = false;
          return;
        }
        break;
      case Mode.Boolean:
        if (readBoolean(bytes, start, end, values as Float64Array, row)) return;
        break;
      case Mode.DateTime:
        if (readDateTime(bytes, start, end, values as Float64Array, row)) return;
        break;
      case Mode.Unknown: {
        let family: Mode;
        if (readNumber(bytes, start, end, first, 0)) {
          family = Mode.Number;
          this.isInteger = lastNumber.isInteger;
        } else if (readBoolean(bytes, start, end, first, 0)) family = Mode.Boolean;
        else if (readDateTime(bytes, start, end, first, 0)) family = Mode.DateTime;
        else break;
        // every earlier cell was missing
        const fresh = new Float64Array(this.capacity);
        fresh.fill(NaN, 0, row);
        fresh[row] = first[0];
        this.values = fresh;
        this.mode = family;
        return;
      }
    }
    if (!isMissingCell(bytes, start, end)) return this.demote(row, start, end);
    if (values !== null) values[row] = NaN;
  }

  /** The finished column over the first `rowCount` rows. */
  finish(rowCount: number): Column {
    const { name, mode } = this;
    if (mode === Mode.String) {
      const codes = fit(this.codes as Int32Array, rowCount);
      return { name, type: "string", codes, dictionary: (this.dictionary as StringDictionary).values() };
    }
    if (mode === Mode.Rescan) throw new Error(`column ${name} was not rescanned`);
    const values = mode === Mode.Unknown ? new Float64Array(rowCount).fill(NaN) : fit(this.values as Float64Array, rowCount);
    const type =
      mode === Mode.Boolean ? "boolean"
      : mode === Mode.DateTime ? "datetime"
      : mode === Mode.Number && this.isInteger ? "integer"
      : "float";
    return { name, type, values };
  }

  private demote(row: number, start: number, end: number): void {
    this.values = null;
    if (this.mode !== Mode.Unknown) {
      this.mode = Mode.Rescan;
      return;
    }
    // every earlier cell was missing, so they are all -1 and the dictionary starts with this cell
    this.startStrings(row);
    this.add(row, start, end);
  }

  private startStrings(missingRows: number): void {
    this.mode = Mode.String;
    this.codes = new Int32Array(this.capacity);
    this.codes.fill(-1, 0, missingRows);
    this.dictionary = new StringDictionary(this.bytes);
  }
}

/** The first `rowCount` entries: a view when the spare capacity is small, else a right-sized copy. */
function fit<T extends Float64Array | Int32Array>(array: T, rowCount: number): T {
  if (array.length === rowCount) return array;
  return (array.length - rowCount <= rowCount >> 4 ? array.subarray(0, rowCount) : array.slice(0, rowCount)) as T;
}
