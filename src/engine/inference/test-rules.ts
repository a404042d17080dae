/**
 * The hypothesis tests of the plan language (`operation: "test"`), named as scipy.stats names them, and what
 * each one needs: how its samples are given (the layout) and which parameters it takes. One table, read by
 * validation, normalisation, the JSON Schemas, execution and the charts, so they cannot disagree.
 */
export const TEST_NAMES = [
  "shapiro", "normaltest", "kstest", "jarque_bera", "anderson",
  "ttest_1samp", "ttest_ind", "ttest_rel", "mannwhitneyu", "wilcoxon",
  "f_oneway", "kruskal", "levene", "chi2_contingency", "chisquare", "kendalltau",
] as const;

export type TestName = (typeof TEST_NAMES)[number];

/**
 * How a test's samples are named in the plan:
 * - `one`: the values of target_column (numeric).
 * - `two`: two independent samples: target_column split by group_column into the two `groups` named, or two
 *   `sample_columns`.
 * - `k`: two or more independent samples: target_column split by group_column (every group, or the `groups`
 *   listed), or two or more `sample_columns`.
 * - `paired`: the complete pairs of two `sample_columns`.
 * - `one_or_paired`: one sample of differences (target_column) or the pairs of two `sample_columns`.
 * - `xy`: the complete pairs of x_axis and y_axis.
 * - `table`: the contingency table of group_column (rows) by target_column (columns), both of any type.
 * - `categories`: the counts of each value of target_column (any type).
 */
export type SampleLayout = "one" | "two" | "k" | "paired" | "one_or_paired" | "xy" | "table" | "categories";

/** The plan fields that name a test's samples. */
export const SAMPLE_FIELDS = ["target_column", "group_column", "groups", "sample_columns", "x_axis", "y_axis"] as const;
export type SampleField = (typeof SAMPLE_FIELDS)[number];

/** A test's own parameters besides `alpha` (which every test takes). */
export const TEST_PARAMS = ["alternative", "popmean", "equal_var", "center", "expected_proportions"] as const;
export type TestParam = (typeof TEST_PARAMS)[number];

/** One way of naming the samples: these fields must be given, these may be. */
export interface SampleForm {
  readonly required: readonly SampleField[];
  readonly optional: readonly SampleField[];
  /** How many sample_columns / groups this form takes: [min, max]. */
  readonly count?: readonly [number, number];
}

/** The forms of each layout, in the order a message lists them. */
export const LAYOUT_FORMS: Readonly<Record<SampleLayout, readonly SampleForm[]>> = {
  one: [{ required: ["target_column"], optional: [] }],
  categories: [{ required: ["target_column"], optional: [] }],
  two: [
    { required: ["target_column", "group_column", "groups"], optional: [], count: [2, 2] },
    { required: ["sample_columns"], optional: [], count: [2, 2] },
  ],
  k: [
    { required: ["target_column", "group_column"], optional: ["groups"], count: [2, Infinity] },
    { required: ["sample_columns"], optional: [], count: [2, Infinity] },
  ],
  table: [{ required: ["target_column", "group_column"], optional: ["groups"], count: [2, Infinity] }],
  paired: [{ required: ["sample_columns"], optional: [], count: [2, 2] }],
  one_or_paired: [
    { required: ["target_column"], optional: [] },
    { required: ["sample_columns"], optional: [], count: [2, 2] },
  ],
  xy: [{ required: ["x_axis", "y_axis"], optional: [] }],
};

/** Layouts whose target_column holds numbers (the others count its values, of any type). */
export const NUMERIC_TARGET_LAYOUTS: ReadonlySet<SampleLayout> = new Set(["one", "two", "k", "one_or_paired"]);

export interface TestRule {
  readonly layout: SampleLayout;
  /** Parameters the test takes (besides alpha). */
  readonly params: readonly TestParam[];
  /** Parameters it cannot run without. */
  readonly required: readonly TestParam[];
  /** The reference, for the schema description. */
  readonly summary: string;
  /** How the statistic is usually written ("W", "t", "U"...). */
  readonly statisticName: string;
  /** Normality tests draw a Q-Q plot of their sample. */
  readonly normality: boolean;
}

