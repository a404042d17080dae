import { EngineError } from "../errors";
import { chiSquareSf } from "../stats/chi-square-sf";
import { pairwiseSum } from "../stats/pairwise-sum";
import type { TestResult } from "./test-result";

export interface ChiSquareGoodnessOfFitResult extends TestResult {
  /** Degrees of freedom, k - 1 - ddof. */
  df: number;
  /** The expected counts used (uniform, given, or proportions scaled to the observed total). */
  expected: number[];
}

export interface ChiSquareGoodnessOfFitOptions {
  /** Expected counts, or proportions (see `expectedAre`); omitted: all categories equally likely. */
  expected?: Float64Array;
  /** "counts" (default): must total the observed count within 1e-8 relative, as scipy requires; "proportions": scaled by the observed total. */
  expectedAre?: "counts" | "proportions";
  /** Reduction of the degrees of freedom (parameters estimated from the data), default 0. */
  ddof?: number;
}

/**
 * Pearson's chi-square goodness-of-fit test of observed category counts, as
 * scipy.stats.chisquare(f_obs, f_exp, ddof) (scipy 1.10):
 *
 *   χ² = Σ (Oᵢ - Eᵢ)² / Eᵢ,   df = k - 1 - ddof,   p = P(χ²_df > χ²),
 *
 * Eᵢ the mean observed count when no expectation is given. Expected counts must total the observed total
 * within 1e-8 relative (scipy raises otherwise; proportions are scaled to it, and must then sum to 1 within
 * the same tolerance). df <= 0 gives p = NaN; a zero expected count gives χ² = ∞ (NaN with a zero
 * observed count), as numpy. `observed` holds the count of each category (rows with a missing value are
 * not counted: the caller counts present values only); `sizes` is [N].
 *
 * @example chiSquareGoodnessOfFit(new Float64Array([16, 18, 16, 14, 12, 12]), 6).pValue // 0.8491450360846097
 */
export function chiSquareGoodnessOfFit(
  observed: Float64Array,
  categories: number,
  options: ChiSquareGoodnessOfFitOptions = {},
): ChiSquareGoodnessOfFitResult {
  const k = categories;
  const total = pairwiseSum(observed, 0, k);
  const expected = new Float64Array(k);
  if (options.expected === undefined) {
    expected.fill(total / k);
  } else {
    const scale = options.expectedAre === "proportions" ? total : 1;
    for (let i = 0; i < k; i++) expected[i] = options.expected[i] * scale;
    const expectedTotal = pairwiseSum(expected, 0, k);
    const relative = Math.abs(total - expectedTotal) / Math.min(total, expectedTotal);
    if (relative > 1e-8) {
      const what = options.expectedAre === "proportions" ? "The expected proportions must sum to 1" : `The expected counts must total the observed count ${total}`;
      throw new EngineError("invalid_input", `${what} (relative difference ${relative.toExponential(2)}).`);
    }
  }
  const terms = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const d = observed[i] - expected[i];
    terms[i] = (d * d) / expected[i];
  }
  const statistic = pairwiseSum(terms, 0, k);
  const df = k - 1 - (options.ddof ?? 0);
  return { statistic, pValue: chiSquareSf(statistic, df), df, expected: Array.from(expected), sizes: [total], warnings: [] };
}
