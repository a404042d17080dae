/**
 * Plan v2 benchmark on the ~10 MB bench dataset: plans with steps (derived columns, expression filters,
 * outlier removal), results (several aggregations, quantiles, value counts, top-N), and tests and models, against
 * pandas (with scipy, statsmodels, scikit-learn) doing the same work on a loaded DataFrame in the same run.
 * `tsx bench/plan-v2.ts --results` or `--inference` runs one table alone. Medians and fastest of RUNS runs after
 * WARM_UP runs; the engine's time includes validation of nothing (plans are already normalised) and
 * covers steps + operation, as a warm request does.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseCsv } from "../src/engine/csv/parse-csv.js";
import { executePlan } from "../src/engine/execute-plan.js";
import { validatePlan } from "../src/engine/plan/validate-plan.js";
import type { Plan } from "../src/engine/plan/plan-schema.js";
import { decodeSnapshot, encodeSnapshot } from "../src/engine/table/snapshot.js";
import { generateBenchCsv } from "./datasets.js";
import type { BenchRow } from "./upload.js";

const RUNS = 15;
const PYTHON = "/usr/bin/python3";

/** A plan and the same work in pandas (over `df`, the loaded DataFrame). */
export interface V2Query {
  name: string;
  plan: unknown;
  pandas: string;
}

export const STEP_QUERIES: V2Query[] = [
  {
    name: "derive + filter + group_by mean",
    plan: {
      operation: "mean", target_column: "net", group_by: ["region"],
      steps: [{ derive: { name: "net", expr: "amount * 1.2 - price" } }, { filter: { expr: "net > 0 and status != 'closed'" } }],
    },
    pandas: "d = df.assign(net=df['amount'] * 1.2 - df['price']); d = d[(d['net'] > 0) & (d['status'] != 'closed')]; d.groupby('region')['net'].mean()",
  },
  {
    name: "z-score outliers + mean, std",
    plan: { operation: "std", target_column: "price", steps: [{ drop_outliers: { column: "price", method: "zscore", threshold: 1.5 } }] },
    pandas: "s = df['price']; z = scipy.stats.zscore(s, nan_policy='omit'); d = df[s.isna() | (np.abs(z) <= 1.5)]; d['price'].std()",
  },
  {
    name: "IQR outliers + median by group",
    plan: { operation: "median", target_column: "score", group_by: ["status"], steps: [{ drop_outliers: { column: "score", method: "iqr", multiplier: 0.5 } }] },
    pandas: "s = df['score']; q1, q3 = s.quantile(0.25), s.quantile(0.75); k = 0.5 * (q3 - q1); d = df[s.isna() | ((s >= q1 - k) & (s <= q3 + k))]; d.groupby('status')['score'].median()",
  },
  {
    name: "fill_missing median + drop_duplicates + count",
    plan: { operation: "count", target_column: "price", group_by: ["region"], steps: [{ fill_missing: { columns: ["price"], method: "median" } }, { drop_duplicates: { columns: ["region", "status", "is_member"] } }] },
    pandas: "d = df.assign(price=df['price'].fillna(df['price'].median())).drop_duplicates(subset=['region', 'status', 'is_member']); d.groupby('region')['price'].count()",
  },
  {
    name: "sort + derive (coalesce) + sum",
    plan: { operation: "sum", target_column: "change", steps: [{ sort: { by: [{ column: "day" }] } }, { derive: { name: "change", expr: "amount - coalesce(amount, 0)" } }] },
    pandas: "d = df.sort_values('day', kind='stable'); d = d.assign(change=d['amount'] - d['amount'].fillna(0)); d['change'].sum()",
  },
];

