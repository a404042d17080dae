import { rowsByGroup } from "../ops/group-rows";
import { continuousAxis } from "./axis-encoding";
import { frameSpec, type ChartDraft, type ChartInput } from "./chart-context";
import { histogramBins } from "./histogram-bins";
import { formatCount, keyLabel, presentValues } from "./result-data";
import { MAX_COLOURED_GROUPS } from "./scatter-spec";

/**
 * Histogram of target_column over the filtered rows, binned by the engine ({@link histogramBins}: nice 1-2-5
 * widths, ~20 bins, numpy's counting rule) so the spec carries counts, not rows. A grouped plan with at most 12
 * groups stacks one colour per group on the same edges; with more, the overall distribution is drawn. Drawn over
 * the rows and groups the result was computed from.
 *
 * @example buildHistogramSpec({ plan: { operation: "mean", target_column: "price", ... }, output, operation, title })
 */
export function buildHistogramSpec({ plan, output, title }: ChartInput): ChartDraft {
  const target = plan.target_column === undefined ? undefined : output.frame.columns.get(plan.target_column);
  if (target === undefined || target.type === "string" || target.type === "boolean") {
    return { unavailable: "a histogram needs a numeric target_column" };
  }
  const values = presentValues(target, output.frame.rows);
  const { edges, counts } = histogramBins(values);
  if (counts.length === 0) return { unavailable: "no selected row has a value" };
  let bins = counts.map((count, i) => ({ x0: edges[i], x1: edges[i + 1], count, series: null as string | null, order: 0 }));
  let groupNote = "";
  const grouping = output.grouping;
  if (grouping !== null) {
    if (grouping.keys.length <= MAX_COLOURED_GROUPS) {
      const members = rowsByGroup(grouping);
      bins = grouping.keys.flatMap((key, g) => {
        // Same edges for every group, so stacked bars add up to the overall histogram of grouped rows.
        const own = countOnEdges(presentValues(target, members[g]), edges);
        return own.map((count, i) => ({ x0: edges[i], x1: edges[i + 1], count, series: key.map(keyLabel).join(" / "), order: g }));
      });
    } else {
      groupNote = `; ${grouping.keys.length} groups, drawn together`;
    }
  }
  const width = edges[1] - edges[0];
  const subtitle = `${formatCount(values.length)} values in ${counts.length} bins of width ${Number(width.toPrecision(6))}${groupNote}`;
  const x = { ...continuousAxis("x0", plan.target_column ?? "", target.type), bin: { binned: true, step: width } };
  const encoding: Record<string, unknown> = { x, x2: { field: "x1" }, y: { field: "count", type: "quantitative", title: "rows" } };
  if (bins.some((b) => b.series !== null)) {
    encoding.color = { field: "series", type: "nominal", title: plan.group_by.join(" / "), sort: { field: "order", op: "min" } };
    encoding.order = { field: "order" };
  }
  const spec = frameSpec(title, subtitle, { bins });
  return { spec: { ...spec, data: { name: "bins" }, mark: { type: "bar", stroke: "white", strokeWidth: 0.5, tooltip: false }, encoding } };
}

/** Counts on given edges (numpy rule: half-open bins, the last closed); values outside are not counted. */
function countOnEdges(values: Float64Array, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  const last = counts.length - 1;
  for (const v of values) {
    let lo = 0;
    let hi = last;
    if (v < edges[0] || v > edges[last + 1]) continue;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid] <= v) lo = mid; else hi = mid - 1;
    }
    counts[lo]++;
  }
  return counts;
}
