/**
 * Plan v2 benchmark on the ~10 MB bench dataset: plans with steps (derived columns, expression filters,
 * outlier removal) against pandas doing the same work on a loaded DataFrame in the same run. Medians over RUNS
 * runs after WARM_UP runs; the engine's time includes validation of nothing (plans are already normalised) and
 * covers steps + operation, as a warm request does.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs before timing: the engine's code is optimised by then, as in an isolate that has served a few plans. */
const WARM_UP = 5;

function time(run: () => unknown): number {
  for (let i = 0; i < WARM_UP; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** pandas' median time per query (ms), each timed inside one Python process on the loaded DataFrame. */
export function timePandasQueries(path: string, list: readonly V2Query[]): Record<string, number> {
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
    out[name] = statistics.median(ts)
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
    const reference = pandas[query.name];
    const ratio = reference === undefined ? "n/a" : `${(warm / reference).toFixed(2)}x`;
    return { name: query.name, median_ms: warm, note: `pandas ${reference?.toFixed(2) ?? "n/a"} ms (ratio ${ratio})` };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const list = process.argv.includes("--results") ? RESULT_QUERIES : STEP_QUERIES;
  for (const row of await benchPlanV2(list)) console.log(`| ${row.name} | ${row.median_ms.toFixed(2)} | ${row.note} |`);
}
