import { groupRows } from "../ops/group-rows";
import { selectRows } from "../ops/select-rows";
import type { Plan } from "../plan/plan-schema";
import type { Table, ValueColumn } from "../table/types";
import { continuousAxis } from "./axis-encoding";
import { frameSpec, typedData, type ChartDraft, type ChartInput } from "./chart-context";
import { buildForecastScatterSpec } from "./forecast-spec";
import { formatCount, groupsOf, isForecast, keyLabel, numberField } from "./result-data";
import { strideIndexes } from "./stride-sample";

/**
 * Points drawn at most; more rows are evenly strided by row order (the subtitle gives both counts). 2,000 keeps
 * the render near the 50 ms budget and the SVG near 350 KB (5,000 points measured ~180 ms and 850 KB).
 */
export const MAX_SCATTER_POINTS = 2000;
/** Above this many groups points are not coloured by group (a legend of hundreds of colours helps nobody). */
export const MAX_COLOURED_GROUPS = 12;

interface Point { x: number; y: number; series: string | null }

/**
 * Scatter of y_axis against x_axis over the filtered rows with both values present (the pairs correlation and
 * regression used), evenly sampled to at most MAX_SCATTER_POINTS (2,000) points; a regression adds its fitted line(s), y = a + b·x,
 * drawn across the full x range of the data. Grouped plans colour points by group.
 *
 * @example buildScatterSpec({ table, plan: { operation: "correlation", x_axis: "price", y_axis: "score", ... }, output, title })
 */
export function buildScatterSpec(input: ChartInput): ChartDraft {
  const { table, plan, output, title } = input;
  if (isForecast(output.result)) return buildForecastScatterSpec(input);
  if (plan.operation !== "correlation" && plan.operation !== "regression") {
    return { unavailable: "a scatter needs two numeric axes; an aggregation has one number per group" };
  }
  const x = valueColumn(table, plan.x_axis);
  const y = valueColumn(table, plan.y_axis);
  if (x === null || y === null) return { unavailable: "x_axis and y_axis must be numeric columns" };
  const groups = groupsOf(output.result);
  const coloured = groups !== null && groups.length <= MAX_COLOURED_GROUPS;
  const pairs = gatherPairRows(table, plan, x, y);
  if (pairs.rows.length === 0) return { unavailable: "no row has both values" };
  const labels = pairs.labels;
  const sample = strideIndexes(pairs.rows.length, MAX_SCATTER_POINTS);
  const points = Array.from(sample, (i) => {
    const r = pairs.rows[i];
    return { x: x.values[r], y: y.values[r], series: coloured ? labels[pairs.groups[i]] : null };
  });
  const lines = plan.operation === "regression" ? fittedLines(plan, output.result, pairs, x, coloured) : [];
  const spec = frameSpec(title, subtitleOf(points.length, pairs.rows.length, groups?.length ?? 0, coloured, output.result), { points, fit: lines });
  const xAxis = continuousAxis("x", plan.x_axis ?? "", x.type);
  const yAxis = continuousAxis("y", plan.y_axis ?? "", y.type);
  const color = coloured ? { field: "series", type: "nominal", title: plan.group_by.join(" / ") } : { value: "#4c78a8" };
  const layer: Record<string, unknown>[] = [
    // aria off: one label per point would double the SVG for no reader benefit (5,000 announcements).
    { data: typedData("points"), mark: { type: "circle", size: 14, opacity: 0.55, aria: false }, encoding: { x: xAxis, y: yAxis, color } },
  ];
  if (lines.length > 0) {
    layer.push({ data: typedData("fit"), mark: { type: "line", strokeWidth: 2.5, aria: false }, encoding: { x: xAxis, y: yAxis, detail: { field: "series" }, color: coloured ? color : { value: "#e45756" } } });
  }
  return { spec: { ...spec, layer } };
}

function valueColumn(table: Table, name: string | undefined): ValueColumn | null {
  const column = table.columns.find((c) => c.name === name);
  return column !== undefined && column.type !== "string" ? column : null;
}

interface PairRows {
  /** Rows with both values (and all keys when grouped), in row order: the pairs the statistics used. */
  rows: Uint32Array;
  /** Group of each of those rows (0 when ungrouped). */
  groups: Int32Array;
  /** Label of each group. */
  labels: string[];
}

/** Row indexes first, objects only for the sample: building 145k point objects to keep 5,000 costs ~60 ms. */
function gatherPairRows(table: Table, plan: Plan, x: ValueColumn, y: ValueColumn): PairRows {
  const selected = selectRows(table, plan.filters).rows;
  const grouping = plan.group_by.length === 0 ? null : groupRows(table, selected, plan.group_by);
  const candidates = grouping?.rows ?? selected;
  const rows = new Uint32Array(candidates.length);
  const groups = new Int32Array(candidates.length);
  let n = 0;
  for (let i = 0; i < candidates.length; i++) {
    const r = candidates[i];
    const g = grouping === null ? 0 : grouping.groupOf[i];
    // Rows with a missing key are in no group: the statistics did not use them, so neither does the picture.
    if (g < 0 || x.values[r] !== x.values[r] || y.values[r] !== y.values[r]) continue;
    rows[n] = r;
    groups[n++] = g;
  }
  const labels = grouping?.keys.map((key) => key.map(keyLabel).join(" / ")) ?? [""];
  return { rows: rows.subarray(0, n), groups: groups.subarray(0, n), labels };
}

/** Segment endpoints of y = intercept + slope·x over each group's full x range (all pairs, not the sample). */
function fittedLines(plan: Plan, result: ChartInput["output"]["result"], pairs: PairRows, x: ValueColumn, coloured: boolean): Point[] {
  const grouped = groupsOf(result);
  // Ungrouped: one line; grouped: one per group, only when groups are coloured (else lines cannot be told apart).
  if (grouped !== null && !coloured) return [];
  const lo = new Float64Array(pairs.labels.length).fill(Infinity);
  const hi = new Float64Array(pairs.labels.length).fill(-Infinity);
  for (let i = 0; i < pairs.rows.length; i++) {
    const v = x.values[pairs.rows[i]];
    const g = pairs.groups[i];
    if (v < lo[g]) lo[g] = v;
    if (v > hi[g]) hi[g] = v;
  }
  const fits = grouped ?? [result];
  return fits.flatMap((fields, g) => {
    const slope = numberField(fields, "slope");
    const intercept = numberField(fields, "intercept");
    if (slope === null || intercept === null || lo[g] > hi[g]) return [];
    const series = grouped === null ? null : pairs.labels[g];
    return [{ x: lo[g], y: intercept + slope * lo[g], series }, { x: hi[g], y: intercept + slope * hi[g], series }];
  });
}

function subtitleOf(shown: number, total: number, groups: number, coloured: boolean, result: object): string {
  const parts = [shown < total ? `${formatCount(shown)} of ${formatCount(total)} points shown, evenly sampled by row` : `${formatCount(total)} points`];
  const r = numberField(result, "coefficient");
  if (r !== null) parts.push(`r = ${r.toFixed(3)}`);
  const slope = numberField(result, "slope");
  const intercept = numberField(result, "intercept");
  if (slope !== null && intercept !== null) {
    parts.push(`fit: y = ${intercept.toPrecision(4)} ${slope < 0 ? "−" : "+"} ${Math.abs(slope).toPrecision(4)}·x`);
  }
  if (groups > 0 && !coloured) parts.push(`${groups} groups, not coloured`);
  return parts.join("; ");
}
