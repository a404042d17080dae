import type { ModelChartData } from "../inference/model-result";
import { categoryAxis } from "./axis-encoding";
import { frameSpec, type ChartDraft, type ChartInput } from "./chart-context";
import { keyLabel } from "./result-data";

/**
 * The confusion matrix of a classifier as a heatmap: actual class down, predicted class across, each cell
 * coloured and labelled by its count, on the test rows of a split (the fitted rows without one).
 *
 * @example buildConfusionSpec({ plan: { operation: "logistic", target_column: "Survived", ... }, output, operation, title })
 */
export function buildConfusionSpec({ plan, output, title }: ChartInput): ChartDraft {
  const data = output.chartData as ModelChartData | undefined;
  if (data === undefined || data.kind !== "classification" || data.labels.length === 0) return { unavailable: "the model has no rows to draw" };
  const labels = data.labels.map(keyLabel);
  const cells = data.matrix.flatMap((row, i) => row.map((count, j) => ({ x: labels[j], y: labels[i], value: count, order: j, yOrder: i })));
  const top = Math.max(...cells.map((c) => c.value));
  const target = String(plan.target_column ?? "");
  const encoding = {
    x: categoryAxis("x", `predicted ${target}`, labels.length),
    y: { field: "y", type: "nominal", title: `actual ${target}`, sort: { field: "yOrder", op: "min" } },
  };
  const layer = [
    { mark: { type: "rect", tooltip: false }, encoding: { color: { field: "value", type: "quantitative", title: "rows", scale: { scheme: "blues" } } } },
    {
      mark: { type: "text", fontSize: 12 },
      encoding: { text: { field: "value", type: "quantitative", format: ",d" }, color: { condition: { test: `datum.value > ${0.6 * top}`, value: "white" }, value: "#222" } },
    },
  ];
  const total = cells.reduce((sum, c) => sum + c.value, 0);
  const spec = frameSpec(title, `${total} ${data.onTestRows ? "test" : "fitted"} rows`, { cells });
  return { spec: { ...spec, data: { name: "cells" }, encoding, layer } };
}