const rule = (layout: SampleLayout, statisticName: string, summary: string, params: readonly TestParam[] = [], required: readonly TestParam[] = []): TestRule => ({
  layout, params, required, summary, statisticName, normality: false,
});
const normality = (statisticName: string, summary: string, params: readonly TestParam[] = []): TestRule => ({
  ...rule("one", statisticName, summary, params), normality: true,
});

export const TEST_RULES: Readonly<Record<TestName, TestRule>> = {
  shapiro: normality("W", "Shapiro-Wilk normality test (scipy.stats.shapiro)"),
  normaltest: normality("K2", "D'Agostino-Pearson normality test (scipy.stats.normaltest)"),
  kstest: normality("D", "Kolmogorov-Smirnov test against a normal fitted by maximum likelihood (scipy.stats.kstest(x, 'norm', args=norm.fit(x)))", ["alternative"]),
  jarque_bera: normality("JB", "Jarque-Bera normality test (scipy.stats.jarque_bera)"),
  anderson: normality("A2", "Anderson-Darling normality test (scipy.stats.anderson(x, 'norm')): critical values, no p-value"),
  ttest_1samp: rule("one", "t", "one-sample t-test of the mean against popmean (scipy.stats.ttest_1samp)", ["popmean", "alternative"], ["popmean"]),
  ttest_ind: rule("two", "t", "two-sample t-test, Student's or Welch's with equal_var false (scipy.stats.ttest_ind)", ["equal_var", "alternative"]),
  ttest_rel: rule("paired", "t", "paired t-test of sample_columns[0] - sample_columns[1] (scipy.stats.ttest_rel)", ["alternative"]),
  mannwhitneyu: rule("two", "U", "Mann-Whitney U test (scipy.stats.mannwhitneyu); U of the first sample", ["alternative"]),
  wilcoxon: rule("one_or_paired", "W", "Wilcoxon signed-rank test of target_column, or of sample_columns[0] - sample_columns[1] (scipy.stats.wilcoxon)", ["alternative"]),
  f_oneway: rule("k", "F", "one-way ANOVA (scipy.stats.f_oneway)"),
  kruskal: rule("k", "H", "Kruskal-Wallis H test (scipy.stats.kruskal)"),
  levene: rule("k", "W", "Levene's test of equal variances (scipy.stats.levene)", ["center"]),
  chi2_contingency: rule("table", "chi2", "chi-square test of independence of group_column and target_column, Yates' correction for 2x2 (scipy.stats.chi2_contingency)"),
  chisquare: rule("categories", "chi2", "chi-square goodness of fit of target_column's value counts, uniform or expected_proportions (scipy.stats.chisquare)", ["expected_proportions"]),
  kendalltau: rule("xy", "tau", "Kendall's tau-b of x_axis and y_axis (scipy.stats.kendalltau)", ["alternative"]),
};

/**
 * Names analysts (and models) give these tests, written without case or punctuation, and the scipy name each
 * means: the `suggestion` of an `invalid_value` for `test` ("t-test" suggests ttest_ind, "ANOVA" f_oneway), where
 * spelling distance alone would mislead ("ttest" is closest to kstest).
 */
