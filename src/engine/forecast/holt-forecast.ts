import { finite } from "../ops/aggregate-rows";
import { normalQuantile } from "../stats/normal-quantile";
import type { TimeSeries } from "./average-by-time";
import { fitHolt } from "./fit-holt";
import type { ForecastResult } from "./forecast-result";
import { formatForecastTime, futureTimes } from "./future-times";

/**
 * Holt forecast: ŷ_{n+h} = ℓₙ + h bₙ with parameters fitted by least squares (`fitHolt`). statsmodels'
 * Holt gives no interval, so the interval is the analytic one of the equivalent state-space model ETS(A,A,N)
 * (Hyndman et al., Forecasting with Exponential Smoothing, table 6.1), with normal errors:
 *
 *   Var(e_{n+h}) = σ² [1 + Σ_{j=1}^{h-1} (α (1 + β j))²],   σ² = SSE / n,   ŷ ± z_{1-α/2} sqrt(Var)
 *
 * (in ETS notation the trend smoothing is α·β, since statsmodels' β smooths the level change).
 *
 * @example holtForecast(series, true, 12, 0.95).fit.alpha
 */
export function holtForecast(series: TimeSeries, isDatetime: boolean, horizon: number, confidence: number): ForecastResult {
  const n = series.values.length;
  const fit = fitHolt(series.values);
  const sigma2 = fit.sse / n;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  let accumulated = 0;
  const points = Array.from(futureTimes(series.times, horizon, isDatetime), (time, index) => {
    const h = index + 1;
    if (h > 1) {
      const c = fit.alpha * (1 + fit.beta * (h - 1));
      accumulated += c * c;
    }
    const mean = fit.level + h * fit.trend;
    const half = z * Math.sqrt(sigma2 * (1 + accumulated));
    return { time: formatForecastTime(time, isDatetime), value: finite(mean), lower: finite(mean - half), upper: finite(mean + half) };
  });
  return {
    method: "holt",
    horizon,
    confidence,
    points,
    fit: {
      alpha: fit.alpha,
      beta: fit.beta,
      initial_level: finite(fit.level0),
      initial_trend: finite(fit.trend0),
      level: finite(fit.level),
      trend: finite(fit.trend),
      sse: finite(fit.sse),
      n,
    },
  };
}
