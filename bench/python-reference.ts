/**
 * The reference side of the benchmarks: one Python process (pandas, numpy, scipy, statsmodels, scikit-learn) that
 * loads its data once and then times each snippet it is sent with the protocol of timing.ts (warm-up, then
 * median and fastest of the timed runs), inside Python so interpreter start-up and data loading are excluded.
 * Because the process stays up, a benchmark can alternate engine and reference runs so both see the same
 * machine load.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Timing, TimingOptions } from "./timing.js";

const PYTHON = "/usr/bin/python3";

/** Python setup that loads the bench CSV (its path is the first argument) into `df`. */
export const LOAD_BENCH_FRAME = 'df = pd.read_csv(sys.argv[1], parse_dates=["day", "created_at"])';

/** A running reference process. */
export interface PythonReference {
  /** Times `code` (run with exec, so it sees the setup's names); null when Python or the snippet failed. */
  time(code: string, options: TimingOptions): Promise<Timing | null>;
  /** Ends the process once the pending snippets are timed. */
  close(): void;
}

// Snippets run at module level so that names they assign are visible to the rest of the snippet.
const SERVER = `
print("ready", flush=True)
for line in sys.stdin:
    code, runs, warm_up = json.loads(line)
    try:
        for _ in range(warm_up):
            exec(code)
        ts = []
        for _ in range(runs):
            t = time.perf_counter(); exec(code); ts.append((time.perf_counter() - t) * 1000)
        ts.sort()
        print(json.dumps([ts[len(ts) // 2], ts[0]]), flush=True)
    except Exception as error:
        print(f"reference snippet failed: {error!r}", file=sys.stderr, flush=True)
        print("null", flush=True)`;

/**
 * Writes bytes to a fresh temporary file for the reference process to read, and returns its path.
 *
 * @example const path = writeTempFile("bench.csv", generateBenchCsv());
 */
export function writeTempFile(name: string, bytes: Uint8Array | Float64Array): string {
  const path = join(mkdtempSync(join(tmpdir(), "wake-bench-")), name);
  writeFileSync(path, bytes);
  return path;
}

/**
 * Starts the reference process: common imports (json, sys, time, numpy as np, pandas as pd, scipy.stats), then
 * `setup` (more imports, loading the data; `args` are its sys.argv[1:]).
 *
 * @example
 * const reference = startPythonReference(LOAD_BENCH_FRAME, [path]);
 * const pandas = await reference.time("df['price'].mean()", { runs: 15 });
 * reference.close();
 */
export function startPythonReference(setup: string, args: readonly string[] = []): PythonReference {
  const script = `import json, sys, time, warnings
warnings.filterwarnings("ignore")
import numpy as np, pandas as pd, scipy.stats
${setup}
${SERVER}`;
  const child = spawn(PYTHON, ["-c", script, ...args], { stdio: ["pipe", "pipe", "inherit"] });
  child.on("error", (error) => console.error("reference process failed:", error.message));
  child.stdin.on("error", () => {
    // the process has ended; its replies read as missing
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let queue: Promise<unknown> = lines.next();
  const reply = async (request: string): Promise<Timing | null> => {
    child.stdin.write(`${request}\n`);
    const { value, done } = await lines.next();
    if (done) return null;
    const timing = JSON.parse(value) as [number, number] | null;
    return timing === null ? null : { median: timing[0], fastest: timing[1] };
  };
  return {
    time(code, { runs, warmUp = 1 }) {
      const result = queue.then(() => reply(JSON.stringify([code, runs, warmUp])));
      queue = result;
      return result;
    },
    close() {
      void queue.finally(() => child.stdin.end());
    },
  };
}

/**
 * Times named snippets one after another in a fresh reference process; a snippet that failed has no entry.
 *
 * @example const pandas = await timeReferenceSnippets(LOAD_BENCH_FRAME, [path], [["mean", "df['price'].mean()"]], { runs: 15 });
 */
export async function timeReferenceSnippets(
  setup: string,
  args: readonly string[],
  snippets: ReadonlyArray<readonly [name: string, code: string]>,
  options: TimingOptions,
): Promise<Record<string, Timing>> {
  const reference = startPythonReference(setup, args);
  const out: Record<string, Timing> = {};
  for (const [name, code] of snippets) {
    const timing = await reference.time(code, options);
    if (timing !== null) out[name] = timing;
  }
  reference.close();
  return out;
}
