import type { ModelChartData } from "../inference/model-result";
import { frameSpec, typedData, type ChartDraft, type ChartInput } from "./chart-context";
import { formatCount } from "./result-data";
import { MAX_SCATTER_POINTS } from "./scatter-spec";
import { strideIndexes } from "./stride-sample";

/**
 * Predicted against actual values of a regression model: the test rows of a split (the fitted rows without
 * one), at most MAX_SCATTER_POINTS points evenly strided by row, with the line y = x on which perfect
 * predictions lie.
 *
 * @example buildPredictedActualSpec({ plan: { operation: "ols", target_column: "mpg", ... }, output, operation, title })
 */
export function buildPredictedActualSpec({ plan, output, title }: ChartInput): ChartDraft {
  const data = output.chartData as ModelChartData | undefined;
  if (data === undefined || data.kind !== "regression" || data.actual.length === 0) return { unavailable: "the model has no rows to draw" };
  const n = data.actual.length;
  const points = Array.from(strideIndexes(n, MAX_SCATTER_POINTS), (i) => ({ x: data.actual[i], y: data.predicted[i] }));
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, data.actual[i], data.predicted[i]);
    hi = Math.max(hi, data.actual[i], data.predicted[i]);
  }
  const diagonal = [{ x: lo, y: lo }, { x: hi, y: hi }];
  const rows = data.onTestRows ? "test rows" : "fitted rows";
  const subtitle = `${points.length < n ? `${formatCount(points.length)} of ${formatCount(n)}` : formatCount(n)} ${rows}; line: predicted = actual`;
  const target = String(plan.target_column ?? "");
  const x = { field: "x", type: "quantitative", title: `actual ${target}`, scale: { zero: false } };
  const y = { field: "y", type: "quantitative", title: `predicted ${target}`, scale: { zero: false } };
  const spec = frameSpec(title, subtitle, { points, fit: diagonal });
  return {
    spec: {
      ...spec,
      layer: [
        { data: typedData("points"), mark: { type: "circle", size: 16, opacity: 0.6, aria: false }, encoding: { x, y, color: { value: "#4c78a8" } } },
        { data: typedData("fit"), mark: { type: "line", strokeWidth: 1.5, strokeDash: [6, 4], aria: false }, encoding: { x, y, color: { value: "#555" } } },
      ],
    },
  };
}
