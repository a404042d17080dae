import { EngineError, type EngineProblem } from "../errors";
import { frameValueColumn, type Frame } from "../frame/frame";
import { andersonDarlingNormal } from "../hypothesis/anderson-darling-normal";
import { chiSquareContingency } from "../hypothesis/chi-square-contingency";
import { chiSquareGoodnessOfFit } from "../hypothesis/chi-square-goodness-of-fit";
import { jarqueBera } from "../hypothesis/jarque-bera";
import { kendallTau } from "../hypothesis/kendall-tau";
import { kolmogorovSmirnovNormal } from "../hypothesis/kolmogorov-smirnov-normal";
import { kruskalWallis } from "../hypothesis/kruskal-wallis";
import { levene, type LeveneCenter } from "../hypothesis/levene";
import { mannWhitneyU } from "../hypothesis/mann-whitney-u";
import { normalTest } from "../hypothesis/normal-test";
import { oneWayAnova } from "../hypothesis/one-way-anova";
import { shapiroWilk } from "../hypothesis/shapiro-wilk";
import { tTestIndependent } from "../hypothesis/t-test-independent";
import { tTestOneSample } from "../hypothesis/t-test-one-sample";
import { tTestPaired } from "../hypothesis/t-test-paired";
import type { Alternative, TestResult } from "../hypothesis/test-result";
import { wilcoxonSignedRank, wilcoxonSignedRankPaired } from "../hypothesis/wilcoxon-signed-rank";
import { finite } from "../ops/aggregate-rows";
import { gatherPairs } from "../ops/gather-pairs";
import type { Plan } from "../plan/plan-schema";
import { categoryCounts, contingencyTable } from "./count-table";
import { columnSample, groupedSamples, type NamedSample } from "./gather-samples";
import type { HypothesisTestResult } from "./hypothesis-result";
import { chooseForm } from "./sample-forms";
import type { ColumnValue } from "./test-params";
import { DEFAULT_ALPHA, TEST_RULES, type TestName } from "./test-rules";
import { andersonVerdict, rejectNull, testWarnings } from "./test-verdict";

/** What a test's run hands back: its result, the samples a chart draws, and scipy's warnings. */
export interface TestRun {
  result: HypothesisTestResult;
  samples: NamedSample[];
  warnings: EngineProblem[];
}

/**
 * Runs the plan's test over the frame's rows as scipy.stats does with nan_policy="omit": the samples are read
 * as the plan names them (see test-rules.ts layouts), missing values dropped per sample (per pair for paired
 * samples and x/y), then the kernel in src/engine/hypothesis computes statistic and p-value, and the verdict
 * at alpha is added. Kernel errors (too few values, all values equal where scipy raises) propagate as
 * EngineErrors.
 *
 * @example runTest(frame, { operation: "test", test: "shapiro", target_column: "Fare", alpha: 0.05, filters: [], group_by: [] }).result.p_value
 */
