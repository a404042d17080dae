import { EngineError } from "../errors";
import { logNormalCdf } from "../stats/log-normal-cdf";
import { numpyMean } from "../stats/numpy-mean";
import { pairwiseSum } from "../stats/pairwise-sum";

export interface AndersonDarlingResult {
  /** A², the Anderson-Darling statistic. */
  statistic: number;
  /** Critical values of A² at the significance levels below (scipy 1.10 gives no p-value). */
  criticalValues: number[];
  /** Significance levels in percent: 15, 10, 5, 2.5, 1. */
  significanceLevels: number[];
  sizes: number[];
  warnings: string[];
}

const STEPHENS = [0.576, 0.656, 0.787, 0.918, 1.092];
const LEVELS = [15, 10, 5, 2.5, 1];

/**
 * Anderson-Darling test of normality with estimated mean and standard deviation, as
 * scipy.stats.anderson(x, "norm") (scipy 1.10): with wᵢ = (x₍ᵢ₎ - x̄)/s (s with ddof = 1),
 *
 *   A² = -n - Σᵢ ((2i - 1)/n) (ln Φ(wᵢ) + ln(1 - Φ(w₍ₙ₊₁₋ᵢ₎)))
 *
 * (the logarithms of the normal tails taken directly, so outliers do not turn A² infinite), and Stephens'
 * (1974) critical values 0.576, 0.656, 0.787, 0.918, 1.092 divided by 1 + 4/n - 25/n², rounded to three
 * decimals, at 15, 10, 5, 2.5 and 1 %. Reject normality at a level when A² exceeds its critical value.
 * Needs at least one value (scipy raises for none); one value, or all values equal, gives A² = NaN (no
 * standard deviation) with the critical values still computed, as scipy. The caller drops missing values.
 *
 * @example andersonDarlingNormal(new Float64Array([1, 2, 3, 4, 10]), 5).statistic // 0.4708149437523428
 */
export function andersonDarlingNormal(values: Float64Array, length: number): AndersonDarlingResult {
  const n = length;
  if (n === 0) throw new EngineError("insufficient_data", "The Anderson-Darling test needs at least one value; there are none.");
  const sorted = values.slice(0, n).sort();
  const mean = numpyMean(values, 0, n);
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    squares[i] = d * d;
  }
  const sd = Math.sqrt(pairwiseSum(squares, 0, n) / (n - 1));
  const logCdf = new Float64Array(n);
  const logSf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = (sorted[i] - mean) / sd;
    logCdf[i] = logNormalCdf(w);
    logSf[i] = logNormalCdf(-w);
  }
  const terms = squares;
  for (let i = 0; i < n; i++) terms[i] = ((2 * (i + 1) - 1.0) / n) * (logCdf[i] + logSf[n - 1 - i]);
  const statistic = -n - pairwiseSum(terms, 0, n);
  const divisor = 1.0 + 4.0 / n - 25.0 / n / n;
  const criticalValues = STEPHENS.map((a) => roundHalfEven((a / divisor) * 1000) / 1000);
  return { statistic, criticalValues, significanceLevels: [...LEVELS], sizes: [n], warnings: [] };
}

/** numpy's rint: round to the nearest integer, ties to even (as `np.around`). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
