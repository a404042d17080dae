import { drawBoxes, MAX_BOXES } from "./box-spec";
import type { ChartDraft, ChartInput } from "./chart-context";
import type { TestChartData } from "./qq-spec";
import { keyLabel } from "./result-data";

/**
 * Box plots of a test's samples, one per group or column, in the order the test took them (paired tests: the
 * complete pairs of each column), drawn by drawBoxes.
 *
 * @example buildSampleBoxSpec({ plan: { operation: "test", test: "mannwhitneyu", target_column: "Age", group_column: "Sex", ... }, output, operation, title })
 */
export function buildSampleBoxSpec({ plan, output, title }: ChartInput): ChartDraft {
  const samples = (output.chartData as TestChartData | undefined)?.samples ?? [];
  if (samples.length === 0) return { unavailable: "the test has no samples to draw" };
  const fromGroups = typeof plan.group_column === "string";
  const shown = samples.slice(0, MAX_BOXES).map((s) => ({ label: keyLabel(s.name), values: s.values }));
  const x = fromGroups ? (plan.group_column as string) : samples.length > 1 ? "sample" : "";
  const y = fromGroups || samples.length === 1 ? String(plan.target_column ?? samples[0].name) : "value";
  return drawBoxes(title, samples.length, shown, { x, y, yType: "float" });
}
