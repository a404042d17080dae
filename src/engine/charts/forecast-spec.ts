import type { ExecutionOutput } from "../execute-plan";
import type { ForecastResult } from "../forecast/forecast-result";
import type { Plan } from "../plan/plan-schema";
import type { ColumnType } from "../table/types";
import { categoryAxis, continuousAxis } from "./axis-encoding";
import { frameSpec, typedData, type ChartDraft, type ChartInput } from "./chart-context";
import { keyLabel, timeValue } from "./result-data";
import { strideSample } from "./stride-sample";

/** History points drawn at most (a longer series is evenly strided; the subtitle says so). */
export const MAX_HISTORY_POINTS = 2000;

const HISTORY = "history";
const FORECAST = "forecast";

interface Series {
  history: Array<{ x: number; y: number; series: string }>;
  forecast: Array<{ x: number; y: number; lower: number | null; upper: number | null; series: string }>;
  interval: string;
  timeType: ColumnType | undefined;
  /** From the first history time to the last forecast time (picks the time-axis label format). */
  spanMs: number;
  subtitle: string | undefined;
}

/** The history the forecast was fitted on (the mean of the target per distinct time), next to the forecast points. */
function forecastSeries(plan: Plan, output: ExecutionOutput): Series {
  const result = output.result as ForecastResult;
  const time = plan.time_column === undefined ? undefined : output.frame.columns.get(plan.time_column);
  const history: Series["history"] = [];
  const fitted = output.series;
  if (fitted !== undefined) {
    for (let i = 0; i < fitted.times.length; i++) history.push({ x: fitted.times[i], y: fitted.values[i], series: HISTORY });
  }
  const forecast = result.points.flatMap((p) => (p.value === null ? [] : [{ x: timeValue(p.time), y: p.value, lower: p.lower, upper: p.upper, series: FORECAST }]));
  const shown = strideSample(history, MAX_HISTORY_POINTS);
  const subtitle = shown.length < history.length ? `history: ${shown.length} of ${history.length} times shown, evenly spaced` : undefined;
  // The last history point keeps the strided line ending where the forecast starts.
  if (shown.length > 0 && shown[shown.length - 1] !== history[history.length - 1]) shown.push(history[history.length - 1]);
  const first = shown[0]?.x ?? forecast[0]?.x ?? 0;
  const spanMs = (forecast[forecast.length - 1]?.x ?? first) - first;
  return { spanMs, history: shown, forecast, interval: `${Math.round(result.confidence * 1000) / 10}% interval`, timeType: time?.type, subtitle };
}

function legendColor(interval: string) {
  return {
    field: "series", type: "nominal", title: null, legend: { symbolType: "stroke", symbolStrokeWidth: 4 },
    scale: { domain: [HISTORY, FORECAST, interval], range: ["#4c78a8", "#e45756", "#f2b8b8"] },
  };
}

/**
 * Forecast as a line: the averaged history (solid), the forecast (dashed, starting at the last observed time)
 * and the prediction interval as a band, with a legend naming the three.
 *
 * @example buildForecastLineSpec({ plan, output, operation, title })
 */
export function buildForecastLineSpec({ plan, output, title }: ChartInput): ChartDraft {
  const s = forecastSeries(plan, output);
  if (s.forecast.length === 0) return { unavailable: "the forecast has no finite point" };
  const last = s.history[s.history.length - 1];
  const forecastLine = last === undefined ? s.forecast : [{ ...last, lower: null, upper: null, series: FORECAST }, ...s.forecast];
  const band = s.forecast.filter((p) => p.lower !== null && p.upper !== null).map((p) => ({ ...p, series: s.interval }));
  const x = continuousAxis("x", plan.time_column ?? "", s.timeType, s.spanMs);
  const y = { field: "y", type: "quantitative", title: plan.target_column, scale: { zero: false } };
  const spec = frameSpec(title, s.subtitle, { history: s.history, forecast: forecastLine, band });
  return {
    spec: {
      ...spec,
      encoding: { x, color: legendColor(s.interval) },
      layer: [
        { data: typedData("band"), mark: { type: "area", opacity: 0.6, aria: false }, encoding: { y: { ...y, field: "lower" }, y2: { field: "upper" } } },
        { data: typedData("history"), mark: { type: "line", strokeWidth: 1.5, aria: false }, encoding: { y } },
        { data: typedData("forecast"), mark: { type: "line", strokeDash: [6, 4], strokeWidth: 2, aria: false }, encoding: { y } },
      ],
    },
  };
}

/**
 * Forecast as points: the averaged history and the forecast as coloured dots, intervals as vertical rules.
 *
 * @example buildForecastScatterSpec({ plan, output, operation, title })
 */
export function buildForecastScatterSpec({ plan, output, title }: ChartInput): ChartDraft {
  const s = forecastSeries(plan, output);
  if (s.forecast.length === 0) return { unavailable: "the forecast has no finite point" };
  const x = continuousAxis("x", plan.time_column ?? "", s.timeType, s.spanMs);
  const y = { field: "y", type: "quantitative", title: plan.target_column, scale: { zero: false } };
  const spec = frameSpec(title, s.subtitle, { points: [...s.history, ...s.forecast] });
  return {
    spec: {
      ...spec,
      data: typedData("points"),
      encoding: { x, color: legendColor(s.interval) },
      layer: [
        { transform: [{ filter: { field: "series", equal: FORECAST } }], mark: { type: "rule", opacity: 0.5 }, encoding: { y: { ...y, field: "lower" }, y2: { field: "upper" } } },
        { mark: { type: "point", filled: true, size: 16 }, encoding: { y } },
      ],
    },
  };
}

/**
 * Forecast as bars: one bar per forecast period, its interval as an error rule (the history is not drawn: a bar
 * per observed time would drown the forecast).
 */
export function forecastBarSpec({ plan, output, title }: ChartInput): ChartDraft {
  const result = output.result as ForecastResult;
  const bars = result.points.flatMap((p, order) => (p.value === null ? [] : [{ x: keyLabel(p.time), y: p.value, lower: p.lower, upper: p.upper, order }]));
  if (bars.length === 0) return { unavailable: "the forecast has no finite point" };
  const interval = `${Math.round(result.confidence * 1000) / 10}% interval`;
  const spec = frameSpec(title, `bars: forecast values; rules: ${interval}`, { bars });
  const y = { field: "y", type: "quantitative", title: `forecast of ${plan.target_column}` };
  return {
    spec: {
      ...spec,
      data: { name: "bars" },
      encoding: { x: categoryAxis("x", plan.time_column ?? "", bars.length) },
      layer: [
        { mark: { type: "bar", color: "#e45756", opacity: 0.8 }, encoding: { y } },
        { mark: { type: "rule", color: "#333" }, encoding: { y: { ...y, field: "lower" }, y2: { field: "upper" } } },
      ],
    },
  };
}
