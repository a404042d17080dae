import { EngineError } from "../errors";
import { collinearError } from "./collinear-error";
import { columnScaling, type ColumnScaling } from "./column-scaling";
import type { Design } from "./design";
import { resolveRank } from "./resolve-rank";
import { triangularFactor } from "./triangular-factor";

/**
 * A column is taken as dependent when the part of it outside the span of the columns before it is below this
 * fraction of its (centred) norm. Exactly collinear data leave ~1e-16 (rounding of the entered values); a
 * design that is independent only at 1e-10 has condition ~1e10, where no least-squares solver in double
 * precision returns more than ~6 correct digits, and statsmodels itself would be answering from rounding.
 */
export const COLLINEARITY_TOLERANCE = 1e-10;

export interface DesignFactor {
  /** The design's columns (views into `design.x`) followed by the extra columns. */
  columns: Float64Array[];
  scaling: ColumnScaling;
  /** Number of columns factored: p + extra. */
  q: number;
  /** The rank-resolved factor: `t` is q x q column-major, rows [0, p) x [0, p) upper triangular. */
  t: Float64Array;
  order: number[];
}

/**
 * Preconditions (`columnScaling`), factors (`triangularFactor`) and rank-checks (`resolveRank`) a design with
 * optional extra right-hand-side columns (y for OLS, a column of ones to test whether the design spans a
 * constant). Refuses a design the fits cannot estimate, naming the columns: `collinear_predictors` for a
 * categorical predictor with one level beside an intercept (patsy would silently code it with no column) and
 * for any column that is a linear combination of earlier ones (see `collinearError`).
 *
 * @example factorDesign(design, [design.y]).t
 */
export function factorDesign(design: Design, extra: readonly Float64Array[] = []): DesignFactor {
  const { n, p, x, encoding } = design;
  for (const term of encoding.terms) {
    if (term.kind === "categorical" && term.names.length === 0) {
      throw new EngineError(
        "collinear_predictors",
        `The predictors are perfectly collinear: "${term.column}" has the single level ${JSON.stringify(term.levels[0] ?? null)} in the ${n} rows used, so it duplicates the intercept. Remove it.`,
      );
    }
  }
  const columns: Float64Array[] = [];
  for (let j = 0; j < p; j++) columns.push(x.subarray(j * n, (j + 1) * n));
  columns.push(...extra);
  const scaling = columnScaling(columns, n, encoding.intercept);
  const q = columns.length;
  const r = triangularFactor(columns, n, scaling.shift, scaling.scale);
  const norms = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let sum = 0;
    for (let i = 0; i <= j; i++) sum += r[i + j * q] * r[i + j * q];
    norms[j] = Math.sqrt(sum);
  }
  const { order, dependencies, t } = resolveRank(r, q, p, norms, COLLINEARITY_TOLERANCE);
  if (dependencies.length > 0) throw collinearError(encoding.names, dependencies, scaling, encoding.intercept, n);
  return { columns, scaling, q, t, order };
}

/**
 * Whether the extra column `j` (≥ p) of a factor lies in the span of the design: its part outside the span,
 * ‖t[p.., j]‖, is within the collinearity tolerance of its norm. With a column of ones this is statsmodels'
 * implicit-constant test (`rank([1, X]) == rank(X)`), e.g. every level of a category coded without intercept.
 *
 * @example inSpan(factorDesign(design, [ones]), design.p, design.p)
 */
export function inSpan(factor: DesignFactor, p: number, j: number): boolean {
  const { t, q } = factor;
  let outside = 0;
  for (let i = p; i < q; i++) outside += t[i + j * q] * t[i + j * q];
  let norm = 0;
  for (let i = 0; i < q; i++) norm += t[i + j * q] * t[i + j * q];
  return Math.sqrt(outside) <= COLLINEARITY_TOLERANCE * Math.sqrt(norm);
}
