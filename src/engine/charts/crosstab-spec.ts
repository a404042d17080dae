import { categoryAxis } from "./axis-encoding";
import { cellHeatmapSpec, darkAbove, type HeatmapCell } from "./cell-heatmap";
import { frameSpec, type ChartDraft, type ChartInput } from "./chart-context";
import { keyLabel } from "./result-data";

/** The crosstab fields a chart reads. */
interface Crosstab {
  row_labels: unknown[];
  column_labels: unknown[];
  values: Array<Array<number | null>>;
}

function cellsOf(output: ChartInput["output"]): HeatmapCell[] {
  const table = output.result as unknown as Crosstab;
  return table.row_labels.flatMap((row, i) =>
    table.column_labels.map((column, j) => ({ x: keyLabel(column), y: keyLabel(row), value: table.values[i][j], order: j, yOrder: i })),
  );
}

/**
 * Heatmap of a crosstab: its second column across, its first down (the table as pandas prints it), each cell
 * coloured by its count or share and labelled while there are few cells. Margins are not drawn (they would
 * dominate the scale).
 *
 * @example buildCrosstabHeatmapSpec({ plan: { operation: "crosstab", group_by: ["region", "segment"] }, output, operation, title })
 */
export function buildCrosstabHeatmapSpec({ plan, output, title }: ChartInput): ChartDraft {
  const cells = cellsOf(output);
  if (cells.length === 0) return { unavailable: "no row has both values" };
  const share = plan.normalize !== undefined && plan.normalize !== false;
  return cellHeatmapSpec({
    title,
    cells,
    xTitle: plan.group_by[1] ?? "",
    xCount: new Set(cells.map((c) => c.x)).size,
    yTitle: plan.group_by[0] ?? "",
    color: { field: "value", type: "quantitative", title: share ? "share" : "rows", scale: { scheme: "blues" } },
    nullable: true,
    label: { format: share ? ".1%" : ",d", darkTest: `datum.value > ${darkAbove(cells)}` },
  });
}

/**
 * Grouped bars of a crosstab: one band per value of its first column, one bar per value of the second inside
 * it, coloured by that value.
 *
 * @example buildCrosstabBarSpec({ plan: { operation: "crosstab", group_by: ["region", "segment"] }, output, operation, title })
 */
export function buildCrosstabBarSpec({ plan, output, title }: ChartInput): ChartDraft {
  const bars = cellsOf(output).flatMap((cell) => (cell.value === null ? [] : [{ x: cell.y, series: cell.x, y: cell.value, order: cell.yOrder, seriesOrder: cell.order }]));
  if (bars.length === 0) return { unavailable: "no row has both values" };
  const share = plan.normalize !== undefined && plan.normalize !== false;
  const encoding = {
    x: categoryAxis("x", plan.group_by[0] ?? "", new Set(bars.map((b) => b.x)).size),
    y: { field: "y", type: "quantitative", title: share ? "share" : "rows" },
    color: { field: "series", type: "nominal", title: plan.group_by[1] ?? "", sort: { field: "seriesOrder", op: "min" } },
    xOffset: { field: "series", type: "nominal", sort: { field: "seriesOrder", op: "min" } },
  };
  const spec = frameSpec(title, undefined, { bars });
  return { spec: { ...spec, data: { name: "bars" }, mark: { type: "bar", tooltip: false }, encoding } };
}
