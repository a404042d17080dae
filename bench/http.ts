/**
 * `npm run bench:http`: what a client waits for, over HTTP against `wrangler dev` on this machine (local D1, R2
 * and Durable Objects, one run). After the bench dataset (~10 MB, bench/datasets.ts) is uploaded and warmed,
 * rounds of GET /health, GET /api/auth/me, POST /validate and POST /execute (mean + filter + group_by, the table
 * already decoded in the isolate) are sent one at a time, the order rotating each round so that load drifting on
 * the shared machine weighs on every kind alike. Reports p50 and p95 per kind, the engine's part of an execute
 * (from its Server-Timing), and the ratio (execute p50 - engine p50) / me p50: the cost of an execute beyond
 * its computation, in units of the cheapest authenticated request.
 *
 * Options: --rounds N (default 101, after --warmup W rounds, default 10), --json FILE, --startup-timeout S
 * (default 120), --compare DIR: also serve another checkout of the project (e.g. an older commit, `git worktree
 * add` or `git archive` with node_modules linked) from a second `wrangler dev`, and alternate every request
 * between the two, so both are measured under the same load. An answer without Server-Timing has its engine time
 * read from `execution_time_ms`, which is larger (it spans more than the engine).
 */
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createDevServer, type DevServer, resolveTools } from "../scripts/wrangler-dev-server.mjs";
import { generateBenchCsv } from "./datasets.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PLAN = { operation: "mean", target_column: "price", filters: [{ column: "status", operator: "==", value: "active" }], group_by: ["region"] };
const RATIO_TARGET = 1.3;

const { values: flags } = parseArgs({
  options: {
    rounds: { type: "string", default: "101" },
    warmup: { type: "string", default: "10" },
    json: { type: "string" },
    "startup-timeout": { type: "string", default: "120" },
    compare: { type: "string" },
  },
  strict: true,
});
const rounds = Number(flags.rounds);
const warmup = Number(flags.warmup);
if (!(Number.isInteger(rounds) && rounds >= 5 && Number.isInteger(warmup) && warmup >= 0)) {
  console.error("--rounds must be an integer >= 5 and --warmup an integer >= 0");
  process.exit(2);
}

interface Sample {
  ms: number;
  /** Server-Timing phases of the answer, in milliseconds. */
  phases: Record<string, number>;
}

interface Kind {
  name: string;
  send: () => Promise<Response>;
  samples: Sample[];
}