export function runTest(frame: Frame, plan: Plan): TestRun {
  const test = plan.test as TestName;
  const rule = TEST_RULES[test];
  const alpha = (plan.alpha as number | undefined) ?? DEFAULT_ALPHA;
  const alternative = (plan.alternative as Alternative | undefined) ?? "two-sided";
  const base = { test, statistic_name: rule.statisticName };
  const head = (statistic: number, pValue: number) => ({ ...base, statistic: finite(statistic), p_value: finite(pValue) });
  const tail = (pValue: number, samples: ReadonlyArray<{ name: NamedSample["name"]; n: number }>) => ({
    alpha,
    reject_null: rejectNull(pValue, alpha),
    samples: samples.map(({ name, n }) => ({ name, n })),
  });
  const form = chooseForm(plan, rule.layout);
  const fromColumns = form.required.includes("sample_columns");
  const independent = (): NamedSample[] =>
    fromColumns
      ? (plan.sample_columns as string[]).map((name, i) => columnSample(frame, name, `plan.sample_columns[${i}]`))
      : groupedSamples(frame, plan.target_column as string, plan.group_column as string, plan.groups as ColumnValue[] | undefined);
  const sized = (samples: readonly NamedSample[], kernel: TestResult) => samples.map((s, i) => ({ name: s.name, n: kernel.sizes[i] ?? s.values.length }));

  switch (test) {
    case "shapiro":
    case "normaltest":
    case "jarque_bera":
    case "kstest":
    case "anderson":
    case "ttest_1samp": {
      const sample = columnSample(frame, plan.target_column as string, "plan.target_column");
      return { ...oneSample(test, sample, plan, alpha, alternative), samples: [sample] };
    }
    case "wilcoxon": {
      if (!fromColumns) {
        const sample = columnSample(frame, plan.target_column as string, "plan.target_column");
        const r = wilcoxonSignedRank(sample.values, sample.values.length, alternative);
        const result: HypothesisTestResult = { ...head(r.statistic, r.pValue), alternative, method: r.method, ...tail(r.pValue, [{ name: sample.name, n: sample.values.length }]), zero_differences: r.zeroDifferences };
        return { result, samples: [sample], warnings: testWarnings(r.warnings) };
      }
      const pairs = pairedSamples(frame, plan);
      const r = wilcoxonSignedRankPaired(pairs[0].values, pairs[1].values, pairs[0].values.length, alternative);
      const result: HypothesisTestResult = { ...head(r.statistic, r.pValue), alternative, method: r.method, ...tail(r.pValue, pairs.map((s) => ({ name: s.name, n: s.values.length }))), zero_differences: r.zeroDifferences };
      return { result, samples: pairs, warnings: testWarnings(r.warnings) };
    }
    case "ttest_rel": {
      const pairs = pairedSamples(frame, plan);
      const r = tTestPaired(pairs[0].values, pairs[1].values, pairs[0].values.length, alternative);
      const result: HypothesisTestResult = { ...head(r.statistic, r.pValue), df: finite(r.df), alternative, ...tail(r.pValue, pairs.map((s) => ({ name: s.name, n: s.values.length }))) };
      return { result, samples: pairs, warnings: testWarnings(r.warnings) };
    }
    case "ttest_ind":
    case "mannwhitneyu": {
      const samples = independent();
      const [a, b] = samples;
      const warnings = emptySamples(samples);
      if (test === "ttest_ind") {
        const r = tTestIndependent(a.values, a.values.length, b.values, b.values.length, plan.equal_var !== false, alternative);
        const result: HypothesisTestResult = { ...head(r.statistic, r.pValue), df: finite(r.df), alternative, ...tail(r.pValue, sized(samples, r)) };
        return { result, samples, warnings: [...warnings, ...testWarnings(r.warnings)] };
      }
      const r = mannWhitneyU(a.values, a.values.length, b.values, b.values.length, alternative);
      const result: HypothesisTestResult = { ...head(r.statistic, r.pValue), alternative, method: r.method, ...tail(r.pValue, sized(samples, r)) };
      return { result, samples, warnings: [...warnings, ...testWarnings(r.warnings)] };
    }
    case "f_oneway":
    case "kruskal":
    case "levene": {
      const samples = independent();
      const warnings = emptySamples(samples);
      const values = samples.map((s) => s.values);
      if (test === "kruskal") {
        const r = kruskalWallis(values);
        return { result: { ...head(r.statistic, r.pValue), df: finite(r.df), ...tail(r.pValue, sized(samples, r)) }, samples, warnings: [...warnings, ...testWarnings(r.warnings)] };
      }
      const r = test === "f_oneway" ? oneWayAnova(values) : levene(values, (plan.center as LeveneCenter | undefined) ?? "median");
      const result: HypothesisTestResult = { ...head(r.statistic, r.pValue), df_between: r.df[0], df_within: r.df[1], ...tail(r.pValue, sized(samples, r)) };
      return { result, samples, warnings: [...warnings, ...testWarnings(r.warnings)] };
    }
    case "chi2_contingency":
      return { ...independenceTest(frame, plan, alpha), samples: [] };
    case "chisquare":
      return { ...goodnessOfFit(frame, plan, alpha), samples: [] };
    case "kendalltau": {
      const pairs = gatherPairs(frameValueColumn(frame, plan.x_axis as string, "plan.x_axis"), frameValueColumn(frame, plan.y_axis as string, "plan.y_axis"), frame.rows);
      const r = kendallTau(pairs.x, pairs.y, pairs.n, alternative);
      const result: HypothesisTestResult = {
        ...head(r.statistic, r.pValue), alternative, method: r.method,
        ...tail(r.pValue, [{ name: plan.x_axis as string, n: pairs.n }, { name: plan.y_axis as string, n: pairs.n }]),
      };
      return { result, samples: [], warnings: testWarnings(r.warnings) };
    }
  }
}

