/**
 * Sequential storage round trips per route. The D1, R2 and rate-limiter bindings are wrapped (./storage-calls) so
 * each call records when it started and when it answered; calls in flight together form one wave, and a route's
 * count is the longest chain of calls each started after the previous one answered. In production each wave is a
 * network round trip (often tens of milliseconds from the user's edge), so this count, not the engine, decides
 * what a user waits. The counts before this design are in the README ("Round trips").
 */
import { env } from "cloudflare:test";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createUser, type TestUser, uploadOk } from "./factories";
import { connectMcp } from "./mcp-client";
import { recordStorageCalls, type StorageRecorder } from "./storage-calls";

const app = createApp();
const CSV = "region,amount\neast,10\nwest,20\neast,5\n";
const PLAN = { operation: "mean", target_column: "amount", filters: [{ column: "amount", operator: ">", value: 1 }], group_by: ["region"] };

let user: TestUser;
let sessionId: string;
let analysisId: string;

/** Sends a request through bindings that record every storage call; the answer, with the calls grouped by wave. */
async function send(path: string, init: RequestInit & { json?: unknown } = {}): Promise<{ res: Response; rec: StorageRecorder; inFlightAtAnswer: number }> {
  const rec = recordStorageCalls();
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${user.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  const res = await app.request(path, { ...init, headers, body }, { ...env, ...rec.bindings });
  // Counted as the answer arrives, before its body is read: anything still running would outlive the answer.
  const inFlightAtAnswer = rec.calls.filter((c) => !Number.isFinite(c.ended)).length;
  return { res, rec, inFlightAtAnswer };
}

/** The waves as `binding.operation` names, sorted within a wave (calls in one wave have no order). */
const shape = (rec: StorageRecorder) => rec.byWave().map((wave) => wave.map((c) => `${c.binding}.${c.operation}`).sort());

beforeAll(async () => {
  user = await createUser();
  sessionId = (await uploadOk(user.token, CSV)).session_id;
  // The first execute reads the snapshot from R2 and leaves the decoded table in the isolate: the dataset is warm.
  const first = await send("/api/analytics/execute", { method: "POST", json: { session_id: sessionId, plan: { ...PLAN, chart_type: "bar" } } });
  analysisId = ((await first.res.json()) as { analysis_id: string }).analysis_id;
});

describe("execute", () => {
  it("on a warm dataset: 2 waves, the user, dataset and limiter at once, then the history row, written before the answer", async () => {
    const { res, rec, inFlightAtAnswer } = await send("/api/analytics/execute", { method: "POST", json: { session_id: sessionId, plan: PLAN } });
    expect(res.status).toBe(200);
    expect(inFlightAtAnswer).toBe(0);
    expect(shape(rec)).toEqual([["d1.batch", "limiter.consume"], ["d1.run"]]);
    const [lookup] = rec.byWave()[0].filter((c) => c.binding === "d1");
    expect(lookup.detail).toMatch(/from "users".*; select .* from "datasets"/);
    expect(rec.byWave()[1][0].detail).toMatch(/^insert into "analyses"/);
    const { analysis_id } = (await res.json()) as { analysis_id: string };
    expect(await env.DB.prepare("select success from analyses where id = ?").bind(analysis_id).first("success")).toBe(1);
  });

  it("on a cold dataset: the snapshot read adds one wave (3)", async () => {
    const cold = await uploadOk(user.token, `${CSV}north,7\n`);
    const { res, rec } = await send("/api/analytics/execute", { method: "POST", json: { session_id: cold.session_id, plan: PLAN } });
    expect(res.status).toBe(200);
    expect(shape(rec)).toEqual([["d1.batch", "limiter.consume"], ["r2.get"], ["d1.run"]]);
  });

  it("a refused plan: 3 waves, the slot given back alongside the refused-plans charge, then the history row", async () => {
    const { res, rec, inFlightAtAnswer } = await send("/api/analytics/execute", { method: "POST", json: { session_id: sessionId, plan: { operation: "mean", target_column: "nope" } } });
    expect(res.status).toBe(422);
    expect(inFlightAtAnswer).toBe(0);
    expect(shape(rec)).toEqual([["d1.batch", "limiter.consume"], ["limiter.consume", "limiter.refund"], ["d1.run"]]);
  });

  it("another user's dataset: 2 waves (the slot taken at once is given back before the 404), nothing recorded", async () => {
    const other = await createUser();
    const theirs = await uploadOk(other.token, CSV);
    const { res, rec, inFlightAtAnswer } = await send("/api/analytics/execute", { method: "POST", json: { session_id: theirs.session_id, plan: PLAN } });
    expect(res.status).toBe(404);
    expect(inFlightAtAnswer).toBe(0);
    expect(shape(rec)).toEqual([["d1.batch", "limiter.consume"], ["limiter.refund"]]);
  });
});

describe("reads: one wave each", () => {
  it.each([
    ["validate", "/api/analytics/validate", { method: "POST", json: { session_id: "SESSION", plan: PLAN } }],
    ["validate (a bare plan)", "/api/analytics/validate", { method: "POST", json: PLAN }],
    ["get", "/api/analytics/datasets/SESSION", {}],
    ["list", "/api/analytics/datasets", {}],
    ["history", "/api/analytics/history/SESSION", {}],
    ["history, a later page", "/api/analytics/history/SESSION?limit=1&before=999999999", {}],
    ["plan-schema", "/api/analytics/datasets/SESSION/plan-schema", {}],
    ["me", "/api/auth/me", {}],
  ] as const)("%s", async (_name, path, init) => {
    const json = "json" in init ? JSON.parse(JSON.stringify(init.json).replace("SESSION", sessionId)) : undefined;
    const { res, rec } = await send(path.replace("SESSION", sessionId), { ...init, json });
    expect(res.status).toBe(200);
    expect(rec.waves()).toBe(1);
    expect(rec.calls).toHaveLength(1);
  });

  it("a chart's SVG: 1 wave (the user, the dataset and the analysis in one batch)", async () => {
    const { res, rec } = await send(`/api/analytics/history/${sessionId}/${analysisId}/chart.svg`);
    expect(res.status).toBe(200);
    expect(shape(rec)).toEqual([["d1.batch"]]);
    expect(rec.calls[0].detail).toMatch(/from "users".*; select .* from "datasets".*; select .* from "analyses"/);
  });

  it("validate on a cold dataset: 2 waves (the snapshot read)", async () => {
    const cold = await uploadOk(user.token, `${CSV}south,3\n`);
    const { res, rec } = await send("/api/analytics/validate", { method: "POST", json: { session_id: cold.session_id, plan: PLAN } });
    expect(res.status).toBe(200);
    expect(shape(rec)).toEqual([["d1.batch"], ["r2.get"]]);
  });
});

describe("upload", () => {
  it("asks the limiter while D1 checks the user: 4 waves", async () => {
    const form = new FormData();
    form.append("file", new File([CSV], "x.csv"));
    const { res, rec } = await send("/api/analytics/upload", { method: "POST", body: form });
    expect(res.status).toBe(201);
    expect(shape(rec)).toEqual([["d1.raw", "limiter.consume"], ["d1.run"], ["r2.put", "r2.put"], ["d1.run"]]);
  });
});

describe("MCP tools: the token's user when the request arrives, then the same services as the routes", () => {
  const rec = recordStorageCalls();
  let client: Client;
  let inFlightAtAnswer = 0;

  beforeAll(async () => {
    client = await connectMcp(user.token, {
      worker: async (request) => {
        const res = await app.request(request, undefined, { ...env, ...rec.bindings });
        inFlightAtAnswer = rec.calls.filter((c) => !Number.isFinite(c.ended)).length;
        return res;
      },
    });
  });
  afterAll(() => client.close());

  async function tool(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    rec.reset();
    return (await client.callTool({ name, arguments: args })) as CallToolResult;
  }

  it("execute_plan on a warm dataset: 3 waves, the dataset and the limiter at once, then the history row, written before the answer", async () => {
    // /mcp checks the user before it reads the body (so an anonymous or disabled caller cannot make it buffer one):
    // that wave comes first; the rest is executeOnSession, as on the route.
    const result = await tool("execute_plan", { session_id: sessionId, plan: PLAN, chart: "spec" });
    expect(result.isError).toBeFalsy();
    expect(inFlightAtAnswer).toBe(0);
    expect(shape(rec)).toEqual([["d1.raw"], ["d1.raw", "limiter.consume"], ["d1.run"]]);
    expect(rec.byWave()[1].find((c) => c.binding === "d1")?.detail).toMatch(/from "datasets"/);
    expect(rec.byWave()[2][0].detail).toMatch(/^insert into "analyses"/);
  });

  it("execute_plan with a refused plan: the slot given back alongside the refused-plans charge, then the history row", async () => {
    const result = await tool("execute_plan", { session_id: sessionId, plan: { operation: "mean", target_column: "nope" } });
    expect(result.isError).toBe(true);
    expect(inFlightAtAnswer).toBe(0);
    expect(shape(rec)).toEqual([["d1.raw"], ["d1.raw", "limiter.consume"], ["limiter.consume", "limiter.refund"], ["d1.run"]]);
  });

  it.each([
    ["validate_plan", { session_id: "SESSION", plan: PLAN }, [["d1.raw"], ["d1.raw"]]],
    ["describe_dataset", { session_id: "SESSION" }, [["d1.raw"], ["d1.raw"]]],
    ["list_datasets", {}, [["d1.raw"], ["d1.raw"]]],
    ["get_history", { session_id: "SESSION" }, [["d1.raw"], ["d1.batch"]]],
  ] as const)("%s: 2 waves, the user and then one read", async (name, args, expected) => {
    const result = await tool(name, JSON.parse(JSON.stringify(args).replace("SESSION", sessionId)));
    expect(result.isError).toBeFalsy();
    expect(shape(rec)).toEqual(expected);
  });
});
