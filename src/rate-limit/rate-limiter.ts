import { DurableObject } from "cloudflare:workers";

/** What a caller asks of one subject's limiter. */
export interface LimitRequest {
  /** Events admitted per window. */
  limit: number;
  windowMs: number;
  /** Milliseconds since the epoch; omitted in production so one clock (the object's) stamps every event of a subject. */
  now?: number;
}

/** The answer, with everything the IETF RateLimit headers and Retry-After need. */
export interface LimitDecision {
  allowed: boolean;
  limit: number;
  windowMs: number;
  /** Events still admissible in the window after this call. */
  remaining: number;
  /** Until the oldest counted event leaves the window, i.e. one unit comes back; 0 when nothing is counted. */
  resetMs: number;
  /** Whole seconds a refused caller should wait (rounded up, at least 1); 0 when allowed. */
  retryAfterSeconds: number;
  /** The admitted event, for `refund`; only set by an admitted `consume`. */
  eventId?: number;
}

/**
 * One object per rate-limit subject (`upload:<userId>`, `execute:<userId>`, `login-account:<account>`,
 * `login-address:<address>`, ...), never one global object, so subjects never contend with each other.
 *
 * Algorithm: a sliding window log, one SQLite row per admitted event. Chosen over a fixed window because a fixed
 * window admits up to 2x the limit around a boundary (L at 59:59, L more at 60:00), and over a token bucket because
 * the contract states "N per hour", which a log answers literally. The cost is one row per admitted event, bounded
 * by the limit: refused events are never written and expired rows are deleted on every access.
 *
 * Exactness: each method does its read-count-write with synchronous `ctx.storage.sql` calls and no `await` before
 * the decision is made. An object runs one event at a time, so that section is atomic and N parallel requests
 * against limit L admit exactly min(N, L).
 *
 * Bounded storage: a write with no alarm pending sets one for when its row expires; the alarm deletes expired rows
 * and then waits for the newest one left or, once none are left, deletes the whole object's data (`deleteAll`), so
 * idle subjects cost nothing. An alarm already pending is left alone (however early), because the alarm itself
 * moves on to the newest row: setting it on every event would be a second storage write on every admitted call.
 */
export class RateLimiter extends DurableObject<Env> {
  /** Cleared by `deleteAll`, which drops the tables too. */
  private schemaReady = false;
  /** Whether an alarm is pending; read from storage once per start of the object, then kept here. */
  private alarmPending: boolean | undefined;

  /** Admits and records one event if the window has room. */
  async consume(request: LimitRequest): Promise<LimitDecision> {
    const now = request.now ?? Date.now();
    this.createSchema();
    const { count, oldest } = this.countLive(now, request.windowMs);
    if (count >= request.limit) return decide(request, now, count, oldest, false);
    const row = this.ctx.storage.sql
      .exec<{ id: number }>("INSERT INTO events (at, expires_at) VALUES (?, ?) RETURNING id", now, now + request.windowMs)
      .one();
    const decision = decide(request, now, count + 1, oldest ?? now, true);
    // The decision is final and stored; awaiting the alarm write can no longer let a parallel call slip in between.
    await this.scheduleCleanup(now + request.windowMs);
    return { ...decision, eventId: row.id };
  }

  /** The current state without recording anything: `allowed` says whether a `consume` now would be admitted. */
  peek(request: LimitRequest): LimitDecision {
    const now = request.now ?? Date.now();
    // An object only ever peeked at must not create tables that no alarm would remove.
    if (!this.hasSchema()) return decide(request, now, 0, null, true);
    const { count, oldest } = this.countLive(now, request.windowMs);
    return decide(request, now, count, oldest, count < request.limit);
  }

  /** Gives back an admitted event (a login that turned out to succeed) and answers the state afterwards. */
  refund(eventId: number, request: LimitRequest): LimitDecision {
    if (this.hasSchema()) this.ctx.storage.sql.exec("DELETE FROM events WHERE id = ?", eventId);
    return this.peek(request);
  }

  /** Forgets every event of this subject. */
  async reset(): Promise<void> {
    this.schemaReady = false;
    this.alarmPending = undefined;
    await this.ctx.storage.deleteAll();
  }

  /** Removes what expired; deletes everything once nothing is live, else waits for the newest row to expire. */
  override async alarm(): Promise<void> {
    this.alarmPending = false;
    if (!this.hasSchema()) return;
    const now = Date.now();
    this.ctx.storage.sql.exec("DELETE FROM events WHERE expires_at <= ?", now);
    const { latest } = this.ctx.storage.sql.exec<{ latest: number | null }>("SELECT MAX(expires_at) AS latest FROM events").one();
    if (latest === null) await this.reset();
    else await this.scheduleCleanup(latest);
  }

  private countLive(now: number, windowMs: number): { count: number; oldest: number | null } {
    // An event at `at` counts while now - at < windowMs; older rows are dead weight, so they go now.
    this.ctx.storage.sql.exec("DELETE FROM events WHERE at <= ?", now - windowMs);
    return this.ctx.storage.sql
      .exec<{ count: number; oldest: number | null }>("SELECT COUNT(*) AS count, MIN(at) AS oldest FROM events")
      .one();
  }

  /** Sets the alarm for `at` unless one is pending; `alarm` then reschedules to the newest row's real expiry. */
  private async scheduleCleanup(at: number): Promise<void> {
    this.alarmPending ??= (await this.ctx.storage.getAlarm()) !== null;
    if (this.alarmPending) return;
    await this.ctx.storage.setAlarm(at);
    this.alarmPending = true;
  }

  private hasSchema(): boolean {
    if (this.schemaReady) return true;
    const found = this.ctx.storage.sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").toArray();
    this.schemaReady = found.length > 0;
    return this.schemaReady;
  }

  private createSchema(): void {
    if (this.schemaReady) return;
    // AUTOINCREMENT: an id is never reused, so a late refund can never remove somebody else's event.
    this.ctx.storage.sql.exec(
      "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, expires_at INTEGER NOT NULL);" +
        "CREATE INDEX IF NOT EXISTS events_at ON events (at);",
    );
    this.schemaReady = true;
  }
}

function decide(request: LimitRequest, now: number, count: number, oldest: number | null, allowed: boolean): LimitDecision {
  const resetMs = oldest === null ? 0 : Math.max(0, oldest + request.windowMs - now);
  return {
    allowed,
    limit: request.limit,
    windowMs: request.windowMs,
    remaining: Math.max(0, request.limit - count),
    resetMs,
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(resetMs / 1000)),
  };
}