/** The one-sample tests of target_column: the five normality tests and the one-sample t-test. */
function oneSample(test: TestName, sample: NamedSample, plan: Plan, alpha: number, alternative: Alternative): Omit<TestRun, "samples"> {
  const { values } = sample;
  const n = values.length;
  const base = { test, statistic_name: TEST_RULES[test].statisticName };
  const sizes = [{ name: sample.name, n }];
  if (test === "anderson") {
    const r = andersonDarlingNormal(values, n);
    const verdict = andersonVerdict(r.statistic, r.criticalValues, r.significanceLevels, alpha);
    const result: HypothesisTestResult = { ...base, statistic: finite(r.statistic), alpha, reject_null: verdict.reject, samples: sizes, critical_values: verdict.criticalValues };
    return { result, warnings: [...verdict.warnings, ...testWarnings(r.warnings)] };
  }
  const r =
    test === "shapiro" ? shapiroWilk(values, n)
    : test === "normaltest" ? normalTest(values, n)
    : test === "jarque_bera" ? jarqueBera(values, n)
    : test === "kstest" ? kolmogorovSmirnovNormal(values, n, alternative)
    : tTestOneSample(values, n, plan.popmean as number, alternative);
  const fields = r as Partial<{ df: number; mean: number; standardDeviation: number }>;
  const result: HypothesisTestResult = {
    ...base,
    statistic: finite(r.statistic),
    p_value: finite(r.pValue),
    ...(fields.df === undefined ? {} : { df: finite(fields.df) }),
    ...(test === "kstest" || test === "ttest_1samp" ? { alternative } : {}),
    alpha,
    reject_null: rejectNull(r.pValue, alpha),
    samples: sizes,
    ...(fields.standardDeviation === undefined ? {} : { fitted_mean: finite(fields.mean as number), fitted_std: finite(fields.standardDeviation) }),
  };
  return { result, warnings: testWarnings(r.warnings) };
}

/** The complete pairs of the two sample_columns, as two named samples of equal length. */
function pairedSamples(frame: Frame, plan: Plan): NamedSample[] {
  const [a, b] = plan.sample_columns as string[];
  const pairs = gatherPairs(frameValueColumn(frame, a, "plan.sample_columns[0]"), frameValueColumn(frame, b, "plan.sample_columns[1]"), frame.rows);
  return [{ name: a, values: pairs.x.slice(0, pairs.n) }, { name: b, values: pairs.y.slice(0, pairs.n) }];
}

function independenceTest(frame: Frame, plan: Plan, alpha: number): Omit<TestRun, "samples"> {
  const table = contingencyTable(frame, plan.target_column as string, plan.group_column as string, plan.groups as ColumnValue[] | undefined);
  const rows = table.rowLabels.length;
  const columns = table.columnLabels.length;
  const totals = table.rowLabels.map((_, r) => table.counts.subarray(r * columns, (r + 1) * columns).reduce((sum, v) => sum + v, 0));
  const empty = table.rowLabels.filter((_, r) => totals[r] === 0);
  if (empty.length > 0) {
    throw new EngineError("insufficient_data", `Group ${JSON.stringify(empty[0])} of "${String(plan.group_column)}" has no rows with a value of "${String(plan.target_column)}": the chi-square test of independence needs every row of the table to have counts.`);
  }
  const r = chiSquareContingency(table.counts, rows, columns);
  const observed = table.rowLabels.map((_, i) => Array.from(table.counts.subarray(i * columns, (i + 1) * columns)));
  const result: HypothesisTestResult = {
    test: "chi2_contingency", statistic_name: "chi2", statistic: finite(r.statistic), p_value: finite(r.pValue), df: r.df,
    alpha, reject_null: rejectNull(r.pValue, alpha),
    samples: table.rowLabels.map((name, i) => ({ name, n: totals[i] })),
    yates_correction: r.yatesCorrection,
    table: { row_labels: table.rowLabels, column_labels: table.columnLabels, observed, expected: r.expected },
  };
  return { result, warnings: testWarnings(r.warnings) };
}

function goodnessOfFit(frame: Frame, plan: Plan, alpha: number): Omit<TestRun, "samples"> {
  const target = plan.target_column as string;
  const counts = categoryCounts(frame, target, plan.expected_proportions as Array<{ value: ColumnValue; proportion: number }> | undefined);
  const k = counts.values.length;
  if (k === 0) throw new EngineError("insufficient_data", `"${target}" has no value in the selected rows: there is nothing to count.`);
  const r = chiSquareGoodnessOfFit(counts.observed, k, counts.proportions === undefined ? {} : { expected: counts.proportions, expectedAre: "proportions" });
  const total = counts.observed.reduce((sum, v) => sum + v, 0);
  const result: HypothesisTestResult = {
    test: "chisquare", statistic_name: "chi2", statistic: finite(r.statistic), p_value: finite(r.pValue), df: finite(r.df),
    alpha, reject_null: rejectNull(r.pValue, alpha),
    samples: [{ name: target, n: total }],
    categories: counts.values.map((value, i) => ({ value, observed: counts.observed[i], expected: r.expected[i] })),
  };
  return { result, warnings: testWarnings(r.warnings) };
}

/** An empty sample makes most statistics undefined: say which one, in the plan's terms. */
function emptySamples(samples: readonly NamedSample[]): EngineProblem[] {
  return samples
    .filter((s) => s.values.length === 0)
    .map((s) => ({ path: "plan.test", code: "empty_sample", message: `The sample ${JSON.stringify(s.name)} has no values in the selected rows.` }));
}
