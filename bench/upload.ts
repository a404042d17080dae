/**
 * Upload pipeline benchmark: parse + type inference + profile + snapshot encode of the ~10 MB bench CSV,
 * snapshot decode (bench file and a ~115k-distinct string column), and pandas.read_csv on the same bytes for
 * the ratio. Medians over RUNS runs.
 *
 * The ratio to pandas is taken run by run: each pipeline run is followed at once by one read_csv in a Python
 * process kept open for the whole benchmark, and each pair is compared in CPU time (user + system, every thread
 * of each process). On the shared 2-core development machine wall time mostly measures the other processes: a
 * read_csv of ~0.4 s of CPU took 0.5-1.2 s of wall within one minute, and pandas, timed apart a few seconds after
 * the pipeline, met a different machine, which made the old wall-time ratio swing between 0.34x and 1.51x from
 * run to run. The Workers limits are CPU time too. Wall times are reported beside it.
 *
 * Heap, in MiB above a collected baseline (heapUsed + arrayBuffers; the upload bytes are in the baseline):
 * - upper bound: the largest reading at a stage boundary with no GC in between, over all runs including the
 *   first (cold JIT: unoptimised code boxes every double, leaving young-generation garbage a scavenge would
 *   reclaim). Garbage collected *during* a stage is not seen, so this bounds what the stages leave, not an
 *   instant inside a stage;
 * - live: a separate run with a forced GC at each boundary, i.e. the data the pipeline really holds
 *   (table, then table + profile, then table + profile + snapshot).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseCsv } from "../src/engine/csv/parse-csv.js";
import { profileTable } from "../src/engine/profile/profile-table.js";
import { decodeSnapshot, encodeSnapshot } from "../src/engine/table/snapshot.js";
import { generateBenchCsv, generateDistinctNotesCsv } from "./datasets.js";
import { median } from "./timing.js";

export interface BenchRow {
  name: string;
  median_ms: number;
  note: string;
}

const RUNS = 7;
/** Pipeline / read_csv pairs for the ratio, after PAIR_WARMUP pairs (JIT, first-touch page faults) that do not count. */
const PAIRS = 11;
const PAIR_WARMUP = 2;
const PYTHON = "/usr/bin/python3";

