import type { ModelChartData } from "../inference/model-result";
import { cellHeatmapSpec } from "./cell-heatmap";
import type { ChartDraft, ChartInput } from "./chart-context";
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
  const target = String(plan.target_column ?? "");
  const total = cells.reduce((sum, c) => sum + c.value, 0);
  return cellHeatmapSpec({
    title,
    subtitle: `${total} ${data.onTestRows ? "test" : "fitted"} rows`,
    cells,
    xTitle: `predicted ${target}`,
    xCount: labels.length,
    yTitle: `actual ${target}`,
    color: { field: "value", type: "quantitative", title: "rows", scale: { scheme: "blues" } },
    nullable: false,
    label: { format: ",d", darkTest: `datum.value > ${0.6 * Math.max(...cells.map((c) => c.value))}`, fontSize: 12 },
  });
}
