import { env } from "cloudflare:test";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";
import { ApiError, problemResponse } from "../src/errors";
import type { AppEnv } from "../src/http/app-env";
import { rateLimitClock } from "../src/rate-limit/clock";
import { checkExecuteLimit, consumeExecuteSlot } from "../src/rate-limit/rate-limit";
import { unique } from "./factories";

afterEach(() => {
  rateLimitClock.now = undefined;
});

/**
 * The two-step execute limit on its own (checkExecuteLimit, consumeExecuteSlot): check before the body is read,
 * validate, then take the slot. Only a body with `"valid": true` passes "validation". The execute route itself
 * reserves its slot with the user lookup (test/rate-limit.route.test.ts).
 */
function executeApp(limit: number) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("requestId", "test-request-id");
    c.set("config", loadConfig({ ...env, EXECUTE_RATE_LIMIT: String(limit) }));
    c.set("userId", c.req.header("X-User") as string);
    await next();
  });
  app.post("/execute", checkExecuteLimit(), async (c) => {
    const body = await c.req.json<{ valid: boolean }>();
    if (!body.valid) throw new ApiError({ code: "invalid_plan", message: "The plan does not validate." });
    await consumeExecuteSlot(c);
    return c.json({ success: true });
  });
  app.onError((error, c) => problemResponse(c, error as ApiError));
  return (user: string, valid = true) =>
    app.request("/execute", { method: "POST", headers: { "X-User": user, "Content-Type": "application/json" }, body: JSON.stringify({ valid }) }, env);
}

describe("execute limit pieces", () => {
  it("counts only executions that passed validation", async () => {
    const execute = executeApp(2);
    const user = unique("exec");
    const t0 = Date.now();
    rateLimitClock.now = () => t0;
    for (let i = 0; i < 5; i++) {
      const refused = await execute(user, false);
      expect(refused.status).toBe(422);
      expect(refused.headers.get("RateLimit")).toBe('"execute";r=2;t=0');
    }
    const first = await execute(user);
    expect(first.status).toBe(200);
    expect([first.headers.get("RateLimit-Policy"), first.headers.get("RateLimit")]).toEqual(['"execute";q=2;w=3600', '"execute";r=1;t=3600']);
    rateLimitClock.now = () => t0 + 60_000;
    expect((await execute(user)).headers.get("RateLimit")).toBe('"execute";r=0;t=3540');
    // Full: refused by the check, before the body (valid or not) matters.
    for (const valid of [true, false]) {
      const res = await execute(user, valid);
      expect(res.status).toBe(429);
      expect(res.headers.get("Retry-After")).toBe("3540");
    }
    expect((await execute(unique("other"))).status).toBe(200);
  });

  it("admits exactly L of 3L parallel valid executions even though all pass the check first", async () => {
    const execute = executeApp(4);
    const user = unique("exec");
    const answers = await Promise.all(Array.from({ length: 12 }, () => execute(user)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(4);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(8);
    for (const res of refused) expect(res.headers.get("Retry-After")).toMatch(/^(3600|3599)$/);
  });
});
