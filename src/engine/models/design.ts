/**
 * Types shared by the model kernels: how a table's columns become a design matrix (patsy's formula coding as
 * statsmodels' `smf.ols` / `smf.logit` apply it) and the matrix itself.
 */

/** A categorical level or a class label as pandas holds the cell: text, a number, or a boolean. */
export type Level = string | number | boolean;

export interface Predictor {
  /** A column of the table. */
  readonly column: string;
  /**
   * Code a numeric column as categorical (patsy `C(name)`, coefficients named `C(name)[T.level]`). String and
   * boolean columns are always categorical (patsy's rule for object and bool dtypes).
   */
  readonly categorical?: boolean;
}

/** What to model: `target ~ predictors` (patsy formula semantics), with or without an intercept. */
export interface ModelSpec {
  readonly target: string;
  readonly predictors: readonly Predictor[];
  readonly intercept: boolean;
}

export type DesignTerm =
  | { readonly kind: "numeric"; readonly column: string; readonly name: string }
  | {
      readonly kind: "categorical";
      readonly column: string;
      /** Sorted as patsy sorts them (Python's order: code points, numbers ascending, False < True). */
      readonly levels: readonly Level[];
      /** Every level has a column (first categorical term of a model without intercept); else levels[0] is the reference. */
      readonly full: boolean;
      readonly names: readonly string[];
      /** A numeric column coded by `C()`; its level names follow the pandas dtype (`4` for int64, `4.0` for float64). */
      readonly forced: boolean;
    };

export type TargetEncoding =
  | { readonly column: string; readonly kind: "numeric" }
  /** classes[1] is the positive class (scikit-learn's sorted `classes_`); y holds 1 for it, 0 for classes[0]. */
  | { readonly column: string; readonly kind: "binary"; readonly classes: readonly [Level, Level] };

/** Everything needed to code new rows exactly as the fitted rows were coded. */
export interface DesignEncoding {
  readonly intercept: boolean;
  /** In patsy's column order: categorical terms first (formula order), then numeric terms (formula order). */
  readonly terms: readonly DesignTerm[];
  /** Coefficient names, one per design column: `Intercept`, `weight`, `origin[T.japan]`, `C(cyl)[T.6]`. */
  readonly names: readonly string[];
  readonly target: TargetEncoding;
}

/** An n x p design matrix, column-major (column j is x[j*n .. (j+1)*n)), and its target. */
export interface Design {
  readonly encoding: DesignEncoding;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly p: number;
  /** The table rows the design's rows came from (complete cases, in the order given). */
  readonly rows: Uint32Array;
}

/**
 * Largest design the kernels build: n x p doubles must fit a Worker isolate (128 MB) beside the table, so
 * 8,000,000 cells (64 MB) is the cap; a larger design is refused with `design_too_large`.
 */
export const MAX_DESIGN_CELLS = 8_000_000;
