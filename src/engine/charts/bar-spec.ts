import { statisticOf } from "./statistic";
import { frameSpec, type ChartDraft, type ChartInput } from "./chart-context";
import { categoryAxis } from "./axis-encoding";
import { groupsOf, splitKey } from "./result-data";

/**
 * Bars: one per group (a second and third group key become colour and an offset inside the first key's band),
 * or one bar for an ungrouped value. Bars show the result's own numbers (the operation's drawn statistic:
 * `value`, `coefficient` or `slope`), so the chart and the JSON agree exactly. (A forecast's bars are
 * forecast-spec.ts's.)
 *
 * @example buildBarSpec({ plan, output, operation, title }) // { spec: { mark: "bar", ... } }
 */
export function buildBarSpec(input: ChartInput): ChartDraft {
  const { plan, output, title } = input;
  const statistic = statisticOf(input.operation, plan);
  const groups = groupsOf(output.result);
  const label = statistic.label;
  if (groups === null) {
    const value = statistic.read(output.result);
    if (value === null) return { unavailable: `the ${statistic.field} is not a number` };
    const spec = frameSpec(title, undefined, { bars: [{ x: label, y: value, order: 0 }] });
    return { spec: { ...spec, width: 240, data: { name: "bars" }, mark: { type: "bar", tooltip: false }, encoding: { x: categoryAxis("x", "", 1), y: { field: "y", type: "quantitative", title: label } } } };
  }
  const bars = groups.flatMap((group, order) => {
    const y = statistic.read(group);
    if (y === null) return [];
    const { first, rest } = splitKey(group.key, plan.group_by);
    return [{ x: first, series: rest, y, order }];
  });
  if (bars.length === 0) return { unavailable: `no group has a numeric ${statistic.field}` };
  const skipped = groups.length - bars.length;
  const subtitle = skipped > 0 ? `${skipped} group(s) without a value are not drawn` : undefined;
  const categories = new Set(bars.map((bar) => bar.x)).size;
  const encoding: Record<string, unknown> = {
    x: categoryAxis("x", plan.group_by[0], categories),
    y: { field: "y", type: "quantitative", title: label },
  };
  if (plan.group_by.length > 1) {
    const restTitle = plan.group_by.slice(1).join(" / ");
    encoding.color = { field: "series", type: "nominal", title: restTitle, sort: { field: "order", op: "min" } };
    encoding.xOffset = { field: "series", type: "nominal", sort: { field: "order", op: "min" } };
  }
  const spec = frameSpec(title, subtitle, { bars });
  return { spec: { ...spec, data: { name: "bars" }, mark: { type: "bar", tooltip: false }, encoding } };
}

