import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { call, createUser, problem, uploadOk } from "./factories";

/** A fresh user with a small dataset, and a sender of execute calls under EXECUTE_RATE_LIMIT = `limit`. */
async function executorWithLimit(limit: string) {
  const user = await createUser();
  const { session_id } = await uploadOk(user.token, "a,b\n1,2\n3,4\n");
  const app = createApp();
  const limited = { ...env, EXECUTE_RATE_LIMIT: limit };
  const send = (plan: unknown) =>
    app.request(
      "/api/analytics/execute",
      { method: "POST", headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "application/json" }, body: JSON.stringify({ session_id, plan }) },
      limited,
    );
  return { user, session_id, send };
}

describe("execute rate limit through the route", () => {
  it("charges only plans that pass validation and answers 429 with Retry-After past the limit", async () => {
    const { send } = await executorWithLimit("2");
    for (let i = 0; i < 3; i++) expect((await send({ operation: "mean", target_column: "nope" })).status).toBe(422);
    const first = await send({ operation: "count" });
    expect(first.status).toBe(200);
    expect(first.headers.get("RateLimit-Policy")).toMatch(/q=2;w=3600/);
    expect((await send({ operation: "sum", target_column: "a" })).status).toBe(200);
    const refused = await send({ operation: "count" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual(problem(429, "rate_limited"));
  });

  it("limits refused plans apart, at 10 x EXECUTE_RATE_LIMIT per hour, and does not record past it", async () => {
    const { user, session_id, send } = await executorWithLimit("1");
    for (let i = 0; i < 10; i++) expect((await send({ operation: "mean", target_column: "nope" })).status).toBe(422);
    const refused = await send({ operation: "mean", target_column: "nope" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    const history = (await (await call(`/api/analytics/history/${session_id}`, { token: user.token })).json()) as unknown[];
    expect(history).toHaveLength(10);
    // Valid plans still have their own slot.
    expect((await send({ operation: "count" })).status).toBe(200);
  });
});

describe("execute slots through the route", () => {
  it("admits exactly L of 3L parallel valid executions, records exactly those, and refuses the rest with 429", async () => {
    const { user, session_id, send } = await executorWithLimit("4");
    const answers = await Promise.all(Array.from({ length: 12 }, () => send({ operation: "count" })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(4);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(8);
    for (const res of refused) expect(res.headers.get("Retry-After")).toMatch(/^(3600|3599)$/);
    const history = (await (await call(`/api/analytics/history/${session_id}`, { token: user.token })).json()) as Array<{ success: boolean }>;
    expect(history.map((h) => h.success)).toEqual([true, true, true, true]);
  });

  it("gives the slot back when the call never gets to a valid plan: unknown dataset, malformed body, refused plan", async () => {
    const { user, session_id } = await executorWithLimit("1");
    const app = createApp();
    const limited = { ...env, EXECUTE_RATE_LIMIT: "1" };
    const post = (body: string) =>
      app.request("/api/analytics/execute", { method: "POST", headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "application/json" }, body }, limited);
    expect((await post(JSON.stringify({ session_id: crypto.randomUUID(), plan: { operation: "count" } }))).status).toBe(404);
    expect((await post("{not json")).status).toBe(400);
    expect((await post(JSON.stringify({ session_id, plan: { operation: "count" }, extra: 1 }))).status).toBe(422);
    const refused = await post(JSON.stringify({ session_id, plan: { operation: "mean", target_column: "nope" } }));
    expect(refused.status).toBe(422);
    expect(refused.headers.get("RateLimit")).toBe('"execute";r=1;t=0');
    const ok = await post(JSON.stringify({ session_id, plan: { operation: "count" } }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("RateLimit")).toMatch(/^"execute";r=0;t=36\d\d$/);
  });

  it("gives back the slot taken alongside the user check when the user turns out to be inactive (the same 401)", async () => {
    const { user, send } = await executorWithLimit("1");
    await env.DB.prepare("update users set is_active = 0 where id = ?").bind(user.id).run();
    const refused = await send({ operation: "count" });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("RateLimit")).toBeNull();
    await env.DB.prepare("update users set is_active = 1 where id = ?").bind(user.id).run();
    const ok = await send({ operation: "count" });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("RateLimit")).toMatch(/^"execute";r=0;t=36\d\d$/);
  });
});