interface Target {
  label: string;
  server: DevServer;
  kinds: Kind[];
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function phasesOf(res: Response, body: string): Record<string, number> {
  const out: Record<string, number> = {};
  const header = res.headers.get("Server-Timing");
  for (const entry of (header ?? "").split(",")) {
    const match = /^\s*([a-z]+);dur=([\d.]+)\s*$/.exec(entry);
    if (match) out[match[1]] = Number(match[2]);
  }
  if (header === null && res.url.endsWith("/execute")) out.execution_time_ms = (JSON.parse(body) as { execution_time_ms: number }).execution_time_ms;
  return out;
}

async function sample(kind: Kind): Promise<Sample> {
  const started = performance.now();
  const res = await kind.send();
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${kind.name}: ${res.status} ${body.slice(0, 300)}`);
  return { ms, phases: phasesOf(res, body) };
}

async function json<T>(res: Response, status: number, what: string): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

/** A user with the bench dataset uploaded on `base`, and the four requests to time there. */
async function prepare(label: string, base: string): Promise<Kind[]> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(base + path, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const username = `bench_${Date.now().toString(36)}`;
  const password = "bench password for the http run";
  await json(await post("/api/auth/register", { email: `${username}@example.com`, username, password }), 201, "register");
  const { access_token: token } = await json<{ access_token: string }>(await post("/api/auth/login", { username, password }), 200, "login");
  const csv = generateBenchCsv();
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), "bench.csv");
  const uploadStarted = performance.now();
  const upload = await fetch(`${base}/api/analytics/upload`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  const { session_id } = await json<{ session_id: string }>(upload, 201, "upload");
  console.log(`${label}: uploaded ${(csv.length / 1e6).toFixed(2)} MB in ${f1(performance.now() - uploadStarted)} ms`);
  const auth = { authorization: `Bearer ${token}` };
  return [
    { name: "GET /health", samples: [], send: () => fetch(`${base}/health`) },
    { name: "GET /api/auth/me", samples: [], send: () => fetch(`${base}/api/auth/me`, { headers: auth }) },
    { name: "POST /api/analytics/validate", samples: [], send: () => post("/api/analytics/validate", { session_id, plan: PLAN }, token) },
    { name: "POST /api/analytics/execute", samples: [], send: () => post("/api/analytics/execute", { session_id, plan: PLAN }, token) },
  ];
}

function report(target: Target, loads: string): { table: string; summary: unknown } {
  const summary = target.kinds.map((kind) => {
    const ms = kind.samples.map((s) => s.ms);
    const names = [...new Set(kind.samples.flatMap((s) => Object.keys(s.phases)))];
    const phases = Object.fromEntries(names.map((name) => [name, percentile(kind.samples.map((s) => s.phases[name] ?? 0), 50)]));
    return { name: kind.name, p50: percentile(ms, 50), p95: percentile(ms, 95), phases };
  });
  const [, me, , execute] = summary;
  const engine = execute.phases.engine ?? execute.phases.execution_time_ms ?? 0;
  const ratio = (execute.p50 - engine) / me.p50;
  const source = execute.phases.engine === undefined ? "`execution_time_ms`, no Server-Timing" : "Server-Timing `engine`";
  const table = [
    `${target.label}:`,
    "",
    "| request | p50 ms | p95 ms | Server-Timing medians (ms) |",
    "|---|---:|---:|---|",
    ...summary.map((s) => `| ${s.name} | ${f1(s.p50)} | ${f1(s.p95)} | ${Object.entries(s.phases).map(([k, v]) => `${k} ${f2(v)}`).join(", ")} |`),
    "",
    `Engine time of the execute (${source}, median): ${f2(engine)} ms. (execute p50 - engine) / me p50 = ` +
      `(${f1(execute.p50)} - ${f2(engine)}) / ${f1(me.p50)} = **${f2(ratio)}** (target <= ${RATIO_TARGET}).`,
    `${rounds} rounds after ${warmup} warm-up rounds; load average ${loads}.`,
  ].join("\n");
  return { table, summary: { label: target.label, kinds: summary, engine, ratio } };
}

const tools = resolveTools(ROOT);
const serve = (root: string) =>
  createDevServer({
    root,
    host: "127.0.0.1",
    tools,
    startupTimeoutS: Number(flags["startup-timeout"]),
    tempPrefix: "wake-bench-http-",
    quiet: true,
    vars: { EXECUTE_RATE_LIMIT: 1_000_000, UPLOAD_RATE_LIMIT: 1000, LOGIN_RATE_LIMIT: 1000 },
  });
const servers: Array<[string, DevServer]> = [["this checkout", serve(ROOT)]];
if (flags.compare) servers.push([`--compare ${flags.compare}`, serve(resolve(flags.compare))]);
process.on("exit", () => servers.forEach(([, s]) => s.stopNow()));
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void Promise.all(servers.map(([, s]) => s.stop())).finally(() => process.exit(130)));
}

async function main(): Promise<number> {
  const targets: Target[] = [];
  for (const [label, server] of servers) targets.push({ label, server, kinds: await prepare(label, await server.start()) });
  const loadBefore = load();
  console.log(`load average (1, 5, 15 min) before: ${loadBefore}; ${warmup} warm-up rounds, then ${rounds} measured`);
  const slots = targets.flatMap((target) => target.kinds);
  for (let round = 0; round < warmup + rounds; round++) {
    for (let i = 0; i < slots.length; i++) {
      const kind = slots[(round + i) % slots.length];
      const timed = await sample(kind);
      if (round >= warmup) kind.samples.push(timed);
    }
  }
  const loads = `before ${loadBefore}, after ${load()}`;
  const reports = targets.map((target) => report(target, loads));
  for (const { table } of reports) console.log(`\n${table}\n`);
  if (flags.json) writeFileSync(resolve(flags.json), JSON.stringify({ rounds, warmup, loads, targets: reports.map((r) => r.summary) }, null, 2));
  return 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`bench:http failed: ${(error as Error).stack ?? error}`);
  for (const [label, server] of servers) console.error(`${label}, wrangler dev log:\n${server.tail(20)}`);
} finally {
  await Promise.all(servers.map(([, server]) => server.stop()));
}
process.exit(exitCode);
