import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createDb } from "../src/db/client";
import { DEFAULT_PURGE_LIMITS, purgeDatasets } from "../src/jobs/purge";
import worker from "../src/index";
import { call, createUser, uploadOk } from "./factories";
import { failingBucket, failingDb } from "./faults";

const CSV = "a,b\n1,x\n2,y\n";
const HOUR = 3_600_000;

async function keysOf(userId: string): Promise<string[]> {
  return (await env.UPLOADS.list({ prefix: `datasets/${userId}/` })).objects.map((o) => o.key);
}
async function rowCount(sql: string, ...binds: unknown[]): Promise<number> {
  return (await env.DB.prepare(sql).bind(...binds).first<number>("n")) ?? 0;
}
async function runCron(): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "0 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe("purge", () => {
  it("removes expired datasets with their objects and analyses when the cron runs, and is idempotent", async () => {
    const user = await createUser();
    const expired = await uploadOk(user.token, CSV);
    const alive = await uploadOk(user.token, CSV);
    await env.DB.prepare(
      "insert into analyses (id, dataset_id, user_id, session_id, execution_plan, success, executed_at) values (?, ?, ?, ?, '{}', 1, ?)",
    ).bind(crypto.randomUUID(), expired.metadata.id, user.id, expired.session_id, Date.now()).run();
    await env.DB.prepare("update datasets set expires_at = ? where id = ?").bind(Date.now() - 1000, expired.metadata.id).run();

    await runCron();
    expect(await rowCount("select count(*) as n from datasets where id = ?", expired.metadata.id)).toBe(0);
    expect(await rowCount("select count(*) as n from analyses where dataset_id = ?", expired.metadata.id)).toBe(0);
    expect((await keysOf(user.id)).sort()).toEqual([
      `datasets/${user.id}/${alive.metadata.id}/snapshot.arrow`,
      `datasets/${user.id}/${alive.metadata.id}/source.csv`,
    ]);
    const again = await purgeDatasets(createDb(env.DB), env.UPLOADS);
    expect(again).toEqual({ expired: 0, stale: 0, orphanObjects: 0, more: false });
    expect((await call(`/api/analytics/datasets/${alive.session_id}`, { token: user.token })).status).toBe(200);
  });

  it("removes stale pending uploads and orphan objects but not fresh ones", async () => {
    const user = await createUser();
    const stale = await uploadOk(user.token, CSV);
    const fresh = await uploadOk(user.token, CSV);
    await env.DB.prepare("update datasets set status = 'pending', uploaded_at = ? where id = ?").bind(Date.now() - 2 * HOUR, stale.metadata.id).run();
    await env.DB.prepare("update datasets set status = 'pending' where id = ?").bind(fresh.metadata.id).run();
    const orphanKey = `datasets/${user.id}/${crypto.randomUUID()}/source.csv`;
    await env.UPLOADS.put(orphanKey, CSV);

    const report = await purgeDatasets(createDb(env.DB), env.UPLOADS, new Date(), { ...DEFAULT_PURGE_LIMITS, orphanGraceMs: 0 });
    expect(report).toEqual({ expired: 0, stale: 1, orphanObjects: 1, more: false });
    const keys = await keysOf(user.id);
    expect(keys.some((k) => k.includes(stale.metadata.id))).toBe(false);
    expect(keys).not.toContain(orphanKey);
    expect(keys.filter((k) => k.includes(fresh.metadata.id))).toHaveLength(2);
    expect(await rowCount("select count(*) as n from datasets where id = ?", fresh.metadata.id)).toBe(1);
  });

  it("works in bounded batches and finishes on the next run", async () => {
    const user = await createUser();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await uploadOk(user.token, CSV)).metadata.id);
    await env.DB.prepare(`update datasets set expires_at = 1 where user_id = ?`).bind(user.id).run();
    const limits = { ...DEFAULT_PURGE_LIMITS, batchSize: 1, maxBatches: 2 };
    expect(await purgeDatasets(createDb(env.DB), env.UPLOADS, new Date(), limits)).toEqual({ expired: 2, stale: 0, orphanObjects: 0, more: true });
    expect(await purgeDatasets(createDb(env.DB), env.UPLOADS, new Date(), limits)).toMatchObject({ expired: 1 });
    expect(await keysOf(user.id)).toEqual([]);
  });
});

