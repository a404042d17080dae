import type { NamedSample } from "../inference/gather-samples";
import { normalProbabilityPlot } from "../inference/normal-probability-plot";
import { frameSpec, typedData, type ChartDraft, type ChartInput } from "./chart-context";
import { formatCount } from "./result-data";
import { MAX_SCATTER_POINTS } from "./scatter-spec";
import { strideIndexes } from "./stride-sample";

/** A test's chart data: the samples it compared, missing values dropped (inference/run-test.ts). */
export interface TestChartData {
  samples: NamedSample[];
}

/**
 * Normal Q-Q plot of a normality test's sample (scipy.stats.probplot): the sorted values against the normal
 * quantiles of their positions, with the least-squares reference line; points near the line look normal. At
 * most MAX_SCATTER_POINTS points, evenly strided over the sorted values with both ends kept; the line is
 * fitted on all of them.
 *
 * @example buildQqSpec({ plan: { operation: "test", test: "shapiro", target_column: "Fare", ... }, output, operation, title })
 */
export function buildQqSpec({ plan, output, title }: ChartInput): ChartDraft {
  const sample = (output.chartData as TestChartData | undefined)?.samples[0];
  if (sample === undefined || sample.values.length < 2) return { unavailable: "a Q-Q plot needs at least two values" };
  const plot = normalProbabilityPlot(sample.values);
  const n = plot.ordered.length;
  const picked = strideIndexes(n, MAX_SCATTER_POINTS);
  const points = Array.from(picked, (i) => ({ x: plot.theoretical[i], y: plot.ordered[i] }));
  if (picked[picked.length - 1] !== n - 1) points.push({ x: plot.theoretical[n - 1], y: plot.ordered[n - 1] });
  const ends = [plot.theoretical[0], plot.theoretical[n - 1]];
  const fit = ends.map((x) => ({ x, y: plot.intercept + plot.slope * x }));
  const shown = points.length < n ? `${formatCount(points.length)} of ${formatCount(n)} values shown` : `${formatCount(n)} values`;
  const subtitle = `${shown}; line: least squares, r = ${plot.r.toFixed(4)}`;
  const x = { field: "x", type: "quantitative", title: "theoretical quantiles (standard normal)" };
  const y = { field: "y", type: "quantitative", title: `ordered values of ${plan.target_column ?? String(sample.name)}`, scale: { zero: false } };
  const spec = frameSpec(title, subtitle, { points, fit });
  return {
    spec: {
      ...spec,
      layer: [
        { data: typedData("points"), mark: { type: "circle", size: 16, opacity: 0.6, aria: false }, encoding: { x, y, color: { value: "#4c78a8" } } },
        { data: typedData("fit"), mark: { type: "line", strokeWidth: 2, aria: false }, encoding: { x, y, color: { value: "#e45756" } } },
      ],
    },
  };
}
