/**
 * How the MCP endpoint fails: a service error is a tool result with `isError: true` carrying the code, message and
 * field problems the HTTP API answers for the same input; a protocol error is a JSON-RPC error. Rate limits, size
 * caps and upload errors are those of the HTTP API, counted in the same places.
 */
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { type CallToolResult, LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { call, createUser, problem, type TestUser, upload, uploadOk } from "./factories";
import { connectMcp, textJson, type WorkerFetch } from "./mcp-client";

let user: TestUser;
let sessionId: string;
let client: Client;

beforeAll(async () => {
  user = await createUser();
  sessionId = (await uploadOk(user.token, "region,amount\neast,10\nwest,20\n")).session_id;
  client = await connectMcp(user.token);
});

const callTool = async (name: string, args: Record<string, unknown>, on: Client = client) =>
  (await on.callTool({ name, arguments: args })) as CallToolResult;

/** The `error` of a failed tool call, after checking that it failed. */
function errorOf(result: CallToolResult) {
  expect(result.isError, JSON.stringify(result).slice(0, 300)).toBe(true);
  expect(result.structuredContent).toBeUndefined();
  return (textJson(result) as { error: { code: string; status: number; message: string; errors?: unknown[]; retry_after_seconds?: number } }).error;
}

/** The app under other settings (rate limits, caps), reached by the SDK client as the Worker would be. */
function workerWith(vars: Record<string, string>): WorkerFetch {
  const app = createApp();
  const configured = { ...env, ...vars };
  return async (request) => app.request(request, undefined, configured);
}

describe("MCP tool errors", () => {
  it("answers arguments that break a tool's schema as the API answers such a body: validation_error with field problems", async () => {
    const missing = errorOf(await callTool("execute_plan", { plan: { operation: "count" } }));
    const http = await call("/api/analytics/execute", { method: "POST", token: user.token, json: { plan: { operation: "count" } } });
    expect(http.status).toBe(422);
    const httpProblem = (await http.json()) as { errors: unknown[]; detail: string };
    expect(missing).toEqual({ code: "validation_error", status: 422, message: httpProblem.detail, errors: httpProblem.errors });

    const unknown = errorOf(await callTool("execute_plan", { session_id: sessionId, plan: { operation: "count" }, sesion: 1 }));
    const httpUnknown = (await (await call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id: sessionId, plan: { operation: "count" }, sesion: 1 } })).json()) as { errors: unknown[] };
    expect(unknown.errors).toEqual(httpUnknown.errors);

    expect(errorOf(await callTool("get_history", { session_id: sessionId, limit: 0 })).errors).toEqual([
      { path: "limit", code: "out_of_range", message: expect.any(String) },
    ]);
    expect(errorOf(await callTool("get_history", { session_id: 7 })).errors).toEqual([{ path: "session_id", code: "invalid_type", message: expect.any(String) }]);
  });

  it("answers an invalid plan with invalid_plan and the errors /validate finds", async () => {
    const plan = { operation: "mean", target_column: "amout", filters: [{ column: "regon", operator: "==", value: "east" }] };
    const refused = errorOf(await callTool("execute_plan", { session_id: sessionId, plan }));
    const report = (await (await call("/api/analytics/validate", { method: "POST", token: user.token, json: { session_id: sessionId, plan } })).json()) as { errors: unknown[] };
    expect(refused).toEqual({ code: "invalid_plan", status: 422, message: "The plan is not valid for this dataset.", errors: report.errors });
    expect(report.errors).toHaveLength(2);
    const notAPlan = errorOf(await callTool("execute_plan", { session_id: sessionId, plan: "mean of amount" }));
    expect(notAPlan).toMatchObject({ code: "invalid_plan", errors: [{ path: "plan", code: "invalid_type" }] });
  });

  it("answers protocol errors as JSON-RPC errors: unknown tool, unknown method, unreadable body, unknown resource, bad prompt arguments", async () => {
    await expect(client.callTool({ name: "drop_tables", arguments: {} })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining("Unknown tool: drop_tables") });
    await expect(client.readResource({ uri: "wake://nothing-here" })).rejects.toMatchObject({ code: -32602 });
    await expect(client.readResource({ uri: "wake://datasets/no-such-session/profile" })).rejects.toMatchObject({ code: -32002 });
    await expect(client.getPrompt({ name: "answer_question", arguments: {} })).rejects.toMatchObject({ code: -32602 });
    const headers = { Accept: "application/json, text/event-stream", "MCP-Protocol-Version": LATEST_PROTOCOL_VERSION };
    const method = await call("/mcp", { method: "POST", token: user.token, headers, json: { jsonrpc: "2.0", id: 9, method: "tables/drop" } });
    expect(await method.json()).toEqual({ jsonrpc: "2.0", id: 9, error: { code: -32601, message: "Method not found" } });
    const garbled = await call("/mcp", { method: "POST", token: user.token, headers: { ...headers, "Content-Type": "application/json" }, body: "{not json" });
    expect(garbled.status).toBe(400);
    expect(await garbled.json()).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
    const list = JSON.stringify({ jsonrpc: "2.0", id: 10, method: "tools/list" });
    const text = await call("/mcp", { method: "POST", token: user.token, headers: { ...headers, "Content-Type": "text/plain" }, body: list });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ jsonrpc: "2.0", error: { message: expect.stringContaining("Content-Type must be application/json") } });
    const html = await call("/mcp", { method: "POST", token: user.token, headers: { ...headers, Accept: "text/html", "Content-Type": "application/json" }, body: list });
    expect(html.status).toBe(406);
  });
});

