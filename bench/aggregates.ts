/**
 * Timing of the aggregation kernels against pandas on the 145,000-row benchmark dataset (bench/datasets.ts),
 * run by hand, not by `npm run bench`:
 *
 *   npx tsx bench/aggregates.ts
 *
 * Each measurement is the median of RUNS runs after a warm-up, on an already parsed table (pandas: a loaded
 * DataFrame, timed inside Python), taken in alternating rounds so both sides see the same machine load.
 * Grouped measurements include grouping on both sides (a fresh `groupby` per run; the engine's groupRows).
 */
import { findAggregateOp } from "../src/engine/aggregates/aggregate-ops.js";
import { crosstab } from "../src/engine/aggregates/crosstab.js";
import { describe } from "../src/engine/aggregates/describe.js";
import { valueCounts } from "../src/engine/aggregates/value-counts.js";
import { parseCsv } from "../src/engine/csv/parse-csv.js";
import { frameColumn, initialFrame } from "../src/engine/frame/frame.js";
import { groupRows } from "../src/engine/ops/group-rows.js";
import type { Table } from "../src/engine/table/types.js";
import { generateBenchCsv } from "./datasets.js";
import { LOAD_BENCH_FRAME, startPythonReference, writeTempFile } from "./python-reference.js";
import { median, ratio, timeRuns } from "./timing.js";

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
      const grouping = groupRows(initialFrame(table), rows, ["region"]);
      const price = frameColumn(initialFrame(table), "price", "plan");
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
      const grouping = groupRows(initialFrame(table), rows, ["region"]);
      const price = frameColumn(initialFrame(table), "price", "plan");
      return ["count", "sum", "mean", "std", "min", "max"].map((name) => op(name).grouped(price, grouping, {}));
    },
    pandas: "g = df.groupby('region')['price']; [g.count(), g.sum(), g.mean(), g.std(), g.min(), g.max()]",
  },
  {
    name: "quantile 0.9 of price",
    engine: (table, rows) => op("quantile").ungrouped(frameColumn(initialFrame(table), "price", "plan"), rows, { q: 0.9 }),
    pandas: "df['price'].quantile(0.9)",
  },
  {
    name: "quantile 0.9 of price by region",
    engine: (table, rows) => op("quantile").grouped(frameColumn(initialFrame(table), "price", "plan"), groupRows(initialFrame(table), rows, ["region"]), { q: 0.9 }),
    pandas: "df.groupby('region')['price'].quantile(0.9)",
  },
  {
    name: "value_counts of region (string)",
    engine: (table, rows) => valueCounts(frameColumn(initialFrame(table), "region", "plan"), rows),
    pandas: "df['region'].value_counts()",
  },
  {
    name: "value_counts of price (float, ~10k distinct)",
    engine: (table, rows) => valueCounts(frameColumn(initialFrame(table), "price", "plan"), rows),
    pandas: "df['price'].value_counts()",
  },
  {
    name: "value_counts of id (145k distinct), limit 10",
    engine: (table, rows) => valueCounts(frameColumn(initialFrame(table), "id", "plan"), rows, { limit: 10 }),
    pandas: "df['id'].value_counts().head(10)",
  },
  {
    name: "describe of price",
    engine: (table, rows) => describe(frameColumn(initialFrame(table), "price", "plan"), rows),
    pandas: "df['price'].describe()",
  },
  {
    name: "crosstab region x status, margins",
    engine: (table, rows) => crosstab(frameColumn(initialFrame(table), "region", "plan"), frameColumn(initialFrame(table), "status", "plan"), rows, { margins: true }),
    pandas: "pd.crosstab(df['region'], df['status'], margins=True)",
  },
  {
    name: "mode of note (string)",
    engine: (table, rows) => op("mode").ungrouped(frameColumn(initialFrame(table), "note", "plan"), rows, {}),
    pandas: "df['note'].mode()",
  },
];

const ROUNDS = 3;
const csv = generateBenchCsv();
const table = parseCsv(csv);
const rows = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
const pandas = startPythonReference(LOAD_BENCH_FRAME, [writeTempFile("bench.csv", csv)]);
console.log(`${table.rowCount} rows; per side the median over ${ROUNDS} alternating rounds of the median of ${RUNS} runs\n`);
console.log("| measurement | engine ms | pandas ms | ratio |\n|---|---:|---:|---:|");
for (const m of MEASUREMENTS) {
  const engine: number[] = [];
  const reference: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    reference.push((await pandas.time(m.pandas, { runs: RUNS }))?.median ?? Number.NaN);
    engine.push(timeRuns(() => m.engine(table, rows), { runs: RUNS }).median);
  }
  const [e, p] = [median(engine), median(reference)];
  console.log(`| ${m.name} | ${e.toFixed(2)} | ${p.toFixed(2)} | ${ratio(e, p)} |`);
}
pandas.close();
