import { EngineError } from "../errors";
import { chiSquareSf } from "../stats/chi-square-sf";
import { pairwiseSum } from "../stats/pairwise-sum";
import type { TestResult } from "./test-result";

export interface ChiSquareContingencyResult extends TestResult {
  /** Degrees of freedom, (rows - 1)(columns - 1). */
  df: number;
  /** Expected frequencies under independence, rows × columns: row total · column total / N. */
  expected: number[][];
  /** Whether Yates' continuity correction was applied (2×2 tables, df = 1). */
  yatesCorrection: boolean;
}

/**
 * Pearson's chi-square test of independence in a contingency table, as
 * scipy.stats.chi2_contingency(observed, correction=True) (scipy 1.10):
 *
 *   Eᵢⱼ = Rᵢ Cⱼ / N,   χ² = Σ (Oᵢⱼ - Eᵢⱼ)² / Eᵢⱼ,   df = (r - 1)(c - 1),   p = P(χ²_df > χ²),
 *
 * with Yates' correction when df = 1 (a 2×2 table) exactly as scipy applies it: each Oᵢⱼ moves towards Eᵢⱼ
 * by min(½, |Eᵢⱼ - Oᵢⱼ|). A table with a single row or column (df = 0) gives χ² = 0, p = 1. As scipy, a
 * negative count, an empty table or a zero expected frequency (an all-zero row or column) is an error.
 * `observed` holds the counts row by row (`rows` × `columns`), built by the caller from the rows where both
 * variables are present (as a crosstab of the two columns drops missing values); `sizes` is [N].
 *
 * @example chiSquareContingency(new Float64Array([10, 20, 30, 40]), 2, 2).pValue // 0.5040358664525046
 */
export function chiSquareContingency(observed: Float64Array, rows: number, columns: number, correction = true): ChiSquareContingencyResult {
  const size = rows * columns;
  if (size === 0) throw new EngineError("insufficient_data", "The chi-square test of independence needs a non-empty table.");
  for (let i = 0; i < size; i++) {
    if (observed[i] < 0) throw new EngineError("invalid_input", "A contingency table cannot hold negative counts.");
  }
  const rowTotals = new Float64Array(rows);
  for (let r = 0; r < rows; r++) rowTotals[r] = pairwiseSum(observed, r * columns, columns);
  const columnTotals = new Float64Array(columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) columnTotals[c] += observed[r * columns + c];
  const total = pairwiseSum(observed, 0, size);
  const expected = new Float64Array(size);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const e = (rowTotals[r] * columnTotals[c]) / total;
      if (e === 0) {
        throw new EngineError(
          "insufficient_data",
          `The chi-square test of independence is undefined when a row or column has no observations (row ${r + 1}, column ${c + 1} expects 0).`,
        );
      }
      expected[r * columns + c] = e;
    }
  }
  const df = size - rows - columns + 1;
  const expectedRows = Array.from({ length: rows }, (_, r) => Array.from(expected.subarray(r * columns, (r + 1) * columns)));
  const yatesCorrection = df === 1 && correction;
  if (df === 0) return { statistic: 0, pValue: 1, df, expected: expectedRows, yatesCorrection, sizes: [total], warnings: [] };
  const terms = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let o = observed[i];
    if (yatesCorrection) {
      const diff = expected[i] - o;
      o += Math.min(0.5, Math.abs(diff)) * Math.sign(diff);
    }
    const d = o - expected[i];
    terms[i] = (d * d) / expected[i];
  }
  const statistic = pairwiseSum(terms, 0, size);
  return { statistic, pValue: chiSquareSf(statistic, df), df, expected: expectedRows, yatesCorrection, sizes: [total], warnings: [] };
}
