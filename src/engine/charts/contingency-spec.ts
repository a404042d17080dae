import type { HypothesisTestResult } from "../inference/hypothesis-result";
import { categoryAxis } from "./axis-encoding";
import { frameSpec, type ChartDraft, type ChartInput } from "./chart-context";
import { keyLabel } from "./result-data";

/** Cells get their count printed while there are few enough of them to read. */
const MAX_LABELLED_CELLS = 150;

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
  const encoding = {
    x: categoryAxis("x", String(plan.target_column ?? ""), table.column_labels.length),
    y: { field: "y", type: "nominal", title: String(plan.group_column ?? ""), sort: { field: "yOrder", op: "min" } },
  };
  const layer: Record<string, unknown>[] = [
    { mark: { type: "rect", tooltip: false }, encoding: { color: { field: "value", type: "quantitative", title: "observed count", scale: { scheme: "blues" } } } },
  ];
  if (cells.length <= MAX_LABELLED_CELLS) {
    const top = Math.max(...cells.map((c) => c.value));
    layer.push({
      mark: { type: "text", fontSize: 10 },
      encoding: {
        text: { field: "value", type: "quantitative", format: ",d" },
        color: { condition: { test: `datum.value > ${0.6 * top}`, value: "white" }, value: "#222" },
      },
    });
  }
  const p = result.p_value;
  const subtitle = `chi2 = ${result.statistic?.toPrecision(5) ?? "null"}, df = ${result.df ?? "null"}, p = ${p === null || p === undefined ? "null" : p.toPrecision(3)}`;
  const spec = frameSpec(title, subtitle, { cells });
  return { spec: { ...spec, data: { name: "cells" }, encoding, layer } };
}
