import { buildCategoryBarSpec } from "../charts/category-bar-spec";
import { buildContingencySpec } from "../charts/contingency-spec";
import { buildHistogramSpec } from "../charts/histogram-spec";
import { buildQqSpec, type TestChartData } from "../charts/qq-spec";
import { buildSampleBoxSpec } from "../charts/sample-box-spec";
import { buildScatterSpec } from "../charts/scatter-spec";
import { atPath } from "../inference/at-path";
import { checkTestPlan } from "../inference/check-test";
import { describeTest } from "../inference/describe-test";
import { normalizeTest } from "../inference/normalize-test";
import { runTest } from "../inference/run-test";
import { chooseForm } from "../inference/sample-forms";
import { TEST_PARAM_SCHEMAS } from "../inference/test-params";
import { DEFAULT_ALPHA, TEST_RULES, testRule, type TestRule } from "../inference/test-rules";
import type { ColumnType } from "../table/types";
import { CATEGORIES, examplePlan, NUMBERS } from "./example-plan";
import { neverDrawn, type ChartContext, type ChartSupport, type OperationModule } from "./operation";

const NUMERIC: readonly ColumnType[] = ["integer", "float"];

/** Work units per row of the most expensive test: a few passes and two sorts (ranks, Shapiro-Wilk's order). */
const PASSES = 8;
/** Mann-Whitney's exact distribution (a sample of at most 8 values) costs up to ~4 n·m units, m <= 8. */
const EXACT_MANN_WHITNEY_UNITS = 32;

/**
 * A chart some tests draw: `accepts` says which (by their rule and how the plan names the samples). Without a
 * known test (missing or misspelt, already an error) the chart is not judged.
 */
function testChart(accepts: (rule: TestRule, plan: Readonly<Record<string, unknown>>) => boolean, needs: string, build: ChartSupport["build"]): ChartSupport {
  const judge = (context: ChartContext) => {
    const plan: Readonly<Record<string, unknown>> = context.plan ?? {};
    const rule = typeof plan.test === "string" ? testRule(plan.test) : undefined;
    return rule === undefined || accepts(rule, plan);
  };
  return { fits: judge, drawable: judge, needs, build };
}

const oneColumn = (rule: TestRule, plan: Readonly<Record<string, unknown>>) =>
  rule.layout === "one" || (rule.layout === "one_or_paired" && chooseForm(plan, rule.layout).required.includes("target_column"));

/**
 * `operation: "test"`: the hypothesis test named in `test`, as scipy.stats 1.10 computes it with its defaults
 * and nan_policy="omit" (inference/test-rules.ts lists the tests and how each names its samples; run-test.ts
 * runs them on the kernels of src/engine/hypothesis). Result: statistic, p-value, degrees of freedom where
 * defined, the sizes used per sample, scipy's method where it chooses one, and reject_null at alpha (default
 * 0.05); scipy's warnings become `test_warning`s.
 * Cost per row: a few passes and two sorts; Mann-Whitney's exact distribution adds up to 32.
 * Charts: `scatter` is a normal Q-Q plot for normality tests and x against y for kendalltau; `box` draws the
 * samples compared; `histogram` the values of a one-column test; `heatmap` chi2_contingency's table; `bar`
 * chisquare's observed and expected counts.
 */
export const test = {
  name: "test",
  summary: "A hypothesis test (scipy.stats) named in `test`.",
  rule: {
    required: ["test"],
    optional: ["filters", "chart_type", "target_column", "x_axis", "y_axis", ...Object.keys(TEST_PARAM_SCHEMAS).filter((field) => field !== "test")],
    columnTypes: { x_axis: NUMERIC, y_axis: NUMERIC },
    defaults: { alpha: DEFAULT_ALPHA },
  },
  params: TEST_PARAM_SCHEMAS,
  cost: (plan, c) => c.rows * (PASSES + 2 * c.log2Rows + (plan.test === "mannwhitneyu" ? EXACT_MANN_WHITNEY_UNITS : 0)),
  execute(frame, plan) {
    const run = atPath("plan.test", () => runTest(frame, plan));
    const chartData: TestChartData = { samples: run.samples };
    return { result: run.result, grouping: null, chartData, warnings: run.warnings };
  },
  describe: (plan) => describeTest(plan),
  check: checkTestPlan,
  example: (pick) => examplePlan({ operation: "test", test: "kruskal", target_column: pick(NUMBERS, "price"), group_column: pick(CATEGORIES, "store") }),
  normalize: normalizeTest,
  charts: {
    scatter: testChart((rule) => rule.normality || rule.layout === "xy", "a normality test (a normal Q-Q plot) or kendalltau (x_axis against y_axis)", (input) =>
      TEST_RULES[input.plan.test as keyof typeof TEST_RULES].normality ? buildQqSpec(input) : buildScatterSpec(input)),
    box: testChart((rule) => ["one", "two", "k", "paired", "one_or_paired"].includes(rule.layout), "numeric samples (a t, rank, ANOVA or normality test)", buildSampleBoxSpec),
    histogram: testChart(oneColumn, "the values of one column (a normality or one-sample test)", buildHistogramSpec),
    heatmap: testChart((rule) => rule.layout === "table", "a table of counts (chi2_contingency)", buildContingencySpec),
    bar: testChart((rule) => rule.layout === "categories", "counts per value (chisquare: observed and expected)", buildCategoryBarSpec),
    line: neverDrawn("an ordered series; a test gives one statistic (use box to compare samples, scatter for a Q-Q plot)"),
  },
} as const satisfies OperationModule;
