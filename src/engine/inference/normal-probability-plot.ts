import { normalQuantile } from "../stats/normal-quantile";
import { linearRegression } from "../stats/linear-regression";

export interface ProbabilityPlot {
  /** Theoretical quantiles of the standard normal, ascending (scipy's `osm`). */
  theoretical: Float64Array;
  /** The sorted sample (scipy's `osr`). */
  ordered: Float64Array;
  /** The least-squares line of `ordered` on `theoretical` (the Q-Q plot's reference line) and its r. */
  slope: number;
  intercept: number;
  r: number;
}

/**
 * The normal Q-Q plot of a sample as scipy.stats.probplot(x, dist="norm", fit=True) computes it (scipy 1.10):
 * Filliben's estimates of the uniform order statistic medians,
 *
 *   m_n = 0.5^(1/n),  m_1 = 1 - m_n,  m_i = (i - 0.3175) / (n + 0.365)  (1 < i < n),
 *
 * mapped through the normal quantile function (osm = Φ⁻¹(m)), the sorted values (osr), and the ordinary least
 * squares line osr ≈ intercept + slope · osm with its correlation r. Points near the line mean the values
 * look normal; the line's slope estimates the standard deviation and its intercept the mean.
 *
 * @example normalProbabilityPlot(new Float64Array([3.1, 2.4, 5.0, 4.2])).theoretical // [-0.9981..., -0.2912..., 0.2912..., 0.9981...]
 */
export function normalProbabilityPlot(values: Float64Array): ProbabilityPlot {
  const n = values.length;
  const ordered = values.slice().sort();
  const theoretical = new Float64Array(n);
  if (n > 0) {
    const last = 0.5 ** (1 / n);
    for (let i = 1; i < n - 1; i++) theoretical[i] = normalQuantile((i + 1 - 0.3175) / (n + 0.365));
    theoretical[n - 1] = normalQuantile(last);
    theoretical[0] = normalQuantile(1 - last);
  }
  const fit = linearRegression(theoretical, ordered, n);
  const r = Math.sign(fit.slope) * Math.sqrt(fit.rSquared);
  return { theoretical, ordered, slope: fit.slope, intercept: fit.intercept, r };
}