describe("MCP uploads", () => {
  it("refuses what the upload route refuses, with the same code, message and line", async () => {
    const cases: Array<[string, string, string]> = [
      ["a ragged row", "a,b\n1,2\n3\n", "data.csv"],
      ["a NUL byte", "a,b\n1,\u00002\n", "data.csv"],
      ["no data row", "a,b\n", "data.csv"],
      ["a name that is not .csv", "a,b\n1,2\n", "notes.txt"],
    ];
    for (const [name, csv, filename] of cases) {
      const tool = errorOf(await callTool("upload_csv", { csv, filename }));
      const res = await upload(user.token, csv, filename);
      const http = (await res.json()) as { code: string; detail: string; errors?: unknown[] };
      expect(tool, name).toEqual({ code: http.code, status: res.status, message: http.detail, ...(http.errors ? { errors: http.errors } : {}) });
    }
  });

  it("holds the CSV to MAX_UPLOAD_SIZE bytes and the request to twice that plus 2 MiB", async () => {
    const small = await connectMcp(user.token, { worker: workerWith({ MAX_UPLOAD_SIZE: "64" }) });
    const csv = `a,b\n${"1,2\n".repeat(15)}`; // 64 bytes
    expect((await callTool("upload_csv", { csv }, small)).isError).toBeFalsy();
    expect(errorOf(await callTool("upload_csv", { csv: `${csv}3,4\n` }, small))).toEqual({
      code: "payload_too_large", status: 413, message: "The file exceeds the limit of 64 bytes.",
    });
    // Bytes, not characters: 32 two-byte letters are 64 bytes, plus the header and line end.
    expect(errorOf(await callTool("upload_csv", { csv: `a\n${"é".repeat(32)}\n` }, small)).code).toBe("payload_too_large");
    await small.close();

    const limit = 2 * 64 + 2 * 1024 * 1024;
    const worker = workerWith({ MAX_UPLOAD_SIZE: "64" });
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "upload_csv", arguments: { csv: "x".repeat(limit) } } });
    const res = await worker(new Request("http://wake.test/mcp", { method: "POST", body, headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "application/json", Accept: "application/json" } }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(problem(413, "payload_too_large", { detail: `The request body exceeds the limit of ${limit} bytes.` }));
    // Whatever the declared type: a multipart Content-Type does not take a body past the cap.
    const sneaky = await worker(new Request("http://wake.test/mcp", { method: "POST", body, headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "multipart/form-data; boundary=x, application/json" } }));
    expect(sneaky.status).toBe(413);
    // The body is read only once the caller is authenticated: without a token the answer is 401, not 413.
    const anonymous = await worker(new Request("http://wake.test/mcp", { method: "POST", body, headers: { "Content-Type": "application/json" } }));
    expect(anonymous.status).toBe(401);
  });

  it("accepts through /mcp a CSV larger than the 2 MiB cap of other JSON bodies", async () => {
    const csv = `n,label\n${Array.from({ length: 170_000 }, (_, i) => `${i},"q""${i % 7}"`).join("\n")}\n`;
    expect(csv.length).toBeGreaterThan(2 * 1024 * 1024);
    const result = await callTool("upload_csv", { csv, filename: "big.csv" });
    expect(result.isError, JSON.stringify(result).slice(0, 300)).toBeFalsy();
    expect((result.structuredContent as { metadata: { row_count: number } }).metadata.row_count).toBe(170_000);
  });
});

