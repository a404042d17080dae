/**
 * Plan execution benchmark on the ~10 MB bench dataset: every operation with and without filters and
 * group_by, cold (snapshot decode + execute, what a request pays) and warm (table already decoded), against
 * the same queries in pandas (timed inside Python on a loaded DataFrame) and DuckDB (`SET threads=1`,
 * in-memory table, query time only). Medians over RUNS runs after a warm-up.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { parseCsv } from "../src/engine/csv/parse-csv.js";
import { executePlan } from "../src/engine/execute-plan.js";
import type { Filter, Plan } from "../src/engine/plan/plan-schema.js";
import { decodeSnapshot, encodeSnapshot } from "../src/engine/table/snapshot.js";
import { generateBenchCsv } from "./datasets.js";
import { LOAD_BENCH_FRAME, timeReferenceSnippets, writeTempFile } from "./python-reference.js";
import { ratio, timeRuns, timeRunsAsync } from "./timing.js";
import type { BenchRow } from "./upload.js";

const RUNS = 15;

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

async function timeDuckDb(path: string, list: Query[]): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run("SET threads=1");
  await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv_auto('${path}')`);
  const out: Record<string, number> = {};
  for (const query of list) out[query.name] = (await timeRunsAsync(() => connection.runAndReadAll(query.sql), { runs: RUNS })).median;
  connection.closeSync?.();
  return out;
}

const PANDAS_SETUP = `import statsmodels.api as sm
from statsmodels.tsa.holtwinters import ExponentialSmoothing
${LOAD_BENCH_FRAME}`;

/**
 * Runs the execution benchmark; one row per query and mode with the pandas and DuckDB ratios in the note.
 * Targets: warm filter + group_by mean <= 0.5x DuckDB; every cold aggregation under 10 ms.
 *
 * @example for (const row of await benchExecute()) console.log(row.name, row.median_ms);
 */
export async function benchExecute(): Promise<BenchRow[]> {
  const csv = generateBenchCsv();
  const path = writeTempFile("bench.csv", csv);
  const snapshot = encodeSnapshot(parseCsv(csv));
  const table = decodeSnapshot(snapshot);
  const list = queries();
  const pandas = await timeReferenceSnippets(PANDAS_SETUP, [path], list.map((q) => [q.name, q.pandas]), { runs: RUNS });
  const duck = await timeDuckDb(path, list);
  const rows: BenchRow[] = [];
  for (const query of list) {
    const warm = timeRuns(() => executePlan(table, query.plan), { runs: RUNS }).median;
    const cold = timeRuns(() => executePlan(decodeSnapshot(snapshot), query.plan), { runs: RUNS }).median;
    const note = `pandas ${pandas[query.name]?.median.toFixed(2) ?? "n/a"} ms (${ratio(warm, pandas[query.name]?.median)}), DuckDB ${duck[query.name]?.toFixed(2) ?? "n/a"} ms (${ratio(warm, duck[query.name])})`;
    rows.push({ name: `${query.name} — warm`, median_ms: warm, note });
    rows.push({ name: `${query.name} — cold (decode + execute)`, median_ms: cold, note: `${(csv.length / 1e6).toFixed(1)} MB, ${table.rowCount} rows` });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchExecute()) console.log(`| ${row.name} | ${row.median_ms.toFixed(3)} | ${row.note} |`);
}