function heapNow(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One run: wall and CPU milliseconds (user + system, every thread of the process), system part, minor page faults. */
interface Timed {
  wall: number;
  cpu: number;
  system: number;
  faults: number;
}

/** The process's CPU so far (every thread: V8's GC helpers included), its system part, and its minor page faults. */
function usageNow(): Omit<Timed, "wall"> {
  const usage = process.resourceUsage();
  return { cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, system: usage.systemCPUTime / 1000, faults: usage.minorPageFault };
}

/**
 * A Python process that runs one pandas.read_csv of `path` per request, after a gc.collect(), and answers its
 * wall, CPU (user + system), system milliseconds and minor page faults; null when pandas is unavailable.
 */
function startPandas(path: string): { readCsv(): Promise<Timed>; close(): void } | null {
  if (!existsSync(PYTHON)) return null;
  const script = `import gc, resource, sys, time, pandas as pd
for _ in sys.stdin:
    gc.collect()
    w, r = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    pd.read_csv(${JSON.stringify(path)})
    e = resource.getrusage(resource.RUSAGE_SELF)
    user, system = (e.ru_utime - r.ru_utime) * 1000, (e.ru_stime - r.ru_stime) * 1000
    print((time.perf_counter() - w) * 1000, user + system, system, e.ru_minflt - r.ru_minflt, flush=True)`;
  const python = spawn(PYTHON, ["-c", script], { stdio: ["pipe", "pipe", "inherit"] });
  const answers = createInterface({ input: python.stdout })[Symbol.asyncIterator]();
  return {
    async readCsv() {
      python.stdin.write("\n");
      const { value, done } = await answers.next();
      if (done) throw new Error("the pandas process ended");
      const [wall, cpu, system, faults] = String(value).split(" ").map(Number);
      return { wall, cpu, system, faults };
    },
    close: () => python.stdin.end(),
  };
}

function range(values: number[], digits: number): string {
  return `${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}`;
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
  const pairs = await timePairs(bytes, csvPath);
  const uploadMs = median(upload);
  const mib = (x: number) => (x / 1048576).toFixed(1);
  const versus = pairs === null ? "" : (() => {
    const cpuRatios = pairs.map(([ts, py]) => ts.cpu / py.cpu);
    const wallRatios = pairs.map(([ts, py]) => ts.wall / py.wall);
    return `, ${median(cpuRatios).toFixed(2)}x pandas.read_csv in CPU time (median of ${pairs.length} interleaved pairs, ` +
      `${range(cpuRatios, 2)}; wall ${median(wallRatios).toFixed(2)}x, ${range(wallRatios, 2)})`;
  })();

  const result: BenchRow[] = [
    {
      name: "upload: parse + infer + profile + snapshot encode",
      median_ms: uploadMs,
      note: `${megabytes.toFixed(2)} MB, ${rows} rows x 10 cols, ${(megabytes / (uploadMs / 1000)).toFixed(1)} MB/s` + versus +
        `; peak extra heap: upper bound (no GC between stages) ${mib(Math.max(...bounds))} MiB (first run ${mib(bounds[0])}, ` +
        `median ${mib(median(bounds))}), live (forced GC) ${mib(live[0])} table, ${mib(live[1])} + profile, ${mib(live[2])} + snapshot`,
    },
    { name: "  parse + infer (parseCsv)", median_ms: median(stages.parse), note: "" },
    { name: "  profileTable", median_ms: median(stages.profile), note: "" },
    { name: "  encodeSnapshot", median_ms: median(stages.encode), note: `${(snapshot.length / 1_000_000).toFixed(2)} MB Arrow IPC` },
    { name: "snapshot decode (decodeSnapshot)", median_ms: median(decode), note: "zero-copy views" },
    { name: "snapshot decode, high-cardinality string", median_ms: median(decodeDistinct), note: `145000 rows, ${distinctCount} distinct strings` },
  ];
  if (pairs !== null) {
    const of = (i: 0 | 1, key: keyof Timed) => pairs.map((pair) => pair[i][key]);
    const detail = (i: 0 | 1) =>
      `${range(of(i, "cpu"), 0)} ms; system ${median(of(i, "system")).toFixed(0)} ms, ${median(of(i, "faults"))} page faults; wall ${median(of(i, "wall")).toFixed(0)} ms`;
    result.push(
      { name: "upload pipeline, CPU time (interleaved with pandas)", median_ms: median(of(0, "cpu")), note: detail(0) },
      { name: "pandas.read_csv (reference), CPU time", median_ms: median(of(1, "cpu")), note: `${detail(1)}, timed inside Python` },
    );
  }
  return result;
}

/** PAIRS pipeline runs, each followed by one pandas.read_csv, after PAIR_WARMUP pairs; null without pandas. */
async function timePairs(bytes: Uint8Array, csvPath: string): Promise<Array<[Timed, Timed]> | null> {
  const pandas = startPandas(csvPath);
  if (pandas === null) return null;
  try {
    const pairs: Array<[Timed, Timed]> = [];
    for (let run = 0; run < PAIR_WARMUP + PAIRS; run++) {
      collect();
      const wall = performance.now();
      const before = usageNow();
      const table = parseCsv(bytes);
      profileTable(table);
      encodeSnapshot(table);
      const after = usageNow();
      const pipeline = { wall: performance.now() - wall, cpu: after.cpu - before.cpu, system: after.system - before.system, faults: after.faults - before.faults };
      const reference = await pandas.readCsv();
      if (run >= PAIR_WARMUP) pairs.push([pipeline, reference]);
    }
    return pairs;
  } catch {
    return null;
  } finally {
    pandas.close();
  }
}

/** Live heap at each stage boundary: [table, table + profile, table + profile + snapshot]. */
function measureLive(bytes: Uint8Array): number[] {
  // twice: a single collection may leave the previous runs' array buffers counted until it has swept them
  collect();
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
