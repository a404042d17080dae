import type { HypothesisTestResult } from "../inference/hypothesis-result";
import { cellHeatmapSpec } from "./cell-heatmap";
import type { ChartDraft, ChartInput } from "./chart-context";
import { keyLabel } from "./result-data";

/**
 * Heatmap of a chi-square test of independence's observed table: target_column's values across, group_column's
 * down, each cell coloured and (while there are at most 150) labelled by its count; the subtitle gives the
 * statistic and p-value.
 *
 * @example buildContingencySpec({ plan: { operation: "test", test: "chi2_contingency", target_column: "Survived", group_column: "Sex", ... }, output, operation, title })
 */
export function buildContingencySpec({ plan, output, title }: ChartInput): ChartDraft {
  const result = output.result as unknown as HypothesisTestResult;
  const table = result.table;
  if (table === undefined || table.observed.length === 0) return { unavailable: "the test has no table" };
  const cells = table.observed.flatMap((row, r) =>
    row.map((count, c) => ({ x: keyLabel(table.column_labels[c]), y: keyLabel(table.row_labels[r]), value: count, order: c, yOrder: r, expected: table.expected[r][c] })),
  );
  const p = result.p_value;
  return cellHeatmapSpec({
    title,
    subtitle: `chi2 = ${result.statistic?.toPrecision(5) ?? "null"}, df = ${result.df ?? "null"}, p = ${p === null || p === undefined ? "null" : p.toPrecision(3)}`,
    cells,
    xTitle: String(plan.target_column ?? ""),
    xCount: table.column_labels.length,
    yTitle: String(plan.group_column ?? ""),
    color: { field: "value", type: "quantitative", title: "observed count", scale: { scheme: "blues" } },
    nullable: false,
    label: { format: ",d", darkTest: `datum.value > ${0.6 * Math.max(...cells.map((c) => c.value))}` },
  });
}