export const TEST_ALIASES: Readonly<Record<string, TestName>> = {
  shapirowilk: "shapiro", shapirowilks: "shapiro", sw: "shapiro",
  dagostino: "normaltest", dagostinopearson: "normaltest", normality: "normaltest",
  ks: "kstest", kolmogorovsmirnov: "kstest", kolmogorov: "kstest", lilliefors: "kstest",
  jb: "jarque_bera", jarquebera: "jarque_bera",
  ad: "anderson", andersondarling: "anderson",
  ttest: "ttest_ind", tttest: "ttest_ind", twosamplettest: "ttest_ind", independentttest: "ttest_ind", ttestindependent: "ttest_ind",
  welch: "ttest_ind", welchttest: "ttest_ind", studentttest: "ttest_ind", studentt: "ttest_ind",
  onesamplettest: "ttest_1samp", ttestonesample: "ttest_1samp", ttest1sample: "ttest_1samp",
  pairedttest: "ttest_rel", ttestpaired: "ttest_rel", dependentttest: "ttest_rel",
  mannwhitney: "mannwhitneyu", mwu: "mannwhitneyu", utest: "mannwhitneyu", ranksum: "mannwhitneyu", wilcoxonranksum: "mannwhitneyu",
  wilcoxonsignedrank: "wilcoxon", signedrank: "wilcoxon",
  anova: "f_oneway", onewayanova: "f_oneway", ftest: "f_oneway",
  kruskalwallis: "kruskal", kw: "kruskal",
  levenetest: "levene", brownforsythe: "levene",
  chi2: "chi2_contingency", chisquaretest: "chi2_contingency", chisquareindependence: "chi2_contingency", independence: "chi2_contingency", contingency: "chi2_contingency",
  goodnessoffit: "chisquare", chisquaregoodnessoffit: "chisquare", gof: "chisquare",
  kendall: "kendalltau", kendalltaub: "kendalltau", tau: "kendalltau",
};

/** One plan per test, for the plan JSON Schema (the column names are an example's). */
export const TEST_EXAMPLES: Readonly<Record<TestName, Record<string, unknown>>> = {
  shapiro: { operation: "test", test: "shapiro", target_column: "Fare" },
  normaltest: { operation: "test", test: "normaltest", target_column: "Fare" },
  kstest: { operation: "test", test: "kstest", target_column: "Close" },
  jarque_bera: { operation: "test", test: "jarque_bera", target_column: "Returns" },
  anderson: { operation: "test", test: "anderson", target_column: "Height", alpha: 0.01 },
  ttest_1samp: { operation: "test", test: "ttest_1samp", target_column: "Weight", popmean: 70 },
  ttest_ind: { operation: "test", test: "ttest_ind", target_column: "Age", group_column: "Sex", groups: ["male", "female"], equal_var: false },
  ttest_rel: { operation: "test", test: "ttest_rel", sample_columns: ["score_before", "score_after"] },
  mannwhitneyu: { operation: "test", test: "mannwhitneyu", target_column: "Age", group_column: "Sex", groups: ["male", "female"] },
  wilcoxon: { operation: "test", test: "wilcoxon", sample_columns: ["score_before", "score_after"], alternative: "less" },
  f_oneway: { operation: "test", test: "f_oneway", target_column: "LoanAmount", group_column: "Education" },
  kruskal: { operation: "test", test: "kruskal", target_column: "Fare", group_column: "Pclass" },
  levene: { operation: "test", test: "levene", sample_columns: ["group_a", "group_b", "group_c"] },
  chi2_contingency: { operation: "test", test: "chi2_contingency", target_column: "Survived", group_column: "Sex" },
  chisquare: { operation: "test", test: "chisquare", target_column: "Embarked", expected_proportions: [{ value: "S", proportion: 0.7 }, { value: "C", proportion: 0.2 }, { value: "Q", proportion: 0.1 }] },
  kendalltau: { operation: "test", test: "kendalltau", x_axis: "Rank", y_axis: "Score" },
};

/** The parameter defaults normalisation fills in where the test takes the parameter. */
export const TEST_PARAM_DEFAULTS: Readonly<Partial<Record<TestParam, unknown>>> = {
  alternative: "two-sided",
  equal_var: true,
  center: "median",
};

/** Default significance level. */
export const DEFAULT_ALPHA = 0.05;

/**
 * The rule of a test name, undefined for a name that is not a test (validated plans only name known tests).
 *
 * @example testRule("ttest_ind")?.layout // "two"
 */
export function testRule(name: string): TestRule | undefined {
  return Object.hasOwn(TEST_RULES, name) ? TEST_RULES[name as TestName] : undefined;
}
