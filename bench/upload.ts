/**
 * Upload pipeline benchmark: parse + type inference + profile + snapshot encode of the ~10 MB bench CSV,
 * snapshot decode (bench file and a ~115k-distinct string column), and pandas.read_csv on the same bytes for
 * the ratio. Medians over RUNS runs.
 *
 * Heap, in MiB above a collected baseline (heapUsed + arrayBuffers; the upload bytes are in the baseline):
 * - upper bound: the largest reading at a stage boundary with no GC in between, over all runs including the
 *   first (cold JIT: unoptimised code boxes every double, leaving young-generation garbage a scavenge would
 *   reclaim). Garbage collected *during* a stage is not seen, so this bounds what the stages leave, not an
 *   instant inside a stage;
 * - live: a separate run with a forced GC at each boundary, i.e. the data the pipeline really holds
 *   (table, then table + profile, then table + profile + snapshot).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv } from "../src/engine/csv/parse-csv.js";
import { profileTable } from "../src/engine/profile/profile-table.js";
import { decodeSnapshot, encodeSnapshot } from "../src/engine/table/snapshot.js";
import { generateBenchCsv, generateDistinctNotesCsv } from "./datasets.js";

export interface BenchRow {
  name: string;
  median_ms: number;
  note: string;
}

const RUNS = 7;
const PYTHON = "/usr/bin/python3";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function heapNow(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Times pandas.read_csv inside Python (interpreter start-up excluded); null when pandas is unavailable. */
function timePandas(path: string): number | null {
  if (!existsSync(PYTHON)) return null;
  const script = `import time, statistics, pandas as pd
ts = []
for _ in range(${RUNS}):
    t = time.perf_counter(); pd.read_csv(${JSON.stringify(path)}); ts.append((time.perf_counter() - t) * 1000)
print(statistics.median(ts))`;
  try {
    return Number(execFileSync(PYTHON, ["-c", script], { encoding: "utf8" }).trim());
  } catch {
    return null;
  }
}

/**
 * Runs the upload benchmark and returns one row per measurement.
 *
 * @example
 * for (const row of await benchUpload()) console.log(row.name, row.median_ms);
 */
export async function benchUpload(): Promise<BenchRow[]> {
  const bytes = generateBenchCsv();
  const megabytes = bytes.length / 1_000_000;
  const upload: number[] = [];
  const stages = { parse: [] as number[], profile: [] as number[], encode: [] as number[] };
  const bounds: number[] = [];
  let rows = 0;

  for (let run = 0; run < RUNS; run++) {
    collect();
    const baseline = heapNow();
    const t0 = performance.now();
    const table = parseCsv(bytes);
    const t1 = performance.now();
    const afterParse = heapNow();
    const profile = profileTable(table);
    const t2 = performance.now();
    const afterProfile = heapNow();
    const snapshot = encodeSnapshot(table);
    const t3 = performance.now();
    bounds.push(Math.max(afterParse, afterProfile, heapNow()) - baseline);
    upload.push(t3 - t0);
    stages.parse.push(t1 - t0);
    stages.profile.push(t2 - t1);
    stages.encode.push(t3 - t2);
    rows = table.rowCount + profile.size * 0 + snapshot.length * 0;
  }
  const live = measureLive(bytes);
  const snapshot = encodeSnapshot(parseCsv(bytes));
  const decode = timeDecode(snapshot);
  const distinct = parseCsv(generateDistinctNotesCsv());
  const distinctCount = (distinct.columns[1] as { dictionary: readonly string[] }).dictionary.length;
  const decodeDistinct = timeDecode(encodeSnapshot(distinct));

  const dataDir = join(dirname(fileURLToPath(import.meta.url)), "data");
  mkdirSync(dataDir, { recursive: true });
  const csvPath = join(dataDir, "upload-145k.csv");
  writeFileSync(csvPath, bytes);
  const pandas = timePandas(csvPath);
  const uploadMs = median(upload);
  const mib = (x: number) => (x / 1048576).toFixed(1);

  const result: BenchRow[] = [
    {
      name: "upload: parse + infer + profile + snapshot encode",
      median_ms: uploadMs,
      note: `${megabytes.toFixed(2)} MB, ${rows} rows x 10 cols, ${(megabytes / (uploadMs / 1000)).toFixed(1)} MB/s` +
        (pandas ? `, ${(uploadMs / pandas).toFixed(2)}x pandas.read_csv` : "") +
        `; peak extra heap: upper bound (no GC between stages) ${mib(Math.max(...bounds))} MiB (first run ${mib(bounds[0])}, ` +
        `median ${mib(median(bounds))}), live (forced GC) ${mib(live[0])} table, ${mib(live[1])} + profile, ${mib(live[2])} + snapshot`,
    },
    { name: "  parse + infer (parseCsv)", median_ms: median(stages.parse), note: "" },
    { name: "  profileTable", median_ms: median(stages.profile), note: "" },
    { name: "  encodeSnapshot", median_ms: median(stages.encode), note: `${(snapshot.length / 1_000_000).toFixed(2)} MB Arrow IPC` },
    { name: "snapshot decode (decodeSnapshot)", median_ms: median(decode), note: "zero-copy views" },
    { name: "snapshot decode, high-cardinality string", median_ms: median(decodeDistinct), note: `145000 rows, ${distinctCount} distinct strings` },
  ];
  if (pandas !== null) result.push({ name: "pandas.read_csv (reference)", median_ms: pandas, note: "timed inside Python" });
  return result;
}

/** Live heap at each stage boundary: [table, table + profile, table + profile + snapshot]. */
function measureLive(bytes: Uint8Array): number[] {
  collect();
  const baseline = heapNow();
  const table = parseCsv(bytes);
  collect();
  const afterParse = heapNow() - baseline;
  const profile = profileTable(table);
  collect();
  const afterProfile = heapNow() - baseline;
  const snapshot = encodeSnapshot(table);
  collect();
  const afterEncode = heapNow() - baseline;
  // keep all three reachable until the last reading
  return [afterParse, afterProfile, afterEncode + 0 * (table.rowCount + profile.size + snapshot.length)];
}

function timeDecode(snapshot: Uint8Array): number[] {
  const times: number[] = [];
  for (let run = 0; run < RUNS * 3; run++) {
    const t0 = performance.now();
    decodeSnapshot(snapshot);
    times.push(performance.now() - t0);
  }
  return times;
}
