import type { Grouping } from "../ops/group-rows";
import type { Column, ColumnType } from "../table/types";

/** The aggregation ops of a plan's `aggregations: [{op, column, as}]`. */
export type AggregateOpName =
  | "count"
  | "count_distinct"
  | "sum"
  | "mean"
  | "median"
  | "min"
  | "max"
  | "std"
  | "var"
  | "sem"
  | "quantile"
  | "skew"
  | "kurtosis"
  | "mode"
  | "first"
  | "last";

/** pandas' `interpolation` for quantiles between two order statistics. */
export type Interpolation = "linear" | "lower" | "higher" | "midpoint" | "nearest";

export const INTERPOLATIONS: readonly Interpolation[] = ["linear", "lower", "higher", "midpoint", "nearest"];

/** Parameters an op may read; each op lists the ones it reads in {@link AggregateOp.params}. */
export interface AggregateParams {
  /** Delta degrees of freedom of std, var and sem: divisor n - ddof. Default 1. */
  ddof?: number;
  /** Quantile in [0, 1]. Default 0.5. */
  q?: number;
  /** Default "linear". */
  interpolation?: Interpolation;
}

/**
 * One value as the API shows it: a number (NaN when undefined: the API turns it into null), a boolean for a
 * boolean column's min/max/first/last/mode, a string for strings, and an ISO 8601 string
 * (`2024-01-02T00:00:00.000Z`) for datetimes.
 */
export type ScalarValue = number | string | boolean;

/** An op's result: a scalar, or every mode for `mode` (empty when there is no value). */
export type AggregateValue = ScalarValue | ScalarValue[];

/**
 * One aggregation op: the column types it accepts and its two kernels, each reproducing its own pandas 1.5
 * path (`Series.<op>()` over the selected rows; `DataFrameGroupBy.<op>()` per group), missing values skipped.
 */
export interface AggregateOp {
  readonly name: AggregateOpName;
  /** Column types the op accepts; any other throws EngineError `incompatible_type`. */
  readonly accepts: readonly ColumnType[];
  /** Whether the op also runs without a column (`count` of rows). */
  readonly columnOptional: boolean;
  /** The parameters it reads. */
  readonly params: readonly (keyof AggregateParams)[];
  /** Whether the result is a list (`mode`) rather than a scalar. */
  readonly returnsList: boolean;
  /**
   * The kind of value it returns for a column of this type (null: no column): "integer" and "float" are both
   * JSON numbers, "integer" saying the value is always whole (a count, or an integer column's sum/min/max).
   */
  resultType(column: ColumnType | null): ColumnType;
  /** The op over the selected rows (`rows` in row order), pandas `Series.<op>()`. */
  ungrouped(column: Column | null, rows: Uint32Array, params: AggregateParams): AggregateValue;
  /** The op per group, one value per `grouping.keys` entry, pandas `DataFrameGroupBy.<op>()`. */
  grouped(column: Column | null, grouping: Grouping, params: AggregateParams): AggregateValue[];
}
