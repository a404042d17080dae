import { EngineError } from "../errors";
import { kolmogorovSmirnovSf } from "../stats/kolmogorov-smirnov-sf";
import { normalCdf } from "../stats/normal-sf";
import { numpyMean } from "../stats/numpy-mean";
import { pairwiseSum } from "../stats/pairwise-sum";
import { smirnovSf } from "../stats/smirnov-sf";
import type { Alternative, TestResult } from "./test-result";

export interface KolmogorovSmirnovNormalResult extends TestResult {
  /** The fitted normal: maximum-likelihood mean and standard deviation (ddof = 0), as `norm.fit`. */
  mean: number;
  standardDeviation: number;
}

/**
 * One-sample Kolmogorov-Smirnov test against a normal distribution fitted to the same values, as
 * `scipy.stats.kstest(x, "norm", args=scipy.stats.norm.fit(x), alternative=…)` (scipy 1.10, method "auto"):
 * μ = x̄, σ = √((1/n) Σ (xᵢ - x̄)²), F(x) = Φ((x - μ)/σ), and over the sorted values
 *
 *   D⁺ = maxᵢ (i/n - F(x₍ᵢ₎)),   D⁻ = maxᵢ (F(x₍ᵢ₎) - (i-1)/n),   D = max(D⁺, D⁻),
 *
 * the statistic being D (two-sided), D⁺ ("greater") or D⁻ ("less"); p-values from the exact distributions
 * scipy uses: kolmogorovSmirnovSf(n, D) two-sided ("auto" always selects "exact"), smirnovSf(n, D±) one-sided.
 * Note that estimating μ and σ from the data makes these p-values conservative (that is the Lilliefors
 * problem); they are scipy's. Needs at least one value (scipy raises for none); one value or all values equal
 * gives NaN (σ = 0). The caller drops missing values.
 *
 * @example kolmogorovSmirnovNormal(new Float64Array([1, 2, 3, 4, 10]), 5).statistic // 0.30000000000000004
 */
export function kolmogorovSmirnovNormal(
  values: Float64Array,
  length: number,
  alternative: Alternative = "two-sided",
): KolmogorovSmirnovNormalResult {
  const n = length;
  if (n === 0) throw new EngineError("insufficient_data", "The Kolmogorov-Smirnov test needs at least one value; there are none.");
  const mean = numpyMean(values, 0, n);
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    squares[i] = d * d;
  }
  const sd = Math.sqrt(pairwiseSum(squares, 0, n) / n);
  if (!(sd > 0)) {
    // scipy's normal cdf is NaN for a zero scale, and so are D and p.
    return { statistic: Number.NaN, pValue: Number.NaN, sizes: [n], warnings: [], mean, standardDeviation: sd };
  }
  const sorted = values.slice(0, n).sort();
  let dPlus = Number.NEGATIVE_INFINITY;
  let dMinus = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const cdf = normalCdf((sorted[i] - mean) / sd);
    dPlus = Math.max(dPlus, (i + 1) / n - cdf);
    dMinus = Math.max(dMinus, cdf - i / n);
  }
  let statistic: number;
  let pValue: number;
  if (alternative === "greater") {
    statistic = dPlus;
    pValue = oneSidedSf(n, dPlus);
  } else if (alternative === "less") {
    statistic = dMinus;
    pValue = oneSidedSf(n, dMinus);
  } else {
    statistic = dPlus > dMinus ? dPlus : dMinus;
    pValue = kolmogorovSmirnovSf(n, statistic);
  }
  return { statistic, pValue, sizes: [n], warnings: [], mean, standardDeviation: sd };
}

/** `ksone.sf(d, n)`: 1 at or below the support's lower end 0, 0 at or above 1. */
function oneSidedSf(n: number, d: number): number {
  if (Number.isNaN(d)) return Number.NaN;
  if (d <= 0) return 1;
  if (d >= 1) return 0;
  return smirnovSf(n, d);
}
