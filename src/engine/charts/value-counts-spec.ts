import { categoryAxis } from "./axis-encoding";
import { frameSpec, type ChartDraft, type ChartInput } from "./chart-context";
import { keyLabel } from "./result-data";

/** How a missing-value entry (dropna false) reads on the axis. */
export const MISSING_LABEL = "(missing)";

/**
 * Bars of a value_counts result: one bar per entry in the result's order (count descending, or as the plan
 * sorted and limited them), its count, or its proportion when the plan normalises. Values are axis labels
 * (datetimes at midnight as dates), never field names.
 *
 * @example buildValueCountsBarSpec({ plan: { operation: "value_counts", target_column: "region", ... }, output, operation, title })
 */
export function buildValueCountsBarSpec({ plan, output, title }: ChartInput): ChartDraft {
  const result = output.result as unknown as { entries: Array<{ value: unknown; count: number; proportion?: number }>; distinct: number };
  if (result.entries.length === 0) return { unavailable: "there are no values to count" };
  const share = plan.normalize === true;
  const bars = result.entries.map((entry, order) => ({
    x: entry.value === null ? MISSING_LABEL : keyLabel(entry.value),
    y: share ? entry.proportion ?? 0 : entry.count,
    order,
  }));
  const shown = result.entries.length < result.distinct ? `${result.entries.length} of ${result.distinct} values` : undefined;
  const encoding = {
    x: categoryAxis("x", plan.target_column ?? "", bars.length),
    y: { field: "y", type: "quantitative", title: share ? "proportion" : "count", ...(share ? { axis: { format: ".0%" } } : {}) },
  };
  const spec = frameSpec(title, shown, { bars });
  return { spec: { ...spec, data: { name: "bars" }, mark: { type: "bar", tooltip: false }, encoding } };
}
