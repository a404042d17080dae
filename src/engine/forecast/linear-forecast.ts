import { linearRegression } from "../stats/linear-regression";
import { studentTQuantile } from "../stats/student-t-quantile";
import { finite } from "../ops/aggregate-rows";
import type { TimeSeries } from "./average-by-time";
import { formatForecastTime, futureTimes } from "./future-times";
import type { ForecastResult } from "./forecast-result";

const DAY_MS = 86_400_000;

/**
 * Linear-trend forecast: OLS of value on time (x = days since the first time for datetime series, the raw
 * time otherwise), extrapolated to the next `horizon` steps with a prediction interval for a new observation
 * (statsmodels `get_prediction(x0).summary_frame(alpha=1-confidence)` columns obs_ci_lower/upper):
 *
 *   ŷ₀ = a + b x₀,   ŷ₀ ± t_{1-α/2, n-2} · s · sqrt(1 + 1/n + (x₀ - x̄)² / Sxx)
 *
 * The t quantile is computed to full precision; scipy 1.10's `t.ppf` is off by up to ~3e-9 relative for some
 * degrees of freedom (checked against mpmath), so the golden fixtures use the exact quantile.
 *
 * @example linearForecast({ times, values }, false, 3, 0.95).points.length // 3
 */
export function linearForecast(series: TimeSeries, isDatetime: boolean, horizon: number, confidence: number): ForecastResult {
  const { times, values } = series;
  const n = times.length;
  const origin = times[0];
  const x = isDatetime ? times.map((t) => (t - origin) / DAY_MS) : times;
  const fit = linearRegression(x, values, n);
  const q = studentTQuantile(1 - (1 - confidence) / 2, n - 2);
  const points = Array.from(futureTimes(times, horizon, isDatetime), (time) => {
    const x0 = isDatetime ? (time - origin) / DAY_MS : time;
    const mean = fit.intercept + fit.slope * x0;
    const d = x0 - fit.xMean;
    const half = q * fit.residualStdError * Math.sqrt(1 + 1 / n + (d * d) / fit.sxx);
    return {
      time: formatForecastTime(time, isDatetime),
      value: finite(mean),
      lower: finite(mean - half),
      upper: finite(mean + half),
    };
  });
  return {
    method: "linear",
    horizon,
    confidence,
    points,
    fit: {
      slope: finite(fit.slope),
      intercept: finite(fit.intercept),
      r_squared: finite(fit.rSquared),
      n,
      residual_std_error: finite(fit.residualStdError),
    },
  };
}
