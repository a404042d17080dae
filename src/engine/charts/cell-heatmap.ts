import { categoryAxis } from "./axis-encoding";
import { frameSpec, type ChartDraft } from "./chart-context";

/** One cell: `x` across and `y` down, each kept in result order by `order` / `yOrder`. */
export interface HeatmapCell {
  x: string;
  y: string;
  value: number | null;
  order: number;
  yOrder: number;
}

/** Cells get their value printed while there are few enough of them to read. */
const MAX_LABELLED_CELLS = 150;

/** What differs between the heatmaps of aggregates, crosstabs, contingency tables and confusion matrices. */
export interface CellHeatmap {
  title: string;
  subtitle?: string;
  cells: readonly HeatmapCell[];
  xTitle: string;
  /** Distinct x values (slants the axis labels when there are many). */
  xCount: number;
  yTitle: string;
  /** The colour encoding of the cells' `value`. */
  color: Record<string, unknown>;
  /** Cells may have no value: those are drawn grey, and only the others are coloured and labelled. */
  nullable: boolean;
  /** Number format of the printed values, and the Vega test that prints them white (on dark cells). */
  label: { format: string; darkTest: string; fontSize?: number };
}

/**
 * A heatmap of labelled cells: a rect per cell coloured by its value (grey where a nullable cell has none), and
 * the values printed on top while there are at most 150 cells. Data goes under the fixed name `cells`.
 *
 * @example cellHeatmapSpec({ title, cells, xTitle: "status", xCount: 2, yTitle: "region", color, nullable: false, label: { format: ",d", darkTest: "datum.value > 6" } })
 */
export function cellHeatmapSpec(heatmap: CellHeatmap): ChartDraft {
  const { cells, nullable, label } = heatmap;
  const encoding = {
    x: categoryAxis("x", heatmap.xTitle, heatmap.xCount),
    y: { field: "y", type: "nominal", title: heatmap.yTitle, sort: { field: "yOrder", op: "min" } },
  };
  const valued = nullable ? { transform: [{ filter: { field: "value", valid: true } }] } : {};
  const layer: Record<string, unknown>[] = [{ ...valued, mark: { type: "rect", tooltip: false }, encoding: { color: heatmap.color } }];
  if (nullable) layer.push({ transform: [{ filter: { field: "value", valid: false } }], mark: { type: "rect", color: "#ddd" } });
  if (cells.length <= MAX_LABELLED_CELLS) {
    layer.push({
      ...valued,
      mark: { type: "text", fontSize: label.fontSize ?? 10 },
      encoding: {
        text: { field: "value", type: "quantitative", format: label.format },
        // White on the dark end of the scale; the test is built from numbers only, never from user text.
        color: { condition: { test: label.darkTest, value: "white" }, value: "#222" },
      },
    });
  }
  const spec = frameSpec(heatmap.title, heatmap.subtitle, { cells: cells as HeatmapCell[] });
  return { spec: { ...spec, data: { name: "cells" }, encoding, layer } };
}

/**
 * The value above which a cell's colour is dark on a sequential scale: the top 40% of the values' range (0
 * when no cell has a value).
 *
 * @example darkAbove([{ value: 0 }, { value: 10 }]) // 6
 */
export function darkAbove(cells: ReadonlyArray<{ value: number | null }>): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of cells) if (c.value !== null) { lo = Math.min(lo, c.value); hi = Math.max(hi, c.value); }
  const threshold = lo + 0.6 * (hi - lo);
  return Number.isFinite(threshold) ? threshold : 0;
}