/** Plan v2 results: several aggregations per group, a quantile, value counts, and a top-N over groups. */
export const RESULT_QUERIES: V2Query[] = [
  {
    name: "6 aggregations by group (min, max, median, q1, q3, skew)",
    plan: {
      operation: "aggregate",
      group_by: ["region"],
      aggregations: [
        { op: "min", column: "price" }, { op: "max", column: "price" }, { op: "median", column: "price" },
        { op: "quantile", column: "price", q: 0.25, as: "q1" }, { op: "quantile", column: "price", q: 0.75, as: "q3" }, { op: "skew", column: "price" },
      ],
    },
    pandas: "g = df.groupby('region')['price']; pd.DataFrame({'min': g.min(), 'max': g.max(), 'median': g.median(), 'q1': g.quantile(0.25), 'q3': g.quantile(0.75), 'skew': g.skew()})",
  },
  {
    name: "quantile (q = 0.9)",
    plan: { operation: "aggregate", aggregations: [{ op: "quantile", column: "score", q: 0.9 }] },
    pandas: "df['score'].quantile(0.9)",
  },
  {
    name: "quantile by group (q = 0.9)",
    plan: { operation: "aggregate", group_by: ["status"], aggregations: [{ op: "quantile", column: "score", q: 0.9 }] },
    pandas: "df.groupby('status')['score'].quantile(0.9)",
  },
  {
    name: "value_counts (272 values)",
    plan: { operation: "value_counts", target_column: "note" },
    pandas: "df['note'].value_counts()",
  },
  {
    name: "top 10 days by total amount (2,000 groups)",
    plan: { operation: "aggregate", group_by: ["day"], aggregations: [{ op: "sum", column: "amount" }], sort: [{ column: "sum_amount", direction: "desc" }], limit: 10 },
    pandas: "df.groupby('day')['amount'].sum().sort_values(ascending=False, kind='stable').head(10)",
  },
  {
    name: "mean by month (period group_by)",
    plan: { operation: "aggregate", group_by: [{ column: "created_at", granularity: "month" }], aggregations: [{ op: "mean", column: "amount" }, { op: "count" }] },
    pandas: "k = df['created_at'].dt.to_period('M').dt.start_time; df.groupby(k)['amount'].agg(['mean', 'size'])",
  },
];

/**
 * Tests and models on the same dataset, each against scipy / statsmodels / scikit-learn doing the same
 * work from the loaded DataFrame: selecting the rows and samples, then the test or fit with its summary numbers.
 */
