#!/usr/bin/env node
// `npm run mcp:smoke`: the MCP endpoint end to end with the official MCP Inspector CLI, loopback only.
//
// 1. Starts `wrangler dev` on 127.0.0.1 at a free port with its own temporary state and secret (the helper of
//    the load test and the browser tests, scripts/wrangler-dev-server.mjs), or uses a running server given as
//    --url (e.g. --url http://localhost:8787 for `npm run dev`).
// 2. Registers a user, logs in and uploads a small CSV through the HTTP API.
// 3. Runs `mcp-inspector --cli` (@modelcontextprotocol/inspector) against /mcp with the bearer token: lists the
//    tools, then calls execute_plan on the uploaded dataset, and prints both answers.
// 4. Checks that the tools are the seven expected and that execute_plan's result is the one
//    POST /api/analytics/execute computes for the same plan.
// Exits non-zero when a step fails. The server it started is stopped and its temp dir removed on every exit path.
//
// Options: --url URL (use a running server), --startup-timeout S (default 120), --log FILE (keep the wrangler log).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDevServer, resolveTools } from "./wrangler-dev-server.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const INSPECTOR = join(ROOT, "node_modules", "@modelcontextprotocol", "inspector", "clients", "launcher", "build", "index.js");
const EXPECTED_TOOLS = ["list_datasets", "describe_dataset", "validate_plan", "execute_plan", "get_history", "upload_csv", "delete_dataset"];
const CSV = "region,amount,day\neast,10,2026-01-01\nwest,20,2026-01-02\neast,5,2026-01-03\nwest,7.5,2026-01-04\nnorth,12,2026-01-05\n";
const PLAN = { operation: "mean", target_column: "amount", group_by: ["region"] };

const { values: flags } = parseArgs({
  options: { url: { type: "string" }, "startup-timeout": { type: "string" }, log: { type: "string" } },
  strict: true,
});

let server = null;
// Removed at exit; wrangler's own temp dir goes with server.stop().
const inspectorHome = mkdtempSync(join(tmpdir(), "wake-mcp-inspector-"));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await server?.stop();
    process.exit(130);
  });
}
process.on("exit", () => {
  server?.stopNow();
  rmSync(inspectorHome, { recursive: true, force: true });
});

try {
  const tools = resolveTools(ROOT);
  let base = flags.url?.replace(/\/+$/, "");
  if (base === undefined) {
    server = createDevServer({
      root: ROOT,
      host: "127.0.0.1",
      tools,
      startupTimeoutS: Number(flags["startup-timeout"] ?? 120),
      keepLogAs: flags.log,
      tempPrefix: "wake-mcp-smoke-",
    });
    base = await server.start();
  }
  const token = await signUp(base);
  const sessionId = await uploadCsv(base, token);
  console.log(`uploaded sales.csv as session ${sessionId}\n`);

  const env = inspectorEnv(inspectorHome);
  const common = ["--cli", `${base}/mcp`, "--transport", "http", "--header", `Authorization: Bearer ${token}`, "--format", "json", "-q"];
  const listed = await inspector(tools.node, [...common, "--method", "tools/list"], env);
  console.log("$ mcp-inspector --cli <url>/mcp --transport http --header 'Authorization: Bearer <token>' --method tools/list");
  for (const tool of listed.tools) console.log(`  ${tool.name.padEnd(17)} ${tool.annotations?.readOnlyHint ? "read-only " : "          "}${tool.title}`);
  const names = listed.tools.map((t) => t.name);
  if (JSON.stringify(names) !== JSON.stringify(EXPECTED_TOOLS)) throw new Error(`unexpected tools: ${names.join(", ")}`);

  const args = { session_id: sessionId, plan: PLAN };
  const called = await inspector(tools.node, [...common, "--method", "tools/call", "--tool-name", "execute_plan", "--tool-args-json", JSON.stringify(args)], env);
  console.log(`\n$ mcp-inspector --cli <url>/mcp ... --method tools/call --tool-name execute_plan --tool-args-json '${JSON.stringify(args)}'`);
  if (called.isError) throw new Error(`execute_plan failed: ${JSON.stringify(called.content)}`);
  const { result, filtered_row_count, analysis_id, warnings, provenance } = called.structuredContent;
  console.log(JSON.stringify({ analysis_id, result, filtered_row_count, warnings, engine_version: provenance.engine_version }, null, 2));

  const http = await api(base, "/api/analytics/execute", { token, json: args });
  const same = JSON.stringify(http.result) === JSON.stringify(result) && http.filtered_row_count === filtered_row_count;
  console.log(`\nPOST /api/analytics/execute with the same plan: ${same ? "the same result" : "A DIFFERENT RESULT"}`);
  if (!same) throw new Error(`HTTP answered ${JSON.stringify(http.result)}`);
  console.log("mcp:smoke passed");
  await server?.stop();
} catch (error) {
  console.error(`mcp:smoke failed: ${error.message}`);
  if (server) console.error(server.tail(30));
  await server?.stop();
  process.exit(1);
}

/** Registers and logs in a throwaway user; returns its access token. */
async function signUp(base) {
  const username = `smoke_${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("base64url");
  await api(base, "/api/auth/register", { json: { email: `${username}@example.com`, username, password } });
  return (await api(base, "/api/auth/login", { json: { username, password } })).access_token;
}

async function uploadCsv(base, token) {
  const form = new FormData();
  form.append("file", new File([CSV], "sales.csv", { type: "text/csv" }));
  return (await api(base, "/api/analytics/upload", { token, body: form })).session_id;
}

async function api(base, path, { token, json, body } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${base}${path}`, { method: "POST", headers, body: json === undefined ? body : JSON.stringify(json) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** The Inspector keeps its files (catalog, client config, OAuth state) under HOME: a temp dir, not the user's. */
function inspectorEnv(home) {
  return { ...process.env, HOME: home, USERPROFILE: home, NO_COLOR: "1", DO_NOT_TRACK: "1" };
}

/** Runs the Inspector CLI (on the project's Node: it needs >= 22.19) and parses its JSON answer. */
function inspector(node, args, env) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node, [INSPECTOR, ...args], { env, stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`mcp-inspector exited ${code}: ${stderr.trim() || stdout.trim()}`));
      try {
        // --format json prints {"result": <the JSON-RPC result>}.
        resolvePromise(JSON.parse(stdout).result);
      } catch {
        reject(new Error(`mcp-inspector printed no JSON: ${stdout.slice(0, 500)} ${stderr.slice(0, 500)}`));
      }
    });
  });
}
