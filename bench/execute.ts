/**
 * Plan execution benchmark on the ~10 MB bench dataset: every operation with and without filters and
 * group_by, cold (snapshot decode + execute, what a request pays) and warm (table already decoded), against
 * the same queries in pandas (timed inside Python on a loaded DataFrame) and DuckDB (`SET threads=1`,
 * in-memory table, query time only). Medians over RUNS runs after a warm-up.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { parseCsv } from "../src/engine/csv/parse-csv.js";
import { executePlan } from "../src/engine/execute-plan.js";
import type { Filter, Plan } from "../src/engine/plan/plan-schema.js";
import { decodeSnapshot, encodeSnapshot } from "../src/engine/table/snapshot.js";
import { generateBenchCsv } from "./datasets.js";
import type { BenchRow } from "./upload.js";

const RUNS = 15;
const PYTHON = "/usr/bin/python3";

interface Query {
  name: string;
  plan: Plan;
  /** pandas expression over `df` (filtered frame is `f`). */
  pandas: string;
  sql: string;
}

const ACTIVE: Filter[] = [{ column: "status", operator: "==", value: "active" }];
const WHERE = "WHERE status = 'active'";
const PANDAS_FILTER = "f = df[df['status'] == 'active']";

function aggregation(op: Plan["operation"], sqlFn: string, pandasFn: string, filtered: boolean, grouped: boolean): Query {
  const target = op === "count" ? "price" : "price";
  const plan: Plan = { operation: op, target_column: target, filters: filtered ? ACTIVE : [], group_by: grouped ? ["region"] : [] };
  const frame = filtered ? PANDAS_FILTER : "f = df";
  const pandas = grouped ? `${frame}; f.groupby('region')['${target}'].${pandasFn}()` : `${frame}; f['${target}'].${pandasFn}()`;
  const sql = grouped
    ? `SELECT region, ${sqlFn}(${target}) FROM t ${filtered ? WHERE : ""} GROUP BY region ORDER BY region`
    : `SELECT ${sqlFn}(${target}) FROM t ${filtered ? WHERE : ""}`;
  return { name: `${op}${filtered ? " +filter" : ""}${grouped ? " +group_by" : ""}`, plan, pandas, sql };
}

