/**
 * Fault injection inside workerd: the real app over real bindings, with one binding broken at a time (./faults).
 * R2 get/put/delete failing, D1 failing mid-operation, the rate limiter unreachable, and the cron purge interrupted
 * halfway then rerun. Invariants: a 5xx is a contract problem that names no binding, SQL or stack; history never
 * claims a result that was not returned; nothing partial is ever visible; a rerun leaves no orphan row or object.
 * (test/purge.test.ts already covers: R2 put failing on upload, the `ready` update failing, R2 delete failing on
 * DELETE.)
 */
import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import { createDb } from "../src/db/client";
import { DEFAULT_PURGE_LIMITS, purgeDatasets } from "../src/jobs/purge";
import { call, createUser, type TestUser, unique, uploadOk } from "./factories";
import { failingBucket, failingDb, unreachableLimiter } from "./faults";
import { checkContract } from "./fuzz/contract";

const app = createApp();
/** A CSV no other test uploads, so its snapshot is not in the isolate's snapshot cache (keyed by sha256). */
const freshCsv = () => `k,v\n${unique("row")},1\nb,2\nc,3\n`;
const PLAN = { operation: "sum", target_column: "v" };

function send(path: string, init: RequestInit & { token?: string; json?: unknown }, bindings: Partial<Env>): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  return Promise.resolve(app.request(path, { ...init, headers, body }, { ...env, ...bindings }));
}

/** A 5xx problem with the given code, carrying nothing internal. */
async function expectServerProblem(res: Response, status: number, code: string): Promise<void> {
  const text = await checkContract(res, { allow5xx: true });
  expect(res.status, text).toBe(status);
  expect(JSON.parse(text)).toMatchObject({ status, code });
  expect(text).not.toMatch(/injected|D1_ERROR|R2|UPLOADS|RATE_LIMITER|insert into|select |\bat \w+ \(|Durable Object/i);
}

async function history(user: TestUser, sessionId: string): Promise<Array<{ success: boolean; result: unknown }>> {
  const res = await call(`/api/analytics/history/${sessionId}`, { token: user.token });
  expect(res.status).toBe(200);
  return (await res.json()) as Array<{ success: boolean; result: unknown }>;
}

async function keysOf(userId: string): Promise<string[]> {
  return (await env.UPLOADS.list({ prefix: `datasets/${userId}/` })).objects.map((o) => o.key).sort();
}
async function count(sql: string, ...binds: unknown[]): Promise<number> {
  return (await env.DB.prepare(sql).bind(...binds).first<number>("n")) ?? 0;
}

describe("R2 failing", () => {
  it("snapshot get fails on execute: 500 problem, no history row; the same execute then succeeds and is recorded once", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, freshCsv());
    const res = await send("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id, plan: PLAN } }, { UPLOADS: failingBucket("get") });
    await expectServerProblem(res, 500, "internal_error");
    expect(await history(user, session_id)).toEqual([]);
    const ok = await call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id, plan: PLAN } });
    expect(ok.status).toBe(200);
    expect(await history(user, session_id)).toEqual([expect.objectContaining({ success: true, result: { value: 6, count: 3 } })]);
  });

  it("an unreadable stored snapshot is a 500 whose engine reason is logged, not sent", async () => {
    const user = await createUser();
    const { session_id, metadata } = await uploadOk(user.token, freshCsv());
    await env.UPLOADS.put(`datasets/${user.id}/${metadata.id}/snapshot.arrow`, new Uint8Array([1, 2, 3, 4]));
    const log = vi.spyOn(console, "log");
    const res = await call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id, plan: PLAN } });
    await expectServerProblem(res, 500, "internal_error");
    const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.includes('"status":500'));
    log.mockRestore();
    expect(JSON.parse(line!)).toMatchObject({ level: "error", error: expect.stringMatching(/^EngineError: The stored dataset snapshot is unreadable/) });
  });

  it("snapshot get fails on validate with a dataset: 500 problem; metadata routes keep working without R2", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, freshCsv());
    const broken = { UPLOADS: failingBucket("get", "put", "delete", "list", "head") };
    await expectServerProblem(
      await send("/api/analytics/validate", { method: "POST", token: user.token, json: { session_id, plan: PLAN } }, broken),
      500,
      "internal_error",
    );
    for (const path of [`/api/analytics/datasets/${session_id}`, "/api/analytics/datasets", `/api/analytics/history/${session_id}`, `/api/analytics/datasets/${session_id}/plan-schema`]) {
      const res = await send(path, { token: user.token }, broken);
      expect(res.status, path).toBe(200);
      await checkContract(res);
    }
  });

  it("a snapshot that vanished from R2 is a 404 on execute, not a 5xx, and records nothing", async () => {
    const user = await createUser();
    const { session_id, metadata } = await uploadOk(user.token, freshCsv());
    await env.UPLOADS.delete(`datasets/${user.id}/${metadata.id}/snapshot.arrow`);
    const res = await call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id, plan: PLAN } });
    const text = await checkContract(res);
    expect(res.status, text).toBe(404);
    expect(await history(user, session_id)).toEqual([]);
  });

  it("health names the failing part with 503 when R2 or D1 fails", async () => {
    const storage = await send("/health", {}, { UPLOADS: failingBucket("head") });
    expect(storage.status).toBe(503);
    expect(await storage.json()).toMatchObject({ status: "unhealthy", database: "ok", storage: "error" });
    const database = await send("/health", {}, { DB: failingDb(/select 1/) });
    expect(database.status).toBe(503);
    expect(await database.json()).toMatchObject({ status: "unhealthy", database: "error", storage: "ok" });
  });
});

