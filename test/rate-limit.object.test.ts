import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import type { LimitDecision, RateLimiter } from "../src/rate-limit/rate-limiter";
import { unique } from "./factories";

const MINUTE = 60_000;
const limiter = (key = unique("k")) => env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(key));
const rows = (stub: DurableObjectStub<RateLimiter>) =>
  runInDurableObject(stub, (_instance: RateLimiter, state) => {
    const tables = state.storage.sql.exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'events'").toArray();
    return tables.length === 0 ? null : state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM events").one().n;
  });

describe("RateLimiter Durable Object", () => {
  it.each([1, 5, 10])("admits exactly L of 3L parallel consumes (L = %i)", async (limit) => {
    const stub = limiter();
    const now = Date.now();
    const decisions: LimitDecision[] = await Promise.all(Array.from({ length: 3 * limit }, () => stub.consume({ limit, windowMs: MINUTE, now })));
    const admitted = decisions.filter((d) => d.allowed);
    expect(admitted).toHaveLength(limit);
    // Each admitted call saw a distinct count: the check and the write were one step.
    expect(admitted.map((d) => d.remaining).sort((a, b) => a - b)).toEqual(Array.from({ length: limit }, (_, i) => i));
    for (const refused of decisions.filter((d) => !d.allowed)) {
      expect(refused).toEqual({ allowed: false, limit, windowMs: MINUTE, remaining: 0, resetMs: MINUTE, retryAfterSeconds: 60 });
    }
    expect(await rows(stub)).toBe(limit);
  });

  it("slides the window: an event counts for exactly windowMs after it", async () => {
    const stub = limiter();
    const t0 = Date.now();
    const ask = (offset: number) => stub.consume({ limit: 2, windowMs: MINUTE, now: t0 + offset });
    expect(await ask(0)).toEqual({ allowed: true, limit: 2, windowMs: MINUTE, remaining: 1, resetMs: 60_000, retryAfterSeconds: 0, eventId: expect.any(Number) });
    expect(await ask(10_000)).toMatchObject({ allowed: true, remaining: 0, resetMs: 50_000 });
    expect(await ask(20_000)).toEqual({ allowed: false, limit: 2, windowMs: MINUTE, remaining: 0, resetMs: 40_000, retryAfterSeconds: 40 });
    // 1 ms before the first event leaves: still full, and the wait rounds up to a whole second.
    expect(await ask(59_999)).toMatchObject({ allowed: false, resetMs: 1, retryAfterSeconds: 1 });
    expect(await ask(60_000)).toMatchObject({ allowed: true, remaining: 0, resetMs: 10_000 });
    expect(await ask(60_001)).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
  });

  it("peeks without consuming and without creating storage", async () => {
    const stub = limiter();
    const now = Date.now();
    expect(await stub.peek({ limit: 1, windowMs: MINUTE, now })).toEqual({ allowed: true, limit: 1, windowMs: MINUTE, remaining: 1, resetMs: 0, retryAfterSeconds: 0 });
    expect(await rows(stub)).toBeNull();
    await stub.consume({ limit: 1, windowMs: MINUTE, now });
    expect(await stub.peek({ limit: 1, windowMs: MINUTE, now: now + 1000 })).toEqual({ allowed: false, limit: 1, windowMs: MINUTE, remaining: 0, resetMs: 59_000, retryAfterSeconds: 59 });
    expect(await rows(stub)).toBe(1);
  });

  it("refunds an admitted event, and only that one", async () => {
    const stub = limiter();
    const now = Date.now();
    const request = { limit: 2, windowMs: MINUTE, now };
    const first = await stub.consume(request);
    const second = await stub.consume({ ...request, now: now + 5000 });
    expect(await stub.refund(first.eventId!, { ...request, now: now + 6000 })).toMatchObject({ allowed: true, remaining: 1, resetMs: 59_000 });
    expect(await stub.refund(first.eventId!, { ...request, now: now + 6000 })).toMatchObject({ remaining: 1 });
    expect(second.eventId).not.toBe(first.eventId);
    expect(await rows(stub)).toBe(1);
  });

  it("keeps one object per key: subjects never share a count", async () => {
    const now = Date.now();
    const a = limiter();
    const b = limiter();
    await a.consume({ limit: 1, windowMs: MINUTE, now });
    expect(await a.consume({ limit: 1, windowMs: MINUTE, now })).toMatchObject({ allowed: false });
    expect(await b.consume({ limit: 1, windowMs: MINUTE, now })).toMatchObject({ allowed: true });
  });

  it("stays bounded: never more rows than the limit, however long it is used", async () => {
    const stub = limiter();
    const t0 = Date.now();
    const sizes: Array<number | null> = [];
    for (let step = 0; step < 40; step++) {
      // 3 attempts every 10 s against 5 per minute: refusals are never stored and expired rows go on access.
      await Promise.all([0, 1, 2].map(() => stub.consume({ limit: 5, windowMs: MINUTE, now: t0 + step * 10_000 })));
      sizes.push(await rows(stub));
    }
    expect(Math.max(...(sizes as number[]))).toBe(5);
  });

  it("lets the alarm delete an idle subject's data entirely, and works again afterwards", async () => {
    const stub = limiter();
    // Events stamped two windows ago: by the object's own clock they have all expired.
    const past = Date.now() - 2 * MINUTE;
    await stub.consume({ limit: 3, windowMs: MINUTE, now: past });
    await stub.consume({ limit: 3, windowMs: MINUTE, now: past + 1 });
    await runDurableObjectAlarm(stub); // the alarm (already due) may also have run on its own
    await vi.waitFor(async () => expect(await rows(stub)).toBeNull());
    expect(await runInDurableObject(stub, (_i: RateLimiter, state) => state.storage.getAlarm())).toBeNull();
    expect(await stub.consume({ limit: 3, windowMs: MINUTE })).toMatchObject({ allowed: true, remaining: 2 });
    expect(await rows(stub)).toBe(1);
  });

  it("sets the alarm once, not on every admitted event, and the alarm moves on to the newest row", async () => {
    const stub = limiter();
    const now = Date.now();
    const alarm = () => runInDurableObject(stub, (_i: RateLimiter, state) => state.storage.getAlarm());
    await stub.consume({ limit: 3, windowMs: 10 * MINUTE, now });
    await stub.consume({ limit: 3, windowMs: 10 * MINUTE, now: now + 1000 });
    expect(await alarm()).toBe(now + 10 * MINUTE);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await rows(stub)).toBe(2);
    expect(await alarm()).toBe(now + 1000 + 10 * MINUTE);
  });

  it("keeps live events when the alarm runs early and waits for the newest one", async () => {
    const stub = limiter();
    const now = Date.now();
    await stub.consume({ limit: 3, windowMs: 10 * MINUTE, now });
    expect(await runInDurableObject(stub, (_i: RateLimiter, state) => state.storage.getAlarm())).toBe(now + 10 * MINUTE);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await rows(stub)).toBe(1);
    expect(await runInDurableObject(stub, (_i: RateLimiter, state) => state.storage.getAlarm())).toBe(now + 10 * MINUTE);
    await stub.reset();
    expect(await rows(stub)).toBeNull();
  });
});