function queries(): Query[] {
  const out: Query[] = [];
  const aggs: Array<[Plan["operation"], string, string]> = [
    ["mean", "avg", "mean"], ["sum", "sum", "sum"], ["count", "count", "count"], ["min", "min", "min"],
    ["max", "max", "max"], ["std", "stddev_samp", "std"], ["median", "median", "median"],
  ];
  for (const [op, sqlFn, pandasFn] of aggs) {
    for (const [filtered, grouped] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      out.push(aggregation(op, sqlFn, pandasFn, filtered, grouped));
    }
  }
  out.push({
    name: "correlation pearson", plan: { operation: "correlation", x_axis: "price", y_axis: "score", method: "pearson", filters: [], group_by: [] },
    pandas: "p = df[['price','score']].dropna(); scipy.stats.pearsonr(p['price'], p['score'])",
    sql: "SELECT corr(score, price) FROM t",
  });
  out.push({
    name: "correlation spearman", plan: { operation: "correlation", x_axis: "price", y_axis: "score", method: "spearman", filters: [], group_by: [] },
    pandas: "p = df[['price','score']].dropna(); scipy.stats.spearmanr(p['price'], p['score'])",
    sql: "SELECT corr(rx, ry) FROM (SELECT rank() OVER (ORDER BY price) AS rx, rank() OVER (ORDER BY score) AS ry FROM t WHERE price IS NOT NULL)",
  });
  out.push({
    name: "regression +filter +group_by", plan: { operation: "regression", x_axis: "score", y_axis: "price", confidence: 0.95, filters: ACTIVE, group_by: ["region"] },
    pandas: `${PANDAS_FILTER}; [sm.OLS(g['price'], sm.add_constant(g['score'])).fit().bse for _, g in f.dropna(subset=['price','score']).groupby('region')]`,
    sql: `SELECT region, regr_slope(price, score), regr_intercept(price, score), regr_r2(price, score) FROM t ${WHERE} GROUP BY region ORDER BY region`,
  });
  out.push({
    name: "forecast linear (day)", plan: { operation: "forecast", target_column: "price", time_column: "day", horizon: 12, forecast_method: "linear", confidence: 0.95, filters: [], group_by: [] },
    pandas: "s = df.dropna(subset=['price']).groupby('day')['price'].mean(); x = (s.index - s.index[0]).days.values; r = sm.OLS(s.values, sm.add_constant(x)).fit(); r.get_prediction(sm.add_constant(x[-12:] + 12.0)).summary_frame(alpha=0.05)",
    sql: "SELECT regr_slope(p, d), regr_intercept(p, d) FROM (SELECT epoch(day) / 86400 AS d, avg(price) AS p FROM t GROUP BY day)",
  });
  out.push({
    name: "forecast holt (day)", plan: { operation: "forecast", target_column: "price", time_column: "day", horizon: 12, forecast_method: "holt", confidence: 0.95, filters: [], group_by: [] },
    pandas: "s = df.dropna(subset=['price']).groupby('day')['price'].mean(); ExponentialSmoothing(s.values, trend='add', initialization_method='estimated').fit().forecast(12)",
    sql: "SELECT 1",
  });
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => unknown): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function timePandas(path: string, list: Query[]): Record<string, number> {
  const script = `import json, sys, time, statistics, warnings
warnings.filterwarnings("ignore")
import pandas as pd, scipy.stats, statsmodels.api as sm
from statsmodels.tsa.holtwinters import ExponentialSmoothing
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

async function timeDuckDb(path: string, list: Query[]): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run("SET threads=1");
  await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv_auto('${path}')`);
  const out: Record<string, number> = {};
  for (const query of list) {
    await connection.runAndReadAll(query.sql);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await connection.runAndReadAll(query.sql);
      samples.push(performance.now() - start);
    }
    out[query.name] = median(samples);
  }
  connection.closeSync?.();
  return out;
}

const ratio = (a: number, b: number | undefined): string => (b === undefined || !(b > 0) ? "n/a" : `${(a / b).toFixed(2)}x`);

/**
 * Runs the execution benchmark; one row per query and mode with the pandas and DuckDB ratios in the note.
 * Targets: warm filter + group_by mean <= 0.5x DuckDB; every cold aggregation under 10 ms.
 *
 * @example for (const row of await benchExecute()) console.log(row.name, row.median_ms);
 */
export async function benchExecute(): Promise<BenchRow[]> {
  const csv = generateBenchCsv();
  const path = join(mkdtempSync(join(tmpdir(), "wake-bench-")), "bench.csv");
  writeFileSync(path, csv);
  const snapshot = encodeSnapshot(parseCsv(csv));
  const table = decodeSnapshot(snapshot);
  const list = queries();
  const pandas = timePandas(path, list);
  const duck = await timeDuckDb(path, list);
  const rows: BenchRow[] = [];
  for (const query of list) {
    const warm = time(() => executePlan(table, query.plan));
    const cold = time(() => executePlan(decodeSnapshot(snapshot), query.plan));
    const note = `pandas ${pandas[query.name]?.toFixed(2) ?? "n/a"} ms (${ratio(warm, pandas[query.name])}), DuckDB ${duck[query.name]?.toFixed(2) ?? "n/a"} ms (${ratio(warm, duck[query.name])})`;
    rows.push({ name: `${query.name} — warm`, median_ms: warm, note });
    rows.push({ name: `${query.name} — cold (decode + execute)`, median_ms: cold, note: `${(csv.length / 1e6).toFixed(1)} MB, ${table.rowCount} rows` });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchExecute()) console.log(`| ${row.name} | ${row.median_ms.toFixed(3)} | ${row.note} |`);
}
