/**
 * Server-Timing on the API's answers: every operation of the OpenAPI document answers with the phases it ran
 * (names from the fixed list only, durations in milliseconds, nothing else), error answers included, and the
 * header is readable by an allowed origin's pages.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { TIMING_METRICS } from "../src/timing";
import { call, createUser, type TestUser, unique, uploadOk } from "./factories";

const CSV = "region,amount\neast,10\nwest,20\neast,5\n";
const PLAN = { operation: "sum", target_column: "amount", group_by: ["region"], chart_type: "bar" };
/** One phase: a name from the list and a duration; no description or other parameter that could carry detail. */
const ENTRY = new RegExp(`^(${TIMING_METRICS.join("|")});dur=\\d+(\\.\\d+)?$`);

/** The phases of an answer's Server-Timing, checked for form and order (the list's order, each at most once). */
function phases(res: Response): string[] {
  const value = res.headers.get("Server-Timing");
  expect(value, `${res.status} without Server-Timing`).not.toBeNull();
  const entries = value!.split(", ");
  for (const entry of entries) expect(entry).toMatch(ENTRY);
  const names = entries.map((e) => e.split(";")[0]);
  expect(names).toEqual(TIMING_METRICS.filter((m) => names.includes(m)));
  return names;
}

/** A JSON-RPC tools/call of the MCP endpoint (stateless: no session to open first). */
const mcpCall = (name: string, args: Record<string, unknown>) => ({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } });

let user: TestUser;
let sessionId: string;
let analysisId: string;

beforeAll(async () => {
  user = await createUser();
  sessionId = (await uploadOk(user.token, CSV)).session_id;
  const res = await call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id: sessionId, plan: PLAN } });
  analysisId = ((await res.json()) as { analysis_id: string }).analysis_id;
});

