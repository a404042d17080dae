import { categoryAxis } from "./axis-encoding";
import { frameSpec, type ChartDraft, type ChartInput } from "./chart-context";
import { keyLabel } from "./result-data";

/** The crosstab fields a chart reads. */
interface Crosstab {
  row_labels: unknown[];
  column_labels: unknown[];
  values: Array<Array<number | null>>;
}

const MAX_LABELLED_CELLS = 150;

function cellsOf(output: ChartInput["output"]): Array<{ x: string; y: string; value: number | null; order: number; yOrder: number }> {
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
  const encoding = {
    x: categoryAxis("x", plan.group_by[1] ?? "", new Set(cells.map((c) => c.x)).size),
    y: { field: "y", type: "nominal", title: plan.group_by[0] ?? "", sort: { field: "yOrder", op: "min" } },
  };
  const color = { field: "value", type: "quantitative", title: share ? "share" : "rows", scale: { scheme: "blues" } };
  const layer: Record<string, unknown>[] = [
    { transform: [{ filter: { field: "value", valid: true } }], mark: { type: "rect", tooltip: false }, encoding: { color } },
    { transform: [{ filter: { field: "value", valid: false } }], mark: { type: "rect", color: "#ddd" } },
  ];
  if (cells.length <= MAX_LABELLED_CELLS) {
    layer.push({
      transform: [{ filter: { field: "value", valid: true } }],
      mark: { type: "text", fontSize: 10 },
      encoding: {
        text: { field: "value", type: "quantitative", format: share ? ".1%" : ",d" },
        // White on the dark end of the scale; the test is built from numbers only, never from user text.
        color: { condition: { test: `datum.value > ${darkAbove(cells)}`, value: "white" }, value: "#222" },
      },
    });
  }
  const spec = frameSpec(title, undefined, { cells });
  return { spec: { ...spec, data: { name: "cells" }, encoding, layer } };
}

/** The value above which a cell's colour is dark: the top 40% of the range. */
function darkAbove(cells: ReadonlyArray<{ value: number | null }>): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cells) if (c.value !== null) { lo = Math.min(lo, c.value); hi = Math.max(hi, c.value); }
  const threshold = lo + 0.6 * (hi - lo);
  return Number.isFinite(threshold) ? threshold : 0;
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
