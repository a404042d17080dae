import { categoryAxis } from "./axis-encoding";
import { frameSpec, type ChartDraft, type ChartInput } from "./chart-context";
import { groupsOf, numberField, splitKey } from "./result-data";
import { statisticOf } from "./statistic";

/** Cells get their value printed while there are few enough of them to read. */
const MAX_LABELLED_CELLS = 150;

interface Cell { x: string; y: string; value: number | null; order: number; yOrder: number }

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
  let cells: Cell[];
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
  const label = statistic.label;
  const color = isCorrelation
    ? { field: "value", type: "quantitative", title: `r (${plan.method ?? "pearson"})`, scale: { scheme: "redblue", domain: [-1, 1], reverse: true } }
    : { field: "value", type: "quantitative", title: label, scale: { scheme: "blues" } };
  const xCount = new Set(cells.map((c) => c.x)).size;
  const encoding = {
    x: categoryAxis("x", xTitle, xCount),
    y: { field: "y", type: "nominal", title: yTitle, sort: { field: "yOrder", op: "min" } },
  };
  const layer: Record<string, unknown>[] = [
    { transform: [{ filter: { field: "value", valid: true } }], mark: { type: "rect", tooltip: false }, encoding: { color } },
    { transform: [{ filter: { field: "value", valid: false } }], mark: { type: "rect", color: "#ddd" } },
  ];
  if (cells.length <= MAX_LABELLED_CELLS) {
    layer.push({
      transform: [{ filter: { field: "value", valid: true } }],
      mark: { type: "text", fontSize: 10 },
      encoding: {
        text: { field: "value", type: "quantitative", format: isCorrelation ? ".2f" : ".3~s" },
        // White on the dark end of the scale; the test is built from numbers only, never from user text.
        color: { condition: { test: darkTest(cells, isCorrelation), value: "white" }, value: "#222" },
      },
    });
  }
  const nulls = cells.filter((c) => c.value === null).length;
  const spec = frameSpec(title, nulls > 0 ? `grey: ${nulls} cell(s) without a value` : undefined, { cells });
  return { spec: { ...spec, data: { name: "cells" }, encoding, layer } };
}

/** A Vega test true for cells whose colour is dark: |r| > 0.6 on the diverging scale, the top 40% otherwise. */
function darkTest(cells: readonly Cell[], isCorrelation: boolean): string {
  if (isCorrelation) return "abs(datum.value) > 0.6";
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cells) if (c.value !== null) { lo = Math.min(lo, c.value); hi = Math.max(hi, c.value); }
  const threshold = lo + 0.6 * (hi - lo);
  return `datum.value > ${Number.isFinite(threshold) ? threshold : 0}`;
}
