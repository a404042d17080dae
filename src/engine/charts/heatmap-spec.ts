import { cellHeatmapSpec, darkAbove, type HeatmapCell } from "./cell-heatmap";
import type { ChartDraft, ChartInput } from "./chart-context";
import { groupsOf, numberField, splitKey } from "./result-data";
import { statisticOf } from "./statistic";

/**
 * Heatmap: for an aggregation (`style` "aggregate"), the first group key across, the other keys down, each cell
 * coloured by the aggregate; for a correlation, one cell per group (or the 2×2 matrix of x_axis and y_axis when
 * ungrouped) on a fixed diverging scale from -1 to 1 so colours compare across charts. Cells with a null value
 * are grey.
 *
 * @example buildHeatmapSpec({ plan: { operation: "sum", group_by: ["region", "status"], ... }, output, operation, title }, "aggregate")
 */
export function buildHeatmapSpec({ plan, output, operation, title }: ChartInput, style: "aggregate" | "correlation"): ChartDraft {
  const statistic = statisticOf(operation, plan);
  const groups = groupsOf(output.result);
  const isCorrelation = style === "correlation";
  let cells: HeatmapCell[];
  let xTitle = plan.group_by[0] ?? "";
  let yTitle = plan.group_by.slice(1).join(" / ");
  if (groups === null && isCorrelation) {
    const r = numberField(output.result, "coefficient");
    const names = [plan.x_axis ?? "", plan.y_axis ?? ""];
    cells = names.flatMap((a, i) => names.map((b, j) => ({ x: a, y: b, value: i === j ? 1 : r, order: i, yOrder: j })));
    xTitle = "";
    yTitle = "";
  } else {
    const rows = new Map<string, number>();
    cells = (groups ?? [{ key: {}, ...output.result }]).map((group, order) => {
      const { first, rest } = groups === null ? { first: statistic.label, rest: null } : splitKey(group.key, plan.group_by);
      const y = rest ?? (isCorrelation ? `${plan.x_axis} ~ ${plan.y_axis}` : statistic.label);
      if (!rows.has(y)) rows.set(y, rows.size);
      return { x: first, y, value: statistic.read(group as never), order, yOrder: rows.get(y)! };
    });
  }
  if (cells.length === 0) return { unavailable: "there are no groups" };
  const nulls = cells.filter((c) => c.value === null).length;
  return cellHeatmapSpec({
    title,
    subtitle: nulls > 0 ? `grey: ${nulls} cell(s) without a value` : undefined,
    cells,
    xTitle,
    xCount: new Set(cells.map((c) => c.x)).size,
    yTitle,
    color: isCorrelation
      ? { field: "value", type: "quantitative", title: `r (${plan.method ?? "pearson"})`, scale: { scheme: "redblue", domain: [-1, 1], reverse: true } }
      : { field: "value", type: "quantitative", title: statistic.label, scale: { scheme: "blues" } },
    nullable: true,
    // |r| > 0.6 is dark on the diverging scale
    label: isCorrelation ? { format: ".2f", darkTest: "abs(datum.value) > 0.6" } : { format: ".3~s", darkTest: `datum.value > ${darkAbove(cells)}` },
  });
}