export const INFERENCE_QUERIES: V2Query[] = [
  {
    name: "Shapiro-Wilk on 5,000 values",
    plan: { operation: "test", test: "shapiro", target_column: "score", filters: [{ column: "id", operator: "<=", value: 5000 }] },
    pandas: "scipy.stats.shapiro(df.loc[df['id'] <= 5000, 'score'].dropna())",
  },
  {
    name: "Welch t-test, 145,000 rows in 2 groups",
    plan: { operation: "test", test: "ttest_ind", target_column: "price", group_column: "is_member", groups: [true, false], equal_var: false },
    pandas: "m = df['is_member']; scipy.stats.ttest_ind(df.loc[m, 'price'].dropna(), df.loc[~m, 'price'].dropna(), equal_var=False)",
  },
  {
    name: "one-way ANOVA, 145,000 rows in 8 groups",
    plan: { operation: "test", test: "f_oneway", target_column: "price", group_column: "region" },
    pandas: "scipy.stats.f_oneway(*[g.dropna().to_numpy() for _, g in df.groupby('region')['price']])",
  },
  {
    name: "OLS with 5 predictors (13 coefficients), 145,000 rows",
    plan: { operation: "ols", target_column: "price", predictors: ["amount", "score", "id", "is_member", "region"] },
    pandas: "import statsmodels.formula.api as smf; r = smf.ols('price ~ amount + score + id + is_member + region', df).fit(); (r.params, r.bse, r.pvalues, r.conf_int(), r.rsquared_adj, r.f_pvalue, r.aic, r.bic)",
  },
  {
    name: "logistic regression (scikit-learn defaults), 100,000 rows",
    plan: { operation: "logistic", target_column: "is_member", predictors: ["amount", "score", "price", "region"], filters: [{ column: "id", operator: "<=", value: 100000 }] },
    pandas:
      "from sklearn.linear_model import LogisticRegression; d = df.loc[df['id'] <= 100000, ['is_member', 'amount', 'score', 'price', 'region']].dropna(); " +
      "X = pd.get_dummies(d[['amount', 'score', 'price', 'region']], drop_first=True); LogisticRegression().fit(X, d['is_member'])",
  },
  {
    name: "Logit (statsmodels, penalty none), 100,000 rows",
    plan: { operation: "logistic", target_column: "is_member", penalty: "none", predictors: ["amount", "score", "price", "region"], filters: [{ column: "id", operator: "<=", value: 100000 }] },
    pandas:
      "import statsmodels.formula.api as smf; d = df.loc[df['id'] <= 100000].assign(y=lambda t: t['is_member'].astype(float)); " +
      "r = smf.logit('y ~ amount + score + price + region', d).fit(disp=0); (r.params, r.bse, r.pvalues, r.conf_int(), r.llr_pvalue)",
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs before timing: the engine's code is optimised by then, as in an isolate that has served a few plans. */
const WARM_UP = 5;

/** Median and fastest of RUNS runs after WARM_UP (on a shared machine the fastest is the better measure of the work). */
function time(run: () => unknown): { median: number; fastest: number } {
  for (let i = 0; i < WARM_UP; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return { median: median(samples), fastest: Math.min(...samples) };
}

/** pandas' [median, fastest] time per query (ms), each timed inside one Python process on the loaded DataFrame. */
export function timePandasQueries(path: string, list: readonly V2Query[]): Record<string, [number, number]> {
  const script = `import json, sys, time, statistics, warnings
warnings.filterwarnings("ignore")
import numpy as np, pandas as pd, scipy.stats
df = pd.read_csv(sys.argv[1], parse_dates=["day", "created_at"])
out = {}
for name, code in json.loads(sys.stdin.read()):
    exec(code)
    ts = []
    for _ in range(${RUNS}):
        t = time.perf_counter(); exec(code); ts.append((time.perf_counter() - t) * 1000)
    out[name] = [statistics.median(ts), min(ts)]
print(json.dumps(out))`;
  try {
    const input = JSON.stringify(list.map((q) => [q.name, q.pandas]));
    return JSON.parse(execFileSync(PYTHON, ["-c", script, path], { input, encoding: "utf8", maxBuffer: 1 << 24 }));
  } catch (error) {
    console.error("pandas timing failed:", (error as Error).message.slice(0, 500));
    return {};
  }
}

/**
 * Runs the plan v2 queries warm (table decoded) against pandas in the same run; the note gives pandas' time and
 * the ratio. Targets: no slower than pandas, every plan under 50 ms.
 *
 * @example for (const row of await benchPlanV2(STEP_QUERIES)) console.log(row.name, row.median_ms);
 */
export async function benchPlanV2(list: readonly V2Query[] = STEP_QUERIES): Promise<BenchRow[]> {
  const csv = generateBenchCsv();
  const path = join(mkdtempSync(join(tmpdir(), "wake-bench-")), "bench.csv");
  writeFileSync(path, csv);
  const table = decodeSnapshot(encodeSnapshot(parseCsv(csv)));
  const columns = table.columns.map((c) => ({ name: c.name, type: c.type }));
  const pandas = timePandasQueries(path, list);
  return list.map((query) => {
    const validation = validatePlan(query.plan, { columns });
    if (validation.plan === null) throw new Error(`${query.name}: ${JSON.stringify(validation.errors)}`);
    const plan: Plan = validation.plan;
    const warm = time(() => executePlan(table, plan));
    const [reference, referenceFastest] = pandas[query.name] ?? [Number.NaN, Number.NaN];
    const ratio = (a: number, b: number) => (Number.isNaN(b) ? "n/a" : `${(a / b).toFixed(2)}x`);
    const note = `pandas ${reference.toFixed(2)} ms (ratio ${ratio(warm.median, reference)}); fastest ${warm.fastest.toFixed(2)} vs ${referenceFastest.toFixed(2)} ms (${ratio(warm.fastest, referenceFastest)})`;
    return { name: query.name, median_ms: warm.median, note };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const list = process.argv.includes("--results") ? RESULT_QUERIES : process.argv.includes("--inference") ? INFERENCE_QUERIES : STEP_QUERIES;
  const load = () => loadavg().map((v) => v.toFixed(2)).join(" ");
  console.log(`load average before: ${load()}`);
  for (const row of await benchPlanV2(list)) console.log(`| ${row.name} | ${row.median_ms.toFixed(2)} | ${row.note} |`);
  console.log(`load average after: ${load()}`);
}
