/**
 * Upload pipeline benchmark: parse + type inference + profile + snapshot encode of the ~10 MB bench CSV,
 * snapshot decode, and pandas.read_csv on the same bytes for the ratio. Medians over RUNS runs.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv } from "../src/engine/csv/parse-csv.js";
import { profileTable } from "../src/engine/profile/profile-table.js";
import { decodeSnapshot, encodeSnapshot } from "../src/engine/table/snapshot.js";
import { generateBenchCsv } from "./datasets.js";

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
  const decode: number[] = [];
  const stages = { parse: [] as number[], profile: [] as number[], encode: [] as number[] };
  let peak = 0;
  let snapshot: Uint8Array = new Uint8Array(0);
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
    snapshot = encodeSnapshot(table);
    const t3 = performance.now();
    // garbage from the stages is not collected in between, so stage-boundary readings bound the peak
    peak = Math.max(peak, afterParse - baseline, heapNow() - baseline);
    upload.push(t3 - t0);
    stages.parse.push(t1 - t0);
    stages.profile.push(t2 - t1);
    stages.encode.push(t3 - t2);
    rows = table.rowCount + profile.size * 0;
  }
  for (let run = 0; run < RUNS * 3; run++) {
    const t0 = performance.now();
    decodeSnapshot(snapshot);
    decode.push(performance.now() - t0);
  }

  const dataDir = join(dirname(fileURLToPath(import.meta.url)), "data");
  mkdirSync(dataDir, { recursive: true });
  const csvPath = join(dataDir, "upload-145k.csv");
  writeFileSync(csvPath, bytes);
  const pandas = timePandas(csvPath);
  const uploadMs = median(upload);

  const result: BenchRow[] = [
    {
      name: "upload: parse + infer + profile + snapshot encode",
      median_ms: uploadMs,
      note: `${megabytes.toFixed(2)} MB, ${rows} rows x 10 cols, ${(megabytes / (uploadMs / 1000)).toFixed(1)} MB/s, peak extra heap ${(peak / 1048576).toFixed(1)} MiB` +
        (pandas ? `, ${(uploadMs / pandas).toFixed(2)}x pandas.read_csv` : ""),
    },
    { name: "  parse + infer (parseCsv)", median_ms: median(stages.parse), note: "" },
    { name: "  profileTable", median_ms: median(stages.profile), note: "" },
    { name: "  encodeSnapshot", median_ms: median(stages.encode), note: `${(snapshot.length / 1_000_000).toFixed(2)} MB Arrow IPC` },
    { name: "snapshot decode (decodeSnapshot)", median_ms: median(decode), note: "zero-copy views" },
  ];
  if (pandas !== null) result.push({ name: "pandas.read_csv (reference)", median_ms: pandas, note: "timed inside Python" });
  return result;
}
