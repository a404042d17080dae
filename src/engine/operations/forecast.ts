import { z } from "zod";
import { forecastBarSpec, buildForecastLineSpec, buildForecastScatterSpec } from "../charts/forecast-spec";
import { EngineError } from "../errors";
import { averageByTime } from "../forecast/average-by-time";
import { HOLT_EVALUATIONS } from "../forecast/fit-holt";
import { holtForecast } from "../forecast/holt-forecast";
import { linearForecast } from "../forecast/linear-forecast";
import { frameValueColumn } from "../frame/frame";
import { ConfidenceSchema } from "../plan/plan-fields";
import type { Plan } from "../plan/plan-schema";
import { neverDrawn, type OperationModule } from "./operation";
import { DATETIMES, examplePlan, NUMBERS } from "./example-plan";
import { requiredField } from "./required-field";

/** Fewer distinct times than this and a forecast is refused (a line through two points has no error estimate). */
export const MIN_FORECAST_POINTS = 3;

interface ForecastParams {
  horizon: number;
  forecast_method: "linear" | "holt";
  confidence: number;
}
const paramsOf = (plan: Plan): ForecastParams => ({
  horizon: (plan.horizon as number | undefined) ?? 12,
  forecast_method: (plan.forecast_method as ForecastParams["forecast_method"] | undefined) ?? "linear",
  confidence: (plan.confidence as number | undefined) ?? 0.95,
});

/**
 * Forecast of target_column over time_column: rows with a value at the same time are averaged; `linear` fits OLS
 * of the value on time and returns the next `horizon` steps at the median spacing with a prediction interval at
 * `confidence`; `holt` is Holt's additive-trend exponential smoothing with parameters fitted by least squares.
 * Fewer than 3 distinct times is `insufficient_data`.
 * Cost: a sort (n log₂ n) and 5 passes; Holt adds 3 × HOLT_EVALUATIONS passes over the averaged series, whose
 * length is known only after averaging (checked again then).
 * Charts: `line` (history and forecast over time), `scatter`, `bar` (one bar per period).
 */
export const forecast = {
  name: "forecast",
  rule: {
    required: ["target_column", "time_column"],
    optional: ["filters", "chart_type", "horizon", "forecast_method", "confidence"],
    columnTypes: { target_column: ["integer", "float"], time_column: ["datetime", "integer", "float"] },
    defaults: { horizon: 12, forecast_method: "linear", confidence: 0.95 },
  },
  params: {
    horizon: z.number().int().min(1).max(365).nullish().meta({ description: "Forecast periods ahead (default 12)." }),
    forecast_method: z.enum(["linear", "holt"]).nullish().meta({ description: "Forecast method (default linear)." }),
    confidence: ConfidenceSchema,
  },
  cost: (plan, c) => c.rows * (c.log2Rows + 5) + (paramsOf(plan).forecast_method === "holt" ? 3 * HOLT_EVALUATIONS * c.seriesLength : 0),
  execute(frame, plan, context) {
    const time = frameValueColumn(frame, requiredField(plan.time_column, "time_column"), "plan.time_column");
    const target = frameValueColumn(frame, requiredField(plan.target_column, "target_column"), "plan.target_column");
    const series = averageByTime(time, target, frame.rows);
    if (series.times.length < MIN_FORECAST_POINTS) {
      throw new EngineError(
        "insufficient_data",
        `A forecast needs values at ${MIN_FORECAST_POINTS} or more distinct times; the selected rows have ${series.times.length}.`,
      );
    }
    const { horizon, forecast_method: method, confidence } = paramsOf(plan);
    if (method === "holt") context.checkCost(series.times.length);
    const isDatetime = time.type === "datetime";
    const result = method === "holt"
      ? holtForecast(series, isDatetime, horizon, confidence)
      : linearForecast(series, isDatetime, horizon, confidence);
    return { result, grouping: null, series };
  },
  describe(plan) {
    const { horizon, forecast_method: method, confidence } = paramsOf(plan);
    const level = Math.round(confidence * 1000) / 10;
    return `Forecast of ${plan.target_column} over ${plan.time_column} (${method}, ${horizon} periods, ${level}% interval)`;
  },
  charts: {
    line: { fits: () => true, needs: "", build: buildForecastLineSpec },
    scatter: { fits: () => true, needs: "", build: buildForecastScatterSpec },
    bar: { fits: () => true, needs: "", build: forecastBarSpec },
    heatmap: neverDrawn("two categorical keys; a forecast is a series over time (use line)"),
    box: neverDrawn("a distribution; a forecast is a series over time (use line)"),
    histogram: neverDrawn("a distribution; a forecast is a series over time (use line)"),
  },
  example: (pick) => examplePlan({ operation: "forecast", target_column: pick(NUMBERS, "sales"), time_column: pick(DATETIMES, "date"), horizon: 6, chart_type: "line" }),
} as const satisfies OperationModule;
