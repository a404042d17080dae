import { rowsByGroup } from "../ops/group-rows";
import { categoryAxis, continuousAxis } from "./axis-encoding";
import { chartProblem, frameSpec, type ChartDraft, type ChartInput } from "./chart-context";
import { boxStats } from "./box-stats";
import { formatCount, keyLabel, presentValues } from "./result-data";
import { strideSample } from "./stride-sample";
import type { ColumnType } from "../table/types";

/** Boxes drawn at most (the first groups in key order); more is a `chart_truncated` warning. */
export const MAX_BOXES = 40;
/** Outlier dots per box at most; the smallest and largest are always kept. */
export const MAX_OUTLIERS_PER_BOX = 200;

/**
 * Box plot of target_column per group (or overall), every number computed by the engine ({@link boxStats}:
 * numpy-linear quartiles, whiskers at the furthest points within 1.5·IQR) and drawn from those values with
 * layered rule (whiskers), bar (box), tick (median) and point (outliers) marks. Vega's own boxplot is not used:
 * it would need every raw row in the spec and its quantiles differ from pandas'. The boxes are drawn over the rows
 * and groups the result was computed from.
 *
 * @example buildBoxSpec({ plan: { operation: "mean", target_column: "price", group_by: ["region"], ... }, output, operation, title })
 */
export function buildBoxSpec({ plan, output, title }: ChartInput): ChartDraft {
  const target = plan.target_column === undefined ? undefined : output.frame.columns.get(plan.target_column);
  if (target === undefined || target.type === "string" || target.type === "boolean") {
    return { unavailable: "a box plot needs a numeric target_column" };
  }
  const grouping = output.grouping;
  const groups = grouping === null
    ? [{ label: plan.target_column ?? "", rows: output.frame.rows }]
    : (() => {
        const members = rowsByGroup(grouping);
        return grouping.keys.map((key, g) => ({ label: key.map(keyLabel).join(" / "), rows: members[g] }));
      })();
  const shown = groups.slice(0, MAX_BOXES).map(({ label, rows }) => ({ label, values: presentValues(target, rows) }));
  return drawBoxes(title, groups.length, shown, { x: plan.group_by.join(" / "), y: plan.target_column ?? "", yType: target.type });
}

/**
 * Box plots of given samples (at most MAX_BOXES, the caller's first ones; `total` says how many there were),
 * drawn as buildBoxSpec draws them: engine-computed quartiles and whiskers, outliers thinned to
 * MAX_OUTLIERS_PER_BOX per box. Used for a plan's groups and for a test's samples.
 *
 * @example drawBoxes("Mann-Whitney U test of Age by Sex", 2, [{ label: "male", values }, { label: "female", values: other }], { x: "Sex", y: "Age", yType: "float" })
 */
export function drawBoxes(
  title: string,
  total: number,
  shown: ReadonlyArray<{ label: string; values: Float64Array }>,
  axes: { x: string; y: string; yType: ColumnType },
): ChartDraft {
  const boxes: Record<string, unknown>[] = [];
  const outliers: Record<string, unknown>[] = [];
  let thinned = false;
  shown.forEach(({ label, values }, order) => {
    const stats = boxStats(values);
    if (stats === null) return;
    const { outliers: out, ...box } = stats;
    boxes.push({ x: label, order, ...box, outlier_count: out.length });
    const kept = out.length > MAX_OUTLIERS_PER_BOX ? [...strideSample(out, MAX_OUTLIERS_PER_BOX - 1), out[out.length - 1]] : out;
    thinned ||= kept.length < out.length;
    for (const y of kept) outliers.push({ x: label, order, y });
  });
  if (boxes.length === 0) return { unavailable: "no selected row has a value" };
  const warnings = total > shown.length
    ? [chartProblem("chart_truncated", `The box plot shows the first ${MAX_BOXES} of ${total} groups (in key order).`)]
    : [];
  const sizes = boxes.map((b) => b.n as number);
  const low = Math.min(...sizes);
  const high = Math.max(...sizes);
  const notes = [`n = ${low === high ? formatCount(low) : `${formatCount(low)} to ${formatCount(high)}`}${boxes.length > 1 ? " per box" : ""}`, "whiskers: furthest points within 1.5 IQR"];
  if (thinned) notes.push(`at most ${MAX_OUTLIERS_PER_BOX} outliers drawn per box`);
  const x = categoryAxis("x", axes.x, boxes.length);
  const y = { ...continuousAxis("q1", axes.y, axes.yType), title: axes.y };
  const spec = frameSpec(title, notes.join("; "), { boxes, outliers });
  return {
    warnings,
    spec: {
      ...spec,
      encoding: { x },
      layer: [
        { data: { name: "boxes" }, mark: { type: "rule", color: "#555" }, encoding: { y: { ...y, field: "lowerWhisker" }, y2: { field: "upperWhisker" } } },
        { data: { name: "boxes" }, mark: { type: "bar", size: 28, color: "#9ecae9", stroke: "#4c78a8" }, encoding: { y: { ...y, field: "q1" }, y2: { field: "q3" } } },
        { data: { name: "boxes" }, mark: { type: "tick", size: 28, thickness: 2, color: "#08306b" }, encoding: { y: { ...y, field: "median" } } },
        { data: { name: "outliers" }, mark: { type: "point", size: 14, color: "#e45756", aria: false }, encoding: { y: { ...y, field: "y" } } },
      ],
    },
  };
}
