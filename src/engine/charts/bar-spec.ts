import { describeStatistic, statisticOf } from "./statistic";
import { frameSpec, type ChartDraft, type ChartInput } from "./chart-context";
import { categoryAxis } from "./axis-encoding";
import { groupsOf, isForecast, splitKey } from "./result-data";
import { forecastBarSpec } from "./forecast-spec";

/**
 * Bars: one per group (a second and third group key become colour and an offset inside the first key's band),
 * one bar for an ungrouped value, one per period for a forecast (with its interval as an error rule). Bars show
 * the result's own numbers (`value`, `coefficient` or `slope`), so the chart and the JSON agree exactly.
 *
 * @example buildBarSpec({ table, plan, output, title }) // { spec: { mark: "bar", ... } }
 */
export function buildBarSpec(input: ChartInput): ChartDraft {
  const { plan, output, title } = input;
  if (isForecast(output.result)) return forecastBarSpec(input);
  const statistic = statisticOf(plan);
  const groups = groupsOf(output.result);
  const label = describeStatistic(plan);
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