describe("D1 failing mid-operation", () => {
  it("the analyses insert fails after the engine computed: 500 problem, and history claims no result", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, freshCsv());
    const res = await send("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id, plan: PLAN } }, { DB: failingDb(/^insert into "analyses"/) });
    await expectServerProblem(res, 500, "internal_error");
    expect((await history(user, session_id)).filter((h) => h.success)).toEqual([]);
  });

  it("the dataset lookup fails on every dataset-scoped route: 500 problems, nothing changed", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, freshCsv());
    const broken = { DB: failingDb(/from "datasets"|update "datasets"/) };
    for (const [method, path, json] of [
      ["GET", `/api/analytics/datasets/${session_id}`],
      ["DELETE", `/api/analytics/datasets/${session_id}`],
      ["GET", `/api/analytics/history/${session_id}`],
      ["POST", "/api/analytics/execute", { session_id, plan: PLAN }],
      ["POST", "/api/analytics/validate", { session_id, plan: PLAN }],
    ] as const) {
      await expectServerProblem(await send(path, { method, token: user.token, ...(json ? { json } : {}) }, broken), 500, "internal_error");
    }
    expect((await call(`/api/analytics/datasets/${session_id}`, { token: user.token })).status).toBe(200);
    expect(await history(user, session_id)).toEqual([]);
  });

  it("the dataset insert fails on upload: 500 problem, no row, no object, and the upload slot is given back", async () => {
    const user = await createUser();
    const form = new FormData();
    form.append("file", new File([freshCsv()], "x.csv"));
    const vars = { DB: failingDb(/^insert into "datasets"/), UPLOAD_RATE_LIMIT: "1" };
    const res = await send("/api/analytics/upload", { method: "POST", body: form, token: user.token }, vars);
    await expectServerProblem(res, 500, "internal_error");
    expect(await count("select count(*) as n from datasets where user_id = ?", user.id)).toBe(0);
    expect(await keysOf(user.id)).toEqual([]);
    const again = new FormData();
    again.append("file", new File([freshCsv()], "x.csv"));
    expect((await send("/api/analytics/upload", { method: "POST", body: again, token: user.token }, { UPLOAD_RATE_LIMIT: "1" })).status).toBe(201);
  });

  it("the final row batch of a DELETE fails after R2 deleted the objects: answers 204, hidden at once, finished by the purge", async () => {
    const user = await createUser();
    const { session_id, metadata } = await uploadOk(user.token, freshCsv());
    await call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id, plan: PLAN } });
    const res = await send(`/api/analytics/datasets/${session_id}`, { method: "DELETE", token: user.token }, { DB: failingDb(/^delete from "analyses"/) });
    // Once hidden, the deletion has taken effect: 204, and the purge finishes the rows.
    expect(res.status).toBe(204);
    expect(await keysOf(user.id)).toEqual([]);
    expect(await count("select count(*) as n from datasets where id = ? and status = 'deleting'", metadata.id)).toBe(1);
    for (const path of [`/api/analytics/datasets/${session_id}`, `/api/analytics/history/${session_id}`]) {
      expect((await call(path, { token: user.token })).status, path).toBe(404);
    }
    expect(await (await call("/api/analytics/datasets", { token: user.token })).json()).toEqual([]);
    await purgeDatasets(createDb(env.DB), env.UPLOADS);
    expect(await count("select count(*) as n from datasets where id = ?", metadata.id)).toBe(0);
    expect(await count("select count(*) as n from analyses where dataset_id = ?", metadata.id)).toBe(0);
  });

  it("the users insert fails on register: 500 problem, and the same registration then succeeds", async () => {
    const username = unique("reg");
    const json = { email: `${username}@example.com`, username, password: "correct horse battery" };
    await expectServerProblem(await send("/api/auth/register", { method: "POST", json }, { DB: failingDb(/^insert into "users"/) }), 500, "internal_error");
    expect((await call("/api/auth/register", { method: "POST", json })).status).toBe(201);
  });
});

