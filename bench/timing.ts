/**
 * The one timing protocol of the benchmarks: a few warm-up runs (so V8 has optimised the code, as in an isolate
 * that has served a few requests), then `runs` timed runs, reported as median and fastest. On a shared machine
 * the fastest run is the better measure of the work itself; the median shows what a request usually pays.
 */

/** Median and fastest of the timed runs, in milliseconds. */
export interface Timing {
  median: number;
  fastest: number;
}

/** How many runs to time, and how many to run before timing. */
export interface TimingOptions {
  runs: number;
  warmUp?: number;
}

/**
 * The middle value of the samples (the upper middle for an even count, as the Python reference computes it too).
 *
 * @example median([3, 1, 2]); // 2
 */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function summarise(samples: readonly number[]): Timing {
  return { median: median(samples), fastest: Math.min(...samples) };
}

/**
 * Times a synchronous piece of work: `warmUp` untimed runs (default 1), then `runs` timed ones.
 *
 * @example const { median, fastest } = timeRuns(() => executePlan(table, plan), { runs: 15, warmUp: 5 });
 */
export function timeRuns(work: () => unknown, { runs, warmUp = 1 }: TimingOptions): Timing {
  for (let i = 0; i < warmUp; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

/**
 * Times asynchronous work (a DuckDB query, a chart render) with the same protocol as timeRuns.
 *
 * @example const { median } = await timeRunsAsync(() => connection.runAndReadAll(sql), { runs: 15 });
 */
export async function timeRunsAsync(work: () => Promise<unknown>, { runs, warmUp = 1 }: TimingOptions): Promise<Timing> {
  for (let i = 0; i < warmUp; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

/**
 * The engine's time over the reference's, "n/a" when the reference did not run.
 *
 * @example ratio(1.5, 3); // "0.50x"
 */
export function ratio(engine: number, reference: number | undefined): string {
  return reference === undefined || !(reference > 0) ? "n/a" : `${(engine / reference).toFixed(2)}x`;
}
