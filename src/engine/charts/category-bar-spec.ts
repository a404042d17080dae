import type { HypothesisTestResult } from "../inference/hypothesis-result";
import { categoryAxis } from "./axis-encoding";
import { frameSpec, type ChartDraft, type ChartInput } from "./chart-context";
import { keyLabel } from "./result-data";

/** Categories drawn at most, in the result's order; the subtitle says when more were left out. */
const MAX_CATEGORIES = 60;

/**
 * Bars of a goodness-of-fit test: for each value of target_column its observed count beside its expected count
 * (side by side, two colours), from the result's `categories`.
 *
 * @example buildCategoryBarSpec({ plan: { operation: "test", test: "chisquare", target_column: "Embarked", ... }, output, operation, title })
 */
export function buildCategoryBarSpec({ plan, output, title }: ChartInput): ChartDraft {
  const categories = (output.result as unknown as HypothesisTestResult).categories;
  if (categories === undefined || categories.length === 0) return { unavailable: "the test has no categories" };
  const shown = categories.slice(0, MAX_CATEGORIES);
  const bars = shown.flatMap((category, order) => [
    { x: keyLabel(category.value), series: "observed", y: category.observed, order, seriesOrder: 0 },
    { x: keyLabel(category.value), series: "expected", y: category.expected, order, seriesOrder: 1 },
  ]);
  const subtitle = shown.length < categories.length ? `the first ${MAX_CATEGORIES} of ${categories.length} values` : undefined;
  const series = { field: "series", type: "nominal", title: "", sort: { field: "seriesOrder", op: "min" } };
  const encoding = {
    x: categoryAxis("x", String(plan.target_column ?? ""), shown.length),
    y: { field: "y", type: "quantitative", title: "count" },
    color: { ...series, scale: { range: ["#4c78a8", "#f58518"] } },
    xOffset: series,
  };
  const spec = frameSpec(title, subtitle, { bars });
  return { spec: { ...spec, data: { name: "bars" }, mark: { type: "bar", tooltip: false }, encoding } };
}
