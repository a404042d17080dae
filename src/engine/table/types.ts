/**
 * The engine's columnar form: one parse at upload, then every plan runs on these arrays.
 *
 * Numeric, boolean and datetime columns share one representation, a Float64Array with NaN for a missing
 * value (as pandas does), so every aggregate loops over a single typed array without branching on type:
 * integers and floats are their value, booleans are 0/1, datetimes are epoch milliseconds (UTC).
 * Strings are dictionary-encoded: `codes[i]` indexes `dictionary`, -1 marks a missing value.
 */
export type ColumnType = "integer" | "float" | "boolean" | "datetime" | "string";

export interface ValueColumn {
  readonly name: string;
  readonly type: "integer" | "float" | "boolean" | "datetime";
  readonly values: Float64Array;
}

export interface StringColumn {
  readonly name: string;
  readonly type: "string";
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
  /**
   * True when the dictionary's order is the values' order (bins made by cut/qcut, as a pandas ordered
   * Categorical): grouping and sorting follow it instead of code point order.
   */
  readonly ordered?: boolean;
}

export type Column = ValueColumn | StringColumn;

export interface Table {
  readonly rowCount: number;
  readonly columns: readonly Column[];
}