describe("MCP rate limits", () => {
  it("counts executions as the API does: refused plans free, a slot per answer, 429 as rate_limited with retry_after_seconds, shared with HTTP", async () => {
    const owner = await createUser();
    const session = (await uploadOk(owner.token, "a,b\n1,2\n3,4\n")).session_id;
    const worker = workerWith({ EXECUTE_RATE_LIMIT: "2" });
    const limited = await connectMcp(owner.token, { worker });
    for (let i = 0; i < 3; i++) expect(errorOf(await callTool("execute_plan", { session_id: session, plan: { operation: "mean", target_column: "nope" } }, limited)).code).toBe("invalid_plan");
    expect((await callTool("execute_plan", { session_id: session, plan: { operation: "count" } }, limited)).isError).toBeFalsy();
    const http = await worker(new Request("http://wake.test/api/analytics/execute", {
      method: "POST",
      headers: { Authorization: `Bearer ${owner.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ session_id: session, plan: { operation: "count" } }),
    }));
    expect(http.status).toBe(200);
    const refused = errorOf(await callTool("execute_plan", { session_id: session, plan: { operation: "count" } }, limited));
    expect(refused).toEqual({ code: "rate_limited", status: 429, message: expect.stringContaining("retry after"), retry_after_seconds: expect.any(Number) });
    expect(refused.retry_after_seconds).toBeGreaterThan(0);
    // Refused before any work: recorded neither as a result nor as a refusal.
    const history = (await callTool("get_history", { session_id: session }, limited)).structuredContent as { analyses: Array<{ success: boolean }> };
    expect(history.analyses.map((a) => a.success)).toEqual([true, true, false, false, false]);
    await limited.close();
  });

  it("limits refused plans apart, at ten times EXECUTE_RATE_LIMIT, and records nothing past it", async () => {
    const owner = await createUser();
    const session = (await uploadOk(owner.token, "a,b\n1,2\n")).session_id;
    const limited = await connectMcp(owner.token, { worker: workerWith({ EXECUTE_RATE_LIMIT: "1" }) });
    const refuse = () => callTool("execute_plan", { session_id: session, plan: { operation: "mean", target_column: "nope" } }, limited);
    for (let i = 0; i < 10; i++) expect(errorOf(await refuse()).code).toBe("invalid_plan");
    expect(errorOf(await refuse()).code).toBe("rate_limited");
    const history = (await callTool("get_history", { session_id: session }, limited)).structuredContent as { analyses: unknown[] };
    expect(history.analyses).toHaveLength(10);
    await limited.close();
  });

  it("admits exactly L of 3L parallel execute_plan calls, holding each slot while its call runs, and gives back the slot of an unknown dataset", async () => {
    const owner = await createUser();
    const session = (await uploadOk(owner.token, "a,b\n1,2\n3,4\n")).session_id;
    const limited = await connectMcp(owner.token, { worker: workerWith({ EXECUTE_RATE_LIMIT: "3" }) });
    expect(errorOf(await callTool("execute_plan", { session_id: crypto.randomUUID(), plan: { operation: "count" } }, limited)).code).toBe("not_found");
    const results = await Promise.all(Array.from({ length: 9 }, () => callTool("execute_plan", { session_id: session, plan: { operation: "count" } }, limited)));
    expect(results.filter((r) => !r.isError)).toHaveLength(3);
    expect(results.filter((r) => r.isError).map((r) => errorOf(r).code)).toEqual(Array(6).fill("rate_limited"));
    const history = (await callTool("get_history", { session_id: session }, limited)).structuredContent as { analyses: Array<{ success: boolean }> };
    expect(history.analyses.map((a) => a.success)).toEqual([true, true, true]);
    await limited.close();
  });

  it("takes an upload slot only for a stored dataset, as the upload route does", async () => {
    const owner = await createUser();
    const limited = await connectMcp(owner.token, { worker: workerWith({ UPLOAD_RATE_LIMIT: "1" }) });
    expect(errorOf(await callTool("upload_csv", { csv: "a,b\n1\n" }, limited)).code).toBe("ragged_row");
    expect((await callTool("upload_csv", { csv: "a,b\n1,2\n" }, limited)).isError).toBeFalsy();
    expect(errorOf(await callTool("upload_csv", { csv: "a,b\n1,2\n" }, limited))).toMatchObject({ code: "rate_limited", status: 429, retry_after_seconds: expect.any(Number) });
    await limited.close();
  });
});
