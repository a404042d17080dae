/**
 * The MCP endpoint's security items (SECURITY.md "MCP endpoint"): the bearer token checked on every request with
 * the API's own checks, the 401 challenge and its RFC 9728 metadata, the Origin check against DNS rebinding,
 * statelessness (GET, DELETE, no session), protocol-version negotiation, and that every tool and resource acts as
 * the token's user only.
 */
import { LATEST_PROTOCOL_VERSION, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { env } from "cloudflare:test";
import { sign } from "hono/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createUser, problem, type TestUser, uploadOk } from "./factories";
import { connectMcp, textJson } from "./mcp-client";

const METADATA_URL = "http://wake.test/.well-known/oauth-protected-resource/mcp";
const INITIALIZE = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};

/** A raw JSON-RPC POST to /mcp, as a client without the SDK would send it. */
function post(body: unknown, init: { token?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  return call("/mcp", { method: "POST", json: body, token: init.token, headers: { Accept: "application/json, text/event-stream", ...init.headers } });
}

let owner: TestUser;
let other: TestUser;
let sessionId: string;

beforeAll(async () => {
  [owner, other] = await Promise.all([createUser(), createUser()]);
  sessionId = (await uploadOk(owner.token, "zqxRegion,zqxAmount\nzqxEast,987654.321\nzqxWest,2\n", "zqx-secret.csv")).session_id;
});

describe("MCP authentication", () => {
  it("answers a request without a token 401 with a Bearer challenge naming the protected-resource metadata", async () => {
    const res = await post(INITIALIZE);
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toBe(`Bearer realm="wake-analyzer", resource_metadata="${METADATA_URL}"`);
    expect(await res.json()).toEqual(problem(401, "not_authenticated"));
    await expect(connectMcp(undefined)).rejects.toThrow(/401|nauthorized/);
  });

  it("refuses every token the API refuses, with error=invalid_token", async () => {
    const secret = env.SECRET_KEY as string;
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: owner.id, iat: now, exp: now + 600, iss: "wake-analyzer", aud: "wake-analyzer-api" };
    const tokens: Array<[string, string]> = [
      ["garbage", "not-a-token"],
      ["another audience", await sign({ ...claims, aud: "some-other-resource" }, secret, "HS256")],
      ["another issuer", await sign({ ...claims, iss: "elsewhere" }, secret, "HS256")],
      ["expired", await sign({ ...claims, iat: now - 7200, exp: now - 3600 }, secret, "HS256")],
      ["HS512", await sign(claims, secret, "HS512")],
      ["another key", await sign(claims, "another-secret-key-that-is-long-enough-for-hs256", "HS256")],
      ["no exp", await sign({ sub: owner.id, iat: now, iss: "wake-analyzer", aud: "wake-analyzer-api" }, secret, "HS256")],
    ];
    for (const [name, token] of tokens) {
      const res = await post(INITIALIZE, { token });
      expect(res.status, name).toBe(401);
      expect(res.headers.get("WWW-Authenticate"), name).toBe(`Bearer realm="wake-analyzer", error="invalid_token", resource_metadata="${METADATA_URL}"`);
      expect(await res.json(), name).toEqual(problem(401, "invalid_token"));
    }
    // The right claims with the right key are accepted, so the refusals above are the claims' own.
    expect((await post(INITIALIZE, { token: await sign(claims, secret, "HS256") })).status).toBe(200);
  });

  it("serves the RFC 9728 metadata: this endpoint as the resource, bearer tokens in the header, no authorization server yet", async () => {
    const res = await call("/.well-known/oauth-protected-resource/mcp");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      resource: "http://wake.test/mcp",
      resource_name: "Wake Analyzer MCP server",
      bearer_methods_supported: ["header"],
      resource_documentation: "http://wake.test/docs",
    });
  });
});

