import { categoryAxis, continuousAxis } from "./axis-encoding";
import { frameSpec, typedData, type ChartDraft, type ChartInput } from "./chart-context";
import { firstKeyValue, groupsOf, splitKey } from "./result-data";
import { statisticOf } from "./statistic";

/**
 * Lines: an aggregation over an ordered first group key (numbers, or datetimes on a UTC time axis), one line per
 * combination of the other keys. A string first key (a `chart_mismatch` the plan was already warned about) is
 * still drawn, over categories in key order. (A forecast's lines are forecast-spec.ts's; a regression's line is
 * its scatter with the fitted line.)
 *
 * @example buildLineSpec({ plan: { operation: "mean", target_column: "price", group_by: ["day"], ... }, output, operation, title })
 */
export function buildLineSpec(input: ChartInput): ChartDraft {
  const { plan, output, title } = input;
  const groups = groupsOf(output.result);
  if (groups === null) return { unavailable: "a line needs a group_by column for its x axis" };
  const statistic = statisticOf(input.operation, plan);
  const keyType = output.frame.columns.get(plan.group_by[0])?.type;
  const ordered = keyType === "integer" || keyType === "float" || keyType === "datetime";
  const points = groups.flatMap((group, order) => {
    const y = statistic.read(group);
    if (y === null) return [];
    const raw = firstKeyValue(group.key, plan.group_by);
    const { first, rest } = splitKey(group.key, plan.group_by);
    const x = !ordered ? first : typeof raw === "string" ? Date.parse(raw) : raw;
    return [{ x, y, series: rest, order }];
  });
  if (points.length === 0) return { unavailable: `no group has a numeric ${statistic.field}` };
  // Groups come in key order unless the plan sorts them by a result field: the span is max minus min.
  const xs = ordered ? points.map((p) => p.x as number) : [];
  const spanMs = ordered ? Math.max(...xs) - Math.min(...xs) : 0;
  const x = ordered ? continuousAxis("x", plan.group_by[0], keyType, spanMs) : categoryAxis("x", plan.group_by[0], points.length);
  const encoding: Record<string, unknown> = { x, y: { field: "y", type: "quantitative", title: statistic.label, scale: { zero: false } } };
  if (plan.group_by.length > 1) encoding.color = { field: "series", type: "nominal", title: plan.group_by.slice(1).join(" / "), sort: { field: "order", op: "min" } };
  // Points on the line only while they stay distinguishable; beyond that they are noise over the line.
  // aria off: a line is one path, yet Vega-Lite formats an aria description for every datum (and labels the path
  // with the first one only); the axes keep theirs.
  const mark = { type: "line", point: points.length <= 60, strokeWidth: 1.5, tooltip: false, aria: false };
  const spec = frameSpec(title, undefined, { series: points });
  return { spec: { ...spec, data: typedData("series"), mark, encoding } };
}
