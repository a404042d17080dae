import { aggregationName, type Aggregation } from "../results/aggregation-spec";
import { categoryAxis, continuousAxis } from "./axis-encoding";
import { frameSpec, typedData, type ChartDraft, type ChartInput } from "./chart-context";
import { firstKeyValue, groupsOf, splitKey } from "./result-data";

/** The aggregations' names, in plan order. */
function aggregationNames(input: ChartInput): string[] {
  return ((input.plan.aggregations ?? []) as Aggregation[]).map(aggregationName);
}

/** A numeric field of a group or an ungrouped result, read as an own property (names are data). */
function numberAt(fields: object, name: string): number | null {
  const value = Object.getOwnPropertyDescriptor(fields, name)?.value;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Aggregations none of whose values is a number (datetimes, strings, modes): named in the subtitle. */
function undrawn(names: readonly string[], drawn: ReadonlySet<string>): string | undefined {
  const left = names.filter((name) => !drawn.has(name));
  return left.length === 0 ? undefined : `not drawn (no numeric value): ${left.join(", ")}`;
}

/**
 * Bars of an `aggregate` result: one bar per aggregation (its `as` name on the axis) when ungrouped; grouped,
 * one bar per aggregation per group, side by side inside the group's band and coloured by aggregation (several
 * group_by keys are joined with " / " on the axis). Only numbers are drawn: an aggregation whose values are
 * datetimes, strings or lists is named in the subtitle instead. Bars follow the result's order (groups as
 * sorted and limited by the plan).
 *
 * @example buildAggregationsBarSpec({ plan: { operation: "aggregate", aggregations: [...], group_by: ["store"] }, output, operation, title })
 */
export function buildAggregationsBarSpec(input: ChartInput): ChartDraft {
  const { plan, output, title } = input;
  const names = aggregationNames(input);
  const groups = groupsOf(output.result);
  const drawn = new Set<string>();
  if (groups === null) {
    const bars = names.flatMap((name, order) => {
      const y = numberAt(output.result, name);
      if (y === null) return [];
      drawn.add(name);
      return [{ x: name, y, order }];
    });
    if (bars.length === 0) return { unavailable: "no aggregation has a numeric value" };
    const spec = frameSpec(title, undrawn(names, drawn), { bars });
    const encoding = { x: categoryAxis("x", "", bars.length), y: { field: "y", type: "quantitative", title: "value" } };
    return { spec: { ...spec, width: Math.max(240, 60 * bars.length), data: { name: "bars" }, mark: { type: "bar", tooltip: false }, encoding } };
  }
  const bars = groups.flatMap((group, order) => {
    const { first, rest } = splitKey(group.key, plan.group_by);
    const x = rest === null ? first : `${first} / ${rest}`;
    return names.flatMap((name, k) => {
      const y = numberAt(group, name);
      if (y === null) return [];
      drawn.add(name);
      return [{ x, series: name, y, order, seriesOrder: k }];
    });
  });
  if (bars.length === 0) return { unavailable: "no group has a numeric aggregation" };
  const encoding: Record<string, unknown> = {
    x: categoryAxis("x", plan.group_by.join(" / "), groups.length),
    y: { field: "y", type: "quantitative", title: drawn.size === 1 ? [...drawn][0] : "value" },
  };
  if (names.length > 1) {
    encoding.color = { field: "series", type: "nominal", title: "aggregation", sort: { field: "seriesOrder", op: "min" } };
    encoding.xOffset = { field: "series", type: "nominal", sort: { field: "seriesOrder", op: "min" } };
  }
  const spec = frameSpec(title, undrawn(names, drawn), { bars });
  return { spec: { ...spec, data: { name: "bars" }, mark: { type: "bar", tooltip: false }, encoding } };
}

/**
 * Lines of a grouped `aggregate` result over its first group key (numbers and datetimes on a continuous axis,
 * e.g. a month granularity; other keys in category order), one line per aggregation (and per combination of the
 * other keys), coloured by it. Only numbers are drawn.
 *
 * @example buildAggregationsLineSpec({ plan: { operation: "aggregate", group_by: [{ column: "day", granularity: "month" }], ... }, output, operation, title })
 */
export function buildAggregationsLineSpec(input: ChartInput): ChartDraft {
  const { plan, output, title } = input;
  const groups = groupsOf(output.result);
  if (groups === null) return { unavailable: "a line needs a group_by column for its x axis" };
  const names = aggregationNames(input);
  const keyType = output.frame.columns.get(plan.group_by[0])?.type;
  const ordered = keyType === "integer" || keyType === "float" || keyType === "datetime";
  const drawn = new Set<string>();
  const points = groups.flatMap((group, order) => {
    const raw = firstKeyValue(group.key, plan.group_by);
    const { first, rest } = splitKey(group.key, plan.group_by);
    const x = !ordered ? first : typeof raw === "string" ? Date.parse(raw) : (raw as number);
    return names.flatMap((name, k) => {
      const y = numberAt(group, name);
      if (y === null) return [];
      drawn.add(name);
      return [{ x, y, series: rest === null ? name : `${name} / ${rest}`, order, seriesOrder: k }];
    });
  });
  if (points.length === 0) return { unavailable: "no group has a numeric aggregation" };
  const xs = ordered ? points.map((p) => p.x as number) : [];
  const spanMs = ordered ? Math.max(...xs) - Math.min(...xs) : 0;
  const x = ordered ? continuousAxis("x", plan.group_by[0], keyType, spanMs) : categoryAxis("x", plan.group_by[0], groups.length);
  const encoding = {
    x,
    y: { field: "y", type: "quantitative", title: drawn.size === 1 ? [...drawn][0] : "value", scale: { zero: false } },
    color: { field: "series", type: "nominal", title: "aggregation", sort: { field: "seriesOrder", op: "min" } },
  };
  const mark = { type: "line", point: groups.length <= 60, strokeWidth: 1.5, tooltip: false, aria: false };
  const spec = frameSpec(title, undrawn(names, drawn), { series: points });
  return { spec: { ...spec, data: typedData("series"), mark, encoding } };
}