describe("MCP Origin check", () => {
  it("refuses a foreign Origin with 403 on every method, preflight included, and allows ALLOWED_ORIGINS and no Origin", async () => {
    for (const origin of ["https://evil.example.com", "null", "http://wake.test", "https://app.example.com.evil.com"]) {
      const res = await post(INITIALIZE, { token: owner.token, headers: { Origin: origin } });
      expect(res.status, origin).toBe(403);
      expect(await res.json()).toEqual(problem(403, "origin_not_allowed", { title: "Forbidden" }));
      expect((await call("/mcp", { method: "GET", headers: { Origin: origin } })).status, origin).toBe(403);
      const preflight = await call("/mcp", { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST" } });
      expect(preflight.status, origin).toBe(403);
    }
    const allowed = await post(INITIALIZE, { token: owner.token, headers: { Origin: "https://app.example.com" } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe("https://app.example.com");
    const preflight = await call("/mcp", {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type,mcp-protocol-version" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("mcp-protocol-version");
    expect((await post(INITIALIZE, { token: owner.token })).status).toBe(200);
  });
});

describe("MCP statelessness and protocol versions", () => {
  it("issues no session, answers any request on its own, and refuses GET, DELETE and other methods with 405", async () => {
    const init = await post(INITIALIZE, { token: owner.token });
    expect(init.headers.get("Mcp-Session-Id")).toBeNull();
    expect(init.headers.get("Content-Type")).toMatch(/^application\/json/);
    // No initialize on this "connection": each request stands alone.
    const list = await post({ jsonrpc: "2.0", id: 2, method: "tools/list" }, { token: owner.token, headers: { "MCP-Protocol-Version": LATEST_PROTOCOL_VERSION } });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { result: { tools: unknown[] } }).result.tools).toHaveLength(7);
    for (const method of ["GET", "DELETE", "PUT", "PATCH"]) {
      const res = await call("/mcp", { method, token: owner.token, headers: { Accept: "text/event-stream" } });
      expect(res.status, method).toBe(405);
      expect(res.headers.get("Allow")).toBe("POST");
      expect(await res.json()).toEqual(problem(405, "method_not_allowed", { title: "Method Not Allowed" }));
    }
  });

  it("negotiates the protocol version and refuses an unsupported MCP-Protocol-Version header with a JSON-RPC error", async () => {
    const older = await post({ ...INITIALIZE, params: { ...INITIALIZE.params, protocolVersion: "2025-06-18" } }, { token: owner.token });
    expect(((await older.json()) as { result: { protocolVersion: string } }).result.protocolVersion).toBe("2025-06-18");
    const unknown = await post({ ...INITIALIZE, params: { ...INITIALIZE.params, protocolVersion: "1999-01-01" } }, { token: owner.token });
    expect(((await unknown.json()) as { result: { protocolVersion: string } }).result.protocolVersion).toBe(LATEST_PROTOCOL_VERSION);
    const refused = await post({ jsonrpc: "2.0", id: 3, method: "tools/list" }, { token: owner.token, headers: { "MCP-Protocol-Version": "1999-01-01" } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32000, message: expect.stringContaining("Unsupported protocol version") } });
  });
});

describe("MCP isolation (.security)", () => {
  it("answers another user's session_id as not found in every tool and resource, and leaks nothing of it", async () => {
    const client = await connectMcp(other.token);
    const seen: string[] = [];
    const calls: Array<[string, Record<string, unknown>]> = [
      ["describe_dataset", { session_id: sessionId }],
      ["validate_plan", { session_id: sessionId, plan: { operation: "count" } }],
      ["execute_plan", { session_id: sessionId, plan: { operation: "count" } }],
      ["execute_plan", { session_id: sessionId, plan: { operation: "mean", target_column: "zqxAmount" } }],
      ["get_history", { session_id: sessionId }],
      ["delete_dataset", { session_id: sessionId }],
    ];
    for (const [name, args] of calls) {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      seen.push(JSON.stringify(result));
      expect(result.isError, name).toBe(true);
      expect(textJson(result), name).toEqual({ error: { code: "not_found", status: 404, message: "Dataset not found" } });
    }
    for (const uri of [`wake://datasets/${sessionId}/profile`, `wake://datasets/${sessionId}/plan-schema`, `wake://datasets/${sessionId}/analyses/x/chart.svg`]) {
      const read = client.readResource({ uri });
      await expect(read, uri).rejects.toMatchObject({ code: -32002, data: { uri } });
      seen.push(String(await read.catch((e: Error) => e.message)));
    }
    const listed = (await client.callTool({ name: "list_datasets", arguments: {} })) as CallToolResult;
    expect(listed.structuredContent).toEqual({ datasets: [] });
    seen.push(JSON.stringify(listed), JSON.stringify(await client.listResources()));
    for (const text of seen) expect(text).not.toMatch(/zqx|987654/);
    await client.close();

    // The owner still has everything, and nothing was recorded by the other user's attempts.
    const mine = await connectMcp(owner.token);
    const history = (await mine.callTool({ name: "get_history", arguments: { session_id: sessionId } })) as CallToolResult;
    expect(history.structuredContent).toEqual({ analyses: [], next_before: null });
    const described = (await mine.callTool({ name: "describe_dataset", arguments: { session_id: sessionId } })) as CallToolResult;
    expect(described.isError).toBeFalsy();
    await mine.close();
  });
});
