/**
 * The phases a request's time is reported in (the `Server-Timing` response header), in the order they are
 * listed: verifying the token or password, D1 reads and writes other than the history row, the rate limiter's
 * Durable Object, R2, the engine (plan validation and execution), chart drawing, and writing the history row.
 * A fixed list, so a response never names anything internal.
 */
export const TIMING_METRICS = ["auth", "db", "limiter", "storage", "engine", "chart", "record"] as const;

export type TimingMetric = (typeof TIMING_METRICS)[number];

const INDEX: Record<TimingMetric, number> = { auth: 0, db: 1, limiter: 2, storage: 3, engine: 4, chart: 5, record: 6 };

/**
 * Wall time per phase of one request. A phase's time is how long at least one of its calls was in flight, so
 * two limiter calls made at once count once, while phases that overlap (D1 and the limiter asked together) each
 * report their own time. Fixed typed arrays: timing a call allocates nothing but its promise.
 *
 * On Workers the clock only advances across I/O, so CPU-only phases (auth, engine, chart) read 0 there; under
 * `wrangler dev` and in Node they read the CPU time.
 *
 * @example
 * const timing = new Timing();
 * const rows = await timing.time("db", () => db.select().from(datasets));
 * timing.header(); // "db;dur=1.2"
 */
export class Timing {
  private readonly total = new Float64Array(TIMING_METRICS.length);
  private readonly since = new Float64Array(TIMING_METRICS.length);
  private readonly active = new Uint16Array(TIMING_METRICS.length);
  private used = 0;

  begin(metric: TimingMetric): void {
    const i = INDEX[metric];
    if (this.active[i]++ === 0) this.since[i] = performance.now();
    this.used |= 1 << i;
  }

  end(metric: TimingMetric): void {
    const i = INDEX[metric];
    if (this.active[i] === 0) return;
    if (--this.active[i] === 0) this.total[i] += performance.now() - this.since[i];
  }

  /** Times an asynchronous call. */
  async time<T>(metric: TimingMetric, work: () => Promise<T>): Promise<T> {
    this.begin(metric);
    try {
      return await work();
    } finally {
      this.end(metric);
    }
  }

  /** Times a synchronous call. */
  measure<T>(metric: TimingMetric, work: () => T): T {
    this.begin(metric);
    try {
      return work();
    } finally {
      this.end(metric);
    }
  }

  /** Milliseconds recorded for a phase (0 when it never ran). */
  duration(metric: TimingMetric): number {
    return this.total[INDEX[metric]];
  }

  /** The `Server-Timing` value (`auth;dur=0.3, db;dur=1.2`), phases that ran only, or null when none did. */
  header(): string | null {
    if (this.used === 0) return null;
    let value = "";
    for (let i = 0; i < TIMING_METRICS.length; i++) {
      if ((this.used & (1 << i)) === 0) continue;
      if (value !== "") value += ", ";
      value += `${TIMING_METRICS[i]};dur=${Math.round(this.total[i] * 100) / 100}`;
    }
    return value;
  }
}

/**
 * Times `work` on `timing` when there is one (code that also runs outside a request, or in an app built without
 * serverTiming(), passes undefined).
 *
 * @example
 * const rows = await timed(c.get("timing"), "db", () => listDatasets(db, userId));
 */
export function timed<T>(timing: Timing | undefined, metric: TimingMetric, work: () => Promise<T>): Promise<T> {
  return timing ? timing.time(metric, work) : work();
}

/** The synchronous form of `timed`. */
export function measured<T>(timing: Timing | undefined, metric: TimingMetric, work: () => T): T {
  return timing ? timing.measure(metric, work) : work();
}
