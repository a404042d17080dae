/**
 * Timing of the aggregation kernels against pandas on the 145,000-row benchmark dataset (bench/datasets.ts),
 * run by hand, not by the test suite:
 *
 *   npx tsx src/engine/aggregates/time-aggregates.ts
 *
 * Each measurement is the median of RUNS runs after a warm-up, on an already parsed table (pandas: a loaded
 * DataFrame, timed inside Python). Grouped measurements include grouping on both sides (a fresh
 * `groupby` per run; the engine's groupRows).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateBenchCsv } from "../../../bench/datasets";
import { parseCsv } from "../csv/parse-csv";
import { findColumn } from "../ops/find-column";
import { groupRows } from "../ops/group-rows";
import type { Table } from "../table/types";
import { findAggregateOp } from "./aggregate-ops";
import { crosstab } from "./crosstab";
import { describe } from "./describe";
import { valueCounts } from "./value-counts";

const RUNS = 21;

interface Measurement {
  name: string;
  engine: (table: Table, rows: Uint32Array) => unknown;
  pandas: string;
}

function op(name: string) {
  const found = findAggregateOp(name);
  if (found === undefined) throw new Error(name);
  return found;
}

const MEASUREMENTS: Measurement[] = [
  {
    name: "6 aggregations of price by region (min, max, median, q1, q3, skew)",
    engine(table, rows) {
      const grouping = groupRows(table, rows, ["region"]);
      const price = findColumn(table, "price", "plan");
      return [
        op("min").grouped(price, grouping, {}),
        op("max").grouped(price, grouping, {}),
        op("median").grouped(price, grouping, {}),
        op("quantile").grouped(price, grouping, { q: 0.25 }),
        op("quantile").grouped(price, grouping, { q: 0.75 }),
        op("skew").grouped(price, grouping, {}),
      ];
    },
    pandas: "g = df.groupby('region')['price']; [g.min(), g.max(), g.median(), g.quantile(0.25), g.quantile(0.75), g.skew()]",
  },
  {
    name: "6 aggregations of price by region (count, sum, mean, std, min, max)",
    engine(table, rows) {
      const grouping = groupRows(table, rows, ["region"]);
      const price = findColumn(table, "price", "plan");
      return ["count", "sum", "mean", "std", "min", "max"].map((name) => op(name).grouped(price, grouping, {}));
    },
    pandas: "g = df.groupby('region')['price']; [g.count(), g.sum(), g.mean(), g.std(), g.min(), g.max()]",
  },
  {
    name: "quantile 0.9 of price",
    engine: (table, rows) => op("quantile").ungrouped(findColumn(table, "price", "plan"), rows, { q: 0.9 }),
    pandas: "df['price'].quantile(0.9)",
  },
  {
    name: "quantile 0.9 of price by region",
    engine: (table, rows) => op("quantile").grouped(findColumn(table, "price", "plan"), groupRows(table, rows, ["region"]), { q: 0.9 }),
    pandas: "df.groupby('region')['price'].quantile(0.9)",
  },
  {
    name: "value_counts of region (string)",
    engine: (table, rows) => valueCounts(findColumn(table, "region", "plan"), rows),
    pandas: "df['region'].value_counts()",
  },
  {
    name: "value_counts of price (float, ~10k distinct)",
    engine: (table, rows) => valueCounts(findColumn(table, "price", "plan"), rows),
    pandas: "df['price'].value_counts()",
  },
  {
    name: "value_counts of id (145k distinct), limit 10",
    engine: (table, rows) => valueCounts(findColumn(table, "id", "plan"), rows, { limit: 10 }),
    pandas: "df['id'].value_counts().head(10)",
  },
  {
    name: "describe of price",
    engine: (table, rows) => describe(findColumn(table, "price", "plan"), rows),
    pandas: "df['price'].describe()",
  },
  {
    name: "crosstab region x status, margins",
    engine: (table, rows) => crosstab(findColumn(table, "region", "plan"), findColumn(table, "status", "plan"), rows, { margins: true }),
    pandas: "pd.crosstab(df['region'], df['status'], margins=True)",
  },
  {
    name: "mode of note (string)",
    engine: (table, rows) => op("mode").ungrouped(findColumn(table, "note", "plan"), rows, {}),
    pandas: "df['note'].mode()",
  },
];

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeEngine(run: () => unknown): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function timePandas(path: string): Record<string, number> {
  const script = `import json, sys, time, statistics, warnings
warnings.filterwarnings("ignore")
import pandas as pd
df = pd.read_csv(sys.argv[1], parse_dates=["day", "created_at"])
out = {}
for name, code in json.loads(sys.stdin.read()):
    exec(code)
    ts = []
    for _ in range(${RUNS}):
        t = time.perf_counter(); exec(code); ts.append((time.perf_counter() - t) * 1000)
    out[name] = statistics.median(ts)
print(json.dumps(out))`;
  const input = JSON.stringify(MEASUREMENTS.map((m) => [m.name, m.pandas]));
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script, path], { input, encoding: "utf8", maxBuffer: 1 << 24 }));
}

const csv = generateBenchCsv();
const path = join(mkdtempSync(join(tmpdir(), "wake-aggregates-")), "bench.csv");
writeFileSync(path, csv);
const table = parseCsv(csv);
const rows = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
const pandas = timePandas(path);
console.log(`${table.rowCount} rows, median of ${RUNS} runs\n\n| measurement | engine ms | pandas ms | ratio |\n|---|---:|---:|---:|`);
for (const m of MEASUREMENTS) {
  const engine = timeEngine(() => m.engine(table, rows));
  const reference = pandas[m.name];
  console.log(`| ${m.name} | ${engine.toFixed(2)} | ${reference.toFixed(2)} | ${(engine / reference).toFixed(2)}x |`);
}