describe("rate limiter unreachable", () => {
  it("execute fails closed with a 503 problem and Retry-After, runs nothing and records nothing", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, freshCsv());
    const res = await send("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id, plan: PLAN } }, { RATE_LIMITER: unreachableLimiter });
    expect(res.headers.get("Retry-After")).toBe("1");
    await expectServerProblem(res, 503, "service_unavailable");
    expect(await history(user, session_id)).toEqual([]);
  });

  it("login, upload and execute all answer 503; routes without a limit keep working", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, freshCsv());
    const form = new FormData();
    form.append("file", new File([freshCsv()], "x.csv"));
    const down = { RATE_LIMITER: unreachableLimiter };
    const limited: Array<[string, RequestInit & { token?: string; json?: unknown }]> = [
      ["/api/auth/login", { method: "POST", json: { username: user.username, password: user.password }, headers: { "CF-Connecting-IP": "10.9.9.9" } }],
      ["/api/analytics/upload", { method: "POST", body: form, token: user.token }],
      ["/api/analytics/execute", { method: "POST", json: { session_id, plan: PLAN }, token: user.token }],
    ];
    for (const [path, init] of limited) await expectServerProblem(await send(path, init, down), 503, "service_unavailable");
    expect((await send("/api/analytics/validate", { method: "POST", json: { session_id, plan: PLAN }, token: user.token }, down)).status).toBe(200);
    expect((await send(`/api/analytics/datasets/${session_id}`, { token: user.token }, down)).status).toBe(200);
    expect((await send("/api/auth/me", { token: user.token }, down)).status).toBe(200);
  });
});