describe("Server-Timing", () => {
  it("is on the answer of every operation in the OpenAPI document, with the phases each one runs", async () => {
    const doc = (await (await call("/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    const name = unique("t");
    const form = () => {
      const body = new FormData();
      body.append("file", new File([CSV], "x.csv"));
      return body;
    };
    // Each operation, called so that it succeeds, and the phases it must report. DELETE runs last.
    const calls: Array<[string, () => Promise<Response>, string[]]> = [
      ["GET /health", () => call("/health"), ["db", "storage"]],
      ["POST /api/auth/register", () => call("/api/auth/register", { method: "POST", json: { email: `${name}@example.com`, username: name, password: "correct horse battery" } }), ["auth", "db"]],
      ["POST /api/auth/login", () => call("/api/auth/login", { method: "POST", json: { username: user.username, password: user.password } }), ["auth", "db", "limiter"]],
      ["GET /api/auth/me", () => call("/api/auth/me", { token: user.token }), ["auth", "db"]],
      ["POST /api/analytics/upload", () => call("/api/analytics/upload", { method: "POST", body: form(), token: user.token }), ["auth", "db", "limiter", "storage", "engine"]],
      ["GET /api/analytics/datasets", () => call("/api/analytics/datasets", { token: user.token }), ["auth", "db"]],
      ["GET /api/analytics/datasets/{session_id}", () => call(`/api/analytics/datasets/${sessionId}`, { token: user.token }), ["auth", "db"]],
      ["GET /api/analytics/datasets/{session_id}/plan-schema", () => call(`/api/analytics/datasets/${sessionId}/plan-schema`, { token: user.token }), ["auth", "db", "engine"]],
      ["GET /api/analytics/plan-schema", () => call("/api/analytics/plan-schema"), ["engine"]],
      ["POST /api/analytics/validate", () => call("/api/analytics/validate", { method: "POST", token: user.token, json: { session_id: sessionId, plan: PLAN } }), ["auth", "db", "engine"]],
      ["POST /api/analytics/execute", () => call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id: sessionId, plan: PLAN } }), ["auth", "db", "limiter", "engine", "chart", "record"]],
      ["GET /api/analytics/history/{session_id}", () => call(`/api/analytics/history/${sessionId}`, { token: user.token }), ["auth", "db"]],
      ["GET /api/analytics/history/{session_id}/{analysis_id}/chart.svg", () => call(`/api/analytics/history/${sessionId}/${analysisId}/chart.svg`, { token: user.token }), ["auth", "db"]],
      // A static document: no phase, so no header.
      ["GET /.well-known/oauth-protected-resource/mcp", () => call("/.well-known/oauth-protected-resource/mcp"), []],
      ["POST /mcp", () => call("/mcp", { method: "POST", token: user.token, headers: { Accept: "application/json" }, json: mcpCall("execute_plan", { session_id: sessionId, plan: PLAN }) }), ["auth", "db", "limiter", "engine", "chart", "record"]],
      ["DELETE /api/analytics/datasets/{session_id}", () => call(`/api/analytics/datasets/${sessionId}`, { method: "DELETE", token: user.token }), ["auth", "db", "storage"]],
    ];
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(calls.map(([op]) => op).sort()).toEqual(operations.sort());
    for (const [op, send, expected] of calls) {
      const res = await send();
      expect(res.status, op).toBeLessThan(300);
      const body = await res.text();
      if (op === "POST /mcp") expect(JSON.parse(body).result.isError, body.slice(0, 300)).toBeFalsy();
      if (expected.length === 0) expect(res.headers.get("Server-Timing"), op).toBeNull();
      else expect(phases(res), op).toEqual(expected);
    }
  });

  it("reports the snapshot read of a cold dataset as storage", async () => {
    const cold = await uploadOk(user.token, `${CSV}north,1\n`);
    const res = await call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id: cold.session_id, plan: { operation: "count" } } });
    expect(res.status).toBe(200);
    expect(phases(res)).toEqual(["auth", "db", "limiter", "storage", "engine", "record"]);
  });

  it("is on error answers too, with the phases that ran before the refusal", async () => {
    const other = await createUser();
    const theirs = await call(`/api/analytics/datasets/${(await uploadOk(other.token, CSV)).session_id}`, { token: user.token });
    expect(theirs.status).toBe(404);
    expect(phases(theirs)).toEqual(["auth", "db"]);
    const forged = await call("/api/auth/me", { token: `${user.token.slice(0, -2)}xx` });
    expect(forged.status).toBe(401);
    expect(phases(forged)).toEqual(["auth"]);
    const refused = await call("/api/analytics/execute", { method: "POST", token: other.token, json: { session_id: sessionId, plan: { operation: "nope" } } });
    expect(refused.status).toBe(404);
    expect(phases(refused)).toEqual(["auth", "db", "limiter"]);
    const own = (await uploadOk(other.token, CSV)).session_id;
    await call("/api/analytics/validate", { method: "POST", token: other.token, json: { session_id: own, plan: PLAN } }); // warms its table
    const invalid = await call("/api/analytics/execute", { method: "POST", token: other.token, json: { session_id: own, plan: { operation: "nope" } } });
    expect(invalid.status).toBe(422);
    expect(phases(invalid)).toEqual(["auth", "db", "limiter", "engine", "record"]);
    const tool = await call("/mcp", { method: "POST", token: user.token, headers: { Accept: "application/json" }, json: mcpCall("execute_plan", { session_id: own, plan: PLAN }) });
    expect(((await tool.json()) as { result: { isError?: boolean } }).result.isError).toBe(true);
    expect(phases(tool)).toEqual(["auth", "db", "limiter"]);
  });

  it("shows the engine's own time: the execute's engine phase is the time it spent computing", async () => {
    const app = createApp();
    const res = await app.request(
      "/api/analytics/execute",
      { method: "POST", headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "application/json" }, body: JSON.stringify({ session_id: (await uploadOk(user.token, CSV)).session_id, plan: { operation: "count" } }) },
      env,
    );
    const body = (await res.json()) as { execution_time_ms: number };
    const engine = Number(/engine;dur=([\d.]+)/.exec(res.headers.get("Server-Timing") ?? "")?.[1]);
    expect(engine).toBeGreaterThanOrEqual(0);
    expect(engine).toBeLessThanOrEqual(body.execution_time_ms);
  });
});