describe("orphan sweep", () => {
  it("resumes where the previous run stopped, so a bucket larger than one run's budget is covered", async () => {
    const user = await createUser();
    const keys = ["a", "b", "c", "d", "e"].map((k) => `datasets/${user.id}/${k}${crypto.randomUUID()}/source.csv`);
    for (const key of keys) await env.UPLOADS.put(key, "x");
    const limits = { ...DEFAULT_PURGE_LIMITS, maxListed: 2, orphanGraceMs: 0 };
    const db = createDb(env.DB);
    let removed = 0;
    for (let run = 0; run < 10 && (await keysOf(user.id)).length > 0; run++) {
      removed += (await purgeDatasets(db, env.UPLOADS, new Date(), limits)).orphanObjects;
    }
    expect(await keysOf(user.id)).toEqual([]);
    expect(removed).toBeGreaterThanOrEqual(keys.length);
  });
});

describe("upload faults", () => {
  it("leaves nothing visible when the R2 put fails", async () => {
    const user = await createUser();
    const app = createApp();
    const form = new FormData();
    form.append("file", new File([CSV], "x.csv"));
    const res = await app.request("/api/analytics/upload", { method: "POST", body: form, headers: { Authorization: `Bearer ${user.token}` } }, { ...env, UPLOADS: failingBucket("put") });
    expect(res.status).toBe(500);
    expect(await rowCount("select count(*) as n from datasets where user_id = ?", user.id)).toBe(0);
    expect(await keysOf(user.id)).toEqual([]);
  });

  it("a failure between the R2 put and the D1 update leaves no visible dataset, and the purge removes what remains", async () => {
    const user = await createUser();
    const app = createApp();
    const form = new FormData();
    form.append("file", new File([CSV], "x.csv"));
    // The `ready` update fails and so does every cleanup, as if the isolate died right after the put.
    const res = await app.request(
      "/api/analytics/upload",
      { method: "POST", body: form, headers: { Authorization: `Bearer ${user.token}` } },
      { ...env, DB: failingDb(/^update "datasets" set "status"|^delete from "datasets"/), UPLOADS: failingBucket("delete") },
    );
    expect(res.status).toBe(500);
    expect(await (await call("/api/analytics/datasets", { token: user.token })).json()).toEqual([]);
    expect(await rowCount("select count(*) as n from datasets where user_id = ? and status = 'pending'", user.id)).toBe(1);
    expect(await keysOf(user.id)).toHaveLength(2);

    const later = new Date(Date.now() + 2 * HOUR);
    // Other pending rows of this file are stale by then too; this user's must be among those removed.
    expect((await purgeDatasets(createDb(env.DB), env.UPLOADS, later)).stale).toBeGreaterThanOrEqual(1);
    expect(await rowCount("select count(*) as n from datasets where user_id = ?", user.id)).toBe(0);
    expect(await keysOf(user.id)).toEqual([]);
  });

  it("a delete whose R2 step fails answers 204, stays hidden and is finished by the purge", async () => {
    const user = await createUser();
    const { session_id, metadata } = await uploadOk(user.token, CSV);
    const app = createApp();
    const res = await app.request(`/api/analytics/datasets/${session_id}`, { method: "DELETE", headers: { Authorization: `Bearer ${user.token}` } }, { ...env, UPLOADS: failingBucket("delete") });
    expect(res.status).toBe(204);
    expect((await call(`/api/analytics/datasets/${session_id}`, { token: user.token })).status).toBe(404);
    await runCron();
    expect(await rowCount("select count(*) as n from datasets where id = ?", metadata.id)).toBe(0);
    expect(await keysOf(user.id)).toEqual([]);
  });
});