describe("cron purge interrupted halfway and rerun", () => {
  async function expiredSetup(n: number) {
    const user = await createUser();
    const alive = await uploadOk(user.token, freshCsv());
    const doomed = [];
    for (let i = 0; i < n; i++) {
      const d = await uploadOk(user.token, freshCsv());
      await call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id: d.session_id, plan: PLAN } });
      doomed.push(d);
    }
    await env.DB.prepare(`update datasets set expires_at = ? where id in (${doomed.map(() => "?").join(",")})`).bind(Date.now() - 1000, ...doomed.map((d) => d.metadata.id)).run();
    return { user, alive, doomed };
  }

  /** What a user sees: only the alive dataset, whole, at every step. */
  async function expectOnlyAliveVisible(user: TestUser, alive: { session_id: string }, doomed: Array<{ session_id: string }>) {
    const list = (await (await call("/api/analytics/datasets", { token: user.token })).json()) as Array<{ session_id: string }>;
    expect(list.map((d) => d.session_id)).toEqual([alive.session_id]);
    const run = await call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id: alive.session_id, plan: PLAN } });
    expect(run.status).toBe(200);
    for (const d of doomed) {
      for (const path of [`/api/analytics/datasets/${d.session_id}`, `/api/analytics/history/${d.session_id}`]) expect((await call(path, { token: user.token })).status).toBe(404);
    }
  }

  it("R2 delete fails on the first run after rows were hidden; the rerun removes every row, analysis and object", async () => {
    const { user, alive, doomed } = await expiredSetup(3);
    const limits = { ...DEFAULT_PURGE_LIMITS, batchSize: 2 };
    await expect(purgeDatasets(createDb(env.DB), failingBucket("delete"), new Date(), limits)).rejects.toThrow();
    // the first batch was hidden before the failure; nothing of it is visible, the rest is still expired
    expect(await count("select count(*) as n from datasets where user_id = ? and status = 'deleting'", user.id)).toBeGreaterThanOrEqual(1);
    await expectOnlyAliveVisible(user, alive, doomed);
    await purgeDatasets(createDb(env.DB), env.UPLOADS, new Date(), limits);
    const ids = doomed.map((d) => d.metadata.id);
    expect(await count(`select count(*) as n from datasets where id in (${ids.map(() => "?").join(",")})`, ...ids)).toBe(0);
    expect(await count(`select count(*) as n from analyses where dataset_id in (${ids.map(() => "?").join(",")})`, ...ids)).toBe(0);
    expect(await keysOf(user.id)).toEqual([`datasets/${user.id}/${alive.metadata.id}/snapshot.arrow`, `datasets/${user.id}/${alive.metadata.id}/source.csv`]);
    await expectOnlyAliveVisible(user, alive, doomed);
  });

  it("the D1 row batch fails once after R2 deleted the objects; the rerun removes the rows left behind", async () => {
    const { user, alive, doomed } = await expiredSetup(2);
    await expect(purgeDatasets(createDb(failingDb(/^delete from "analyses"/, { times: 1 })), env.UPLOADS)).rejects.toThrow();
    await expectOnlyAliveVisible(user, alive, doomed);
    expect((await keysOf(user.id)).every((k) => k.includes(alive.metadata.id))).toBe(true);
    await purgeDatasets(createDb(env.DB), env.UPLOADS);
    const ids = doomed.map((d) => d.metadata.id);
    expect(await count(`select count(*) as n from datasets where id in (${ids.map(() => "?").join(",")})`, ...ids)).toBe(0);
    expect(await count(`select count(*) as n from analyses where dataset_id in (${ids.map(() => "?").join(",")})`, ...ids)).toBe(0);
    await expectOnlyAliveVisible(user, alive, doomed);
  });

  it("the orphan sweep fails (R2 list down) after the rows were purged; the rerun sweeps the orphans", async () => {
    const user = await createUser();
    const orphan = `datasets/${user.id}/${crypto.randomUUID()}/source.csv`;
    await env.UPLOADS.put(orphan, "a\n1\n");
    const limits = { ...DEFAULT_PURGE_LIMITS, orphanGraceMs: 0 };
    await expect(purgeDatasets(createDb(env.DB), failingBucket("list"), new Date(), limits)).rejects.toThrow();
    expect(await keysOf(user.id)).toEqual([orphan]);
    await purgeDatasets(createDb(env.DB), env.UPLOADS, new Date(), limits);
    expect(await keysOf(user.id)).toEqual([]);
  });
});
