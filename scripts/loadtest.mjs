#!/usr/bin/env node
// `npm run loadtest`: a bounded load test of the service running under `wrangler dev`, followed by a history
// integrity check. Node built-ins only (fetch, child_process, perf_hooks); loopback only.
//
// 1. Starts `wrangler dev` on 127.0.0.1 at a free port, with its own state directory (a temp dir, so the
//    developer's .wrangler/state is untouched) after applying the D1 migrations to that same state, a random
//    SECRET_KEY (a temporary --env-file, so .dev.vars is not read) and generous rate limits. It runs a copy
//    of src/ taken at start, so edits made in the checkout during the run do not restart the worker.
// 2. Registers K users; each logs in and uploads a generated (seeded) dataset.
// 3. Drives a fixed-concurrency, bounded mix: execute (valid plans of several shapes), execute with
//    deliberately invalid plans (must be 422), validate, list datasets, get dataset. Stops after --requests
//    requests or --duration seconds, whichever comes first.
// 4. Reports throughput, latency percentiles overall and per kind, status counts and errors (5xx or network).
// 5. Checks each dataset's history: every 200 execute is present with success=true and the same
//    filtered_row_count, every 422 is present with success=false, and nothing else is there.
// Exits non-zero when any check fails or any request errored. wrangler dev is stopped (its process group
// killed) and the temp dir removed on every exit path, SIGINT included.
//
// Options (flag or env): --requests N (LOADTEST_REQUESTS, 2000), --duration S (LOADTEST_DURATION, 60),
// --concurrency C (LOADTEST_CONCURRENCY, 16), --users K (LOADTEST_USERS, 4), --rows R (LOADTEST_ROWS, 4000),
// --invalid-rate F (LOADTEST_INVALID_RATE, 0.05), --seed S (LOADTEST_SEED, 7), --startup-timeout S
// (LOADTEST_STARTUP_TIMEOUT, 90), --request-timeout S (LOADTEST_REQUEST_TIMEOUT, 30), --log FILE (keep the
// wrangler dev log), --json FILE (write the figures as JSON).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, createWriteStream, copyFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const HOST = "127.0.0.1";

// ---------------------------------------------------------------------------------------------------------
// Options

const { values: flags } = parseArgs({
  options: {
    requests: { type: "string" },
    duration: { type: "string" },
    concurrency: { type: "string" },
    users: { type: "string" },
    rows: { type: "string" },
    "invalid-rate": { type: "string" },
    seed: { type: "string" },
    "startup-timeout": { type: "string" },
    "request-timeout": { type: "string" },
    log: { type: "string" },
    json: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  strict: true,
});
if (flags.help) {
  const header = readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").filter((l) => l.startsWith("//"));
  console.log(header.map((l) => l.replace(/^\/\/ ?/, "")).join("\n"));
  process.exit(0);
}

function numberOption(flag, envName, fallback, { min, max, integer = true }) {
  const raw = flags[flag] ?? process.env[envName];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    console.error(`--${flag} (${envName}) must be ${integer ? "an integer" : "a number"} in [${min}, ${max}], got ${raw}`);
    process.exit(2);
  }
  return value;
}

const opts = {
  requests: numberOption("requests", "LOADTEST_REQUESTS", 2000, { min: 1, max: 1_000_000 }),
  durationS: numberOption("duration", "LOADTEST_DURATION", 60, { min: 1, max: 3600, integer: false }),
  concurrency: numberOption("concurrency", "LOADTEST_CONCURRENCY", 16, { min: 1, max: 256 }),
  users: numberOption("users", "LOADTEST_USERS", 4, { min: 1, max: 50 }),
  rows: numberOption("rows", "LOADTEST_ROWS", 4000, { min: 50, max: 200_000 }),
  invalidRate: numberOption("invalid-rate", "LOADTEST_INVALID_RATE", 0.05, { min: 0, max: 0.7, integer: false }),
  seed: numberOption("seed", "LOADTEST_SEED", 7, { min: 0, max: 2 ** 31 }),
  startupTimeoutS: numberOption("startup-timeout", "LOADTEST_STARTUP_TIMEOUT", 90, { min: 5, max: 600 }),
  requestTimeoutS: numberOption("request-timeout", "LOADTEST_REQUEST_TIMEOUT", 30, { min: 1, max: 300 }),
};

// ---------------------------------------------------------------------------------------------------------
// Process management: wrangler dev in its own process group, killed on every exit path.

const nodeMajor = Number(process.versions.node.split(".")[0]);
const NODE = nodeMajor >= 22 ? process.execPath : join(ROOT, "node_modules", ".bin", "node");
const WRANGLER = join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
if (!existsSync(WRANGLER)) fatal("node_modules/wrangler is missing: run npm install first.");
if (!existsSync(NODE)) fatal(`Node >= 22 is needed for wrangler (this is ${process.version}, and ${NODE} is missing).`);

const stateDir = mkdtempSync(join(tmpdir(), "wake-loadtest-"));
let devProcess = null;
let devExited = null; // promise resolved on exit
let cleanupPromise = null;
let removed = false;

function killDev(signal) {
  if (!devProcess || devProcess.exitCode !== null || devProcess.signalCode !== null) return;
  try {
    process.kill(-devProcess.pid, signal); // the whole group: wrangler, esbuild, workerd
  } catch {
    try { devProcess.kill(signal); } catch { /* already gone */ }
  }
}

/** Stops wrangler dev and removes the temp dir; every caller awaits the same run. */
function cleanup() {
  cleanupPromise ??= doCleanup();
  return cleanupPromise;
}

async function doCleanup() {
  if (devProcess) {
    killDev("SIGTERM");
    const stopped = await Promise.race([devExited.then(() => true), sleep(5000).then(() => false)]);
    if (!stopped) killDev("SIGKILL");
    else killDev("SIGKILL"); // stragglers in the group (workerd) if wrangler left any
    await Promise.race([devExited, sleep(2000)]);
  }
  if (flags.log && existsSync(join(stateDir, "wrangler.log"))) {
    try { copyFileSync(join(stateDir, "wrangler.log"), resolve(flags.log)); } catch (e) { console.error(`could not keep the log: ${e.message}`); }
  }
  rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
  removed = true;
}

// Last resort when the process exits without going through cleanup (synchronous only).
process.on("exit", () => {
  if (!removed) {
    killDev("SIGKILL");
    try { rmSync(stateDir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
});
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping wrangler dev and cleaning up...`);
    cleanup().finally(() => process.exit(130));
  });
}
process.on("uncaughtException", (error) => {
  console.error(error);
  cleanup().finally(() => process.exit(1));
});

function fatal(message) {
  console.error(`loadtest: ${message}`);
  process.exit(1);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function wranglerEnv() {
  // A private TMPDIR holding a fresh update-check cache: wrangler then never asks the npm registry for its
  // latest version (loopback only), and its temp files go away with the state dir.
  const tmp = join(stateDir, "tmp");
  mkdirSync(join(tmp, "update-check"), { recursive: true });
  const version = JSON.parse(readFileSync(join(ROOT, "node_modules", "wrangler", "package.json"), "utf8")).version;
  writeFileSync(join(tmp, "update-check", "wrangler-latest.json"), JSON.stringify({ latest: version, lastUpdate: Date.now() }));
  return {
    ...process.env,
    TMPDIR: tmp,
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    WRANGLER_SEND_METRICS: "false",
    WRANGLER_SEND_ERROR_REPORTS: "false",
    WRANGLER_NO_SKILLS_UPDATE_PROMPTS: "true",
    DO_NOT_TRACK: "1",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
  };
}

/**
 * A copy of the worker's sources as they are now (node_modules linked): wrangler dev watches and rebuilds on
 * source changes, so running from the shared checkout would restart the worker mid-run (503s) whenever someone
 * edits a file. The copy also keeps wrangler's .wrangler/tmp bundle out of the checkout.
 */
function snapshotSources() {
  const dir = join(stateDir, "app");
  mkdirSync(dir);
  for (const entry of ["src", "migrations", "wrangler.jsonc", "tsconfig.json", "package.json"]) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

async function startServer() {
  const env = wranglerEnv();
  const persist = join(stateDir, "state");
  console.log(`state dir: ${stateDir}`);
  const app = snapshotSources();

  const migrate = spawnSync(NODE, [WRANGLER, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist], {
    cwd: app,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
  if (migrate.status !== 0) {
    throw new Error(`migrations failed (status ${migrate.status ?? migrate.signal}):\n${migrate.stdout}\n${migrate.stderr}`);
  }
  console.log("migrations applied to the temp state");

  const port = await freePort();
  const inspectorPort = await freePort();
  const secret = randomBytes(36).toString("base64url"); // 48 characters
  const envFile = join(stateDir, "loadtest.env");
  // --env-file replaces .dev.vars, so the developer's settings are neither read nor needed.
  writeFileSync(envFile, `ENVIRONMENT=development\nSECRET_KEY=${secret}\n`, { mode: 0o600 });
  const args = [
    WRANGLER, "dev",
    "--ip", HOST, "--port", String(port),
    "--inspector-ip", HOST, "--inspector-port", String(inspectorPort),
    "--persist-to", persist,
    "--env-file", envFile,
    "--var", "EXECUTE_RATE_LIMIT:1000000",
    "--var", "UPLOAD_RATE_LIMIT:1000",
    "--var", "LOGIN_RATE_LIMIT:1000",
    "--show-interactive-dev-session=false",
  ];
  const log = createWriteStream(join(stateDir, "wrangler.log"));
  devProcess = spawn(NODE, args, { cwd: app, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  devExited = new Promise((r) => devProcess.once("exit", (code, signal) => r({ code, signal })));
  devProcess.stdout.pipe(log, { end: false });
  devProcess.stderr.pipe(log, { end: false });

  const base = `http://${HOST}:${port}`;
  const deadline = Date.now() + opts.startupTimeoutS * 1000;
  let last = "no answer yet";
  for (let attempt = 0; attempt < 10_000 && Date.now() < deadline; attempt++) {
    if (devProcess.exitCode !== null || devProcess.signalCode !== null) {
      throw new Error(`wrangler dev exited during startup:\n${tail(30)}`);
    }
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) });
      const body = await res.text();
      if (res.status === 200) {
        console.log(`wrangler dev ready at ${base} (${body.trim()})`);
        return base;
      }
      last = `${res.status} ${body.slice(0, 200)}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(500);
  }
  throw new Error(`/health not ready after ${opts.startupTimeoutS} s (last: ${last}):\n${tail(30)}`);
}

function readLog() {
  try { return readFileSync(join(stateDir, "wrangler.log"), "utf8"); } catch { return ""; }
}
function tail(n) {
  return readLog().split("\n").slice(-n).join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// Seeded data and request mix

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (rand, list) => list[Math.floor(rand() * list.length)];

const REGIONS = ["north", "south", "east", "west", "central"];
const PRODUCTS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
const CHANNELS = ["web", "store", "phone"];
const START_DAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

/** A CSV with integer, float (some missing), categorical, boolean and date columns. */
function generateCsv(seed, rows) {
  const rand = mulberry32(seed);
  const lines = ["order_id,region,product,channel,day,quantity,unit_price,amount,discount,returned"];
  for (let i = 0; i < rows; i++) {
    const region = pick(rand, REGIONS);
    const product = pick(rand, PRODUCTS);
    const day = new Date(START_DAY + Math.floor((i / rows) * 540) * DAY_MS).toISOString().slice(0, 10);
    const quantity = 1 + Math.floor(rand() * 20);
    const unitPrice = Math.round((5 + rand() * 95) * 100) / 100;
    const trend = 1 + i / rows; // a trend for the forecasts
    const amount = Math.round(quantity * unitPrice * trend * (0.9 + rand() * 0.2) * 100) / 100;
    const discount = rand() < 0.1 ? "" : (Math.round(rand() * 30) / 100).toFixed(2);
    const returned = rand() < 0.07 ? "true" : "false";
    lines.push(`${i + 1},${region},${product},${pick(rand, CHANNELS)},${day},${quantity},${unitPrice},${amount},${discount},${returned}`);
  }
  return lines.join("\n") + "\n";
}

/** Valid plans of several shapes; `rand` makes the filter values vary. */
const VALID_PLANS = [
  (r) => ({ operation: "mean", target_column: "amount", filters: [{ column: "region", operator: "==", value: pick(r, REGIONS) }] }),
  (r) => ({ operation: "sum", target_column: "amount", filters: [{ column: "quantity", operator: ">=", value: 1 + Math.floor(r() * 15) }, { column: "returned", operator: "==", value: false }] }),
  (r) => ({ operation: "mean", target_column: "unit_price", group_by: ["region"], filters: [{ column: "day", operator: ">=", value: "2024-0" + (1 + Math.floor(r() * 9)) + "-01" }] }),
  (r) => ({ operation: "count", group_by: ["region", "product"], filters: [{ column: "channel", operator: "!=", value: pick(r, CHANNELS) }] }),
  (r) => ({ operation: pick(r, ["median", "std", "min", "max"]), target_column: pick(r, ["amount", "discount", "quantity"]), group_by: ["channel"] }),
  (r) => ({ operation: "correlation", x_axis: "quantity", y_axis: "amount", method: pick(r, ["pearson", "spearman"]) }),
  (r) => ({ operation: "correlation", x_axis: "unit_price", y_axis: "amount", group_by: ["region"], filters: [{ column: "discount", operator: "<", value: 0.2 }] }),
  (r) => ({ operation: "regression", x_axis: "quantity", y_axis: "amount", filters: [{ column: "product", operator: "==", value: pick(r, PRODUCTS) }] }),
  (r) => ({ operation: "forecast", target_column: "amount", time_column: "day", horizon: 7 + Math.floor(r() * 24) }),
  (r) => ({ operation: "forecast", target_column: "amount", time_column: "day", horizon: 12, forecast_method: "holt", filters: [{ column: "region", operator: "==", value: pick(r, REGIONS) }] }),
];

/** Plans that must fail validation against the dataset (422 invalid_plan, recorded with success=false). */
const INVALID_PLANS = [
  () => ({ operation: "mean", target_column: "amont" }), // unknown column (with a suggestion)
  () => ({ operation: "median", target_column: "amount", filters: [{ column: "quantity", operator: ">", value: "lots" }] }), // uncoercible
  () => ({ operation: "sum" }), // missing target
  () => ({ operation: "mean", target_column: "amount", colour: "blue" }), // unknown key
  () => ({ operation: "correlation", x_axis: "region", y_axis: "amount" }), // non-numeric axis
  () => ({ operation: "forecast", target_column: "amount", time_column: "day", horizon: 1000 }), // horizon out of range
];

/** The request schedule: kinds with weights, in a seeded order. */
function buildSchedule(count, rand) {
  const invalid = opts.invalidRate;
  const weights = [
    ["execute", Math.max(0, 0.7 - invalid)],
    ["execute_invalid", invalid],
    ["validate", 0.15],
    ["list", 0.1],
    ["get", 0.05],
  ];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const schedule = [];
  for (let i = 0; i < count; i++) {
    let x = rand() * total;
    let kind = weights[weights.length - 1][0];
    for (const [k, w] of weights) {
      if (x < w) { kind = k; break; }
      x -= w;
    }
    schedule.push({ kind, user: Math.floor(rand() * opts.users), variant: rand(), sub: rand() });
  }
  return schedule;
}

// ---------------------------------------------------------------------------------------------------------
// HTTP

let BASE = "";

async function call(method, path, { token, json, form } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let body;
  if (json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  const started = performance.now();
  try {
    const res = await fetch(BASE + path, { method, headers, body, signal: AbortSignal.timeout(opts.requestTimeoutS * 1000) });
    const text = await res.text();
    const ms = performance.now() - started;
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = text; }
    return { status: res.status, ms, data, requestId: res.headers.get("x-request-id") };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, data: null, error: `${error.name}: ${error.cause?.code ?? error.message}` };
  }
}

async function setupUser(index) {
  const username = `load_${opts.seed}_${index}_${randomBytes(3).toString("hex")}`;
  const password = `load-test password ${randomBytes(6).toString("hex")}`;
  const reg = await call("POST", "/api/auth/register", { json: { email: `${username}@example.com`, username, password } });
  if (reg.status !== 201) throw new Error(`register ${username}: ${reg.status} ${JSON.stringify(reg.data)}`);
  const login = await call("POST", "/api/auth/login", { json: { username, password } });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${JSON.stringify(login.data)}`);
  const token = login.data.access_token;
  const csv = generateCsv(opts.seed * 1000 + index, opts.rows);
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), `orders_${index}.csv`);
  const up = await call("POST", "/api/analytics/upload", { token, form });
  if (up.status !== 201) throw new Error(`upload for ${username}: ${up.status} ${JSON.stringify(up.data)}`);
  const meta = up.data.metadata;
  if (meta.row_count !== opts.rows) throw new Error(`upload for ${username}: row_count ${meta.row_count}, expected ${opts.rows}`);
  return {
    index, username, token, sessionId: up.data.session_id, bytes: csv.length, columnTypes: meta.column_types,
    setup: { register: reg.ms, login: login.ms, upload: up.ms },
    executed: new Map(), // analysis_id -> filtered_row_count
    invalid422: 0, other422: 0, executeErrors: 0, execute429: 0,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The run

const records = []; // { kind, status, ms }
const problems = []; // unexpected answers, kept for the report (bounded)
function noteProblem(message) {
  if (problems.length < 50) problems.push(message);
}

async function runRequest(item, users) {
  const user = users[item.user];
  const rand = mulberry32(Math.floor(item.sub * 2 ** 31));
  let res;
  switch (item.kind) {
    case "execute": {
      const plan = VALID_PLANS[Math.floor(item.variant * VALID_PLANS.length)](rand);
      res = await call("POST", "/api/analytics/execute", { token: user.token, json: { session_id: user.sessionId, plan } });
      if (res.status === 200) {
        user.executed.set(res.data.analysis_id, res.data.filtered_row_count);
      } else if (res.status === 422) {
        user.other422++;
        noteProblem(`valid plan answered 422: ${JSON.stringify(plan)} -> ${JSON.stringify(res.data).slice(0, 300)}`);
      } else if (res.status === 429) {
        user.execute429++;
      } else {
        user.executeErrors++;
        noteProblem(`execute ${JSON.stringify(plan)} -> ${res.status} ${res.error ?? JSON.stringify(res.data).slice(0, 300)} (request id ${res.requestId})`);
      }
      break;
    }
    case "execute_invalid": {
      const plan = INVALID_PLANS[Math.floor(item.variant * INVALID_PLANS.length)](rand);
      res = await call("POST", "/api/analytics/execute", { token: user.token, json: { session_id: user.sessionId, plan } });
      if (res.status === 422) {
        user.invalid422++;
        if (res.data?.code !== "invalid_plan") noteProblem(`invalid plan 422 with code ${res.data?.code}: ${JSON.stringify(plan)}`);
      } else {
        if (res.status === 200) user.executed.set(res.data.analysis_id, res.data.filtered_row_count);
        else user.executeErrors++;
        noteProblem(`invalid plan ${JSON.stringify(plan)} -> ${res.status} ${res.error ?? JSON.stringify(res.data).slice(0, 300)} (request id ${res.requestId})`);
      }
      break;
    }
    case "validate": {
      const wantValid = item.variant < 0.7;
      const plan = wantValid
        ? VALID_PLANS[Math.floor((item.variant / 0.7) * VALID_PLANS.length)](rand)
        : INVALID_PLANS[Math.floor(((item.variant - 0.7) / 0.3) * INVALID_PLANS.length)](rand);
      const bare = item.sub < 0.2; // a bare plan is checked on its own (no dataset)
      const json = bare ? plan : { session_id: user.sessionId, plan };
      res = await call("POST", "/api/analytics/validate", { token: user.token, json });
      // Without a dataset, column-level problems cannot be seen: only check the flag against the dataset.
      if (res.status === 200 && !bare && res.data.valid !== wantValid) {
        noteProblem(`validate expected valid=${wantValid}: ${JSON.stringify(plan)} -> ${JSON.stringify(res.data).slice(0, 300)}`);
        res.mismatch = true;
      } else if (res.status !== 200) {
        noteProblem(`validate ${JSON.stringify(json)} -> ${res.status} ${res.error ?? JSON.stringify(res.data).slice(0, 300)}`);
      }
      break;
    }
    case "list": {
      res = await call("GET", "/api/analytics/datasets", { token: user.token });
      if (res.status !== 200 || !Array.isArray(res.data) || !res.data.some((d) => d.session_id === user.sessionId)) {
        noteProblem(`list datasets -> ${res.status} ${res.error ?? JSON.stringify(res.data).slice(0, 300)}`);
        res.mismatch = true;
      }
      break;
    }
    case "get": {
      res = await call("GET", `/api/analytics/datasets/${user.sessionId}`, { token: user.token });
      if (res.status !== 200 || res.data?.session_id !== user.sessionId || res.data?.row_count !== opts.rows) {
        noteProblem(`get dataset -> ${res.status} ${res.error ?? JSON.stringify(res.data).slice(0, 300)}`);
        res.mismatch = true;
      }
      break;
    }
  }
  records.push({ kind: item.kind, status: res.status, ms: res.ms, mismatch: !!res.mismatch });
}

async function drive(users) {
  const schedule = buildSchedule(opts.requests, mulberry32(opts.seed));
  let next = 0;
  const started = performance.now();
  const deadline = started + opts.durationS * 1000;
  const worker = async () => {
    // Bounded by the schedule length and the deadline.
    while (next < schedule.length && performance.now() < deadline && !interrupted) {
      const item = schedule[next++];
      await runRequest(item, users);
    }
  };
  const progress = setInterval(() => {
    const s = (performance.now() - started) / 1000;
    process.stdout.write(`  ${records.length} requests in ${s.toFixed(0)} s (${(records.length / s).toFixed(1)}/s)\n`);
  }, 10_000);
  try {
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
  } finally {
    clearInterval(progress);
  }
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------------------------------------------------
// Report and checks

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1; // nearest rank
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}
function summarize(list) {
  const ms = list.map((r) => r.ms).sort((a, b) => a - b);
  const statuses = {};
  for (const r of list) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    count: list.length,
    p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), max: ms.at(-1) ?? NaN,
    mean: ms.reduce((s, x) => s + x, 0) / (ms.length || 1),
    statuses,
    errors: list.filter((r) => r.status === 0 || r.status >= 500).length,
  };
}
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : "-");
const statusText = (s) => Object.entries(s).map(([k, v]) => `${k === "0" ? "network" : k}: ${v}`).join(", ");

const checks = [];
function check(name, ok, detail = "") {
  checks.push({ name, ok, detail });
  console.log(`${ok ? "PASS" : "FAIL"}  ${name}${detail ? ` — ${detail}` : ""}`);
}

async function verifyHistory(users) {
  for (const user of users) {
    const res = await call("GET", `/api/analytics/history/${user.sessionId}`, { token: user.token });
    const label = `dataset ${user.index + 1} (${user.sessionId.slice(0, 8)}…)`;
    if (res.status !== 200 || !Array.isArray(res.data)) {
      check(`${label}: history readable`, false, `${res.status} ${res.error ?? JSON.stringify(res.data).slice(0, 300)}`);
      continue;
    }
    const rows = res.data;
    const byId = new Map();
    let duplicates = 0;
    for (const row of rows) {
      if (byId.has(row.id)) duplicates++;
      byId.set(row.id, row);
    }
    let missing = 0, wrongSuccess = 0, wrongCount = 0;
    const examples = [];
    for (const [id, filtered] of user.executed) {
      const row = byId.get(id);
      if (!row) { missing++; if (examples.length < 3) examples.push(`missing ${id}`); continue; }
      if (row.success !== true) { wrongSuccess++; if (examples.length < 3) examples.push(`${id} success=${row.success}`); }
      if (row.filtered_row_count !== filtered) { wrongCount++; if (examples.length < 3) examples.push(`${id} filtered_row_count ${row.filtered_row_count} != ${filtered}`); }
    }
    const successRows = rows.filter((r) => r.success === true).length;
    const failedRows = rows.filter((r) => r.success === false).length;
    const expectedFailed = user.invalid422 + user.other422;
    const expectedTotal = user.executed.size + expectedFailed;
    const foreign = rows.filter((r) => r.session_id !== user.sessionId).length;
    check(`${label}: every 200 execute in history with success=true and the same filtered_row_count`,
      missing === 0 && wrongSuccess === 0 && wrongCount === 0,
      `${user.executed.size} ids; missing ${missing}, success≠true ${wrongSuccess}, count mismatch ${wrongCount}${examples.length ? `; e.g. ${examples.join("; ")}` : ""}`);
    check(`${label}: history count = 200 + 422 executes (nothing lost, nothing extra)`,
      rows.length === expectedTotal && duplicates === 0 && foreign === 0 && successRows === user.executed.size && failedRows === expectedFailed,
      `history ${rows.length} (success ${successRows}, failed ${failedRows}, duplicate ids ${duplicates}, other session ${foreign}); ` +
      `expected ${expectedTotal} (200: ${user.executed.size}, 422: ${expectedFailed})` +
      (user.executeErrors ? `; ${user.executeErrors} execute calls errored, so their rows are indeterminate` : ""));
  }
}

function markdownReport(summary) {
  const { overall, kinds, durationS, users } = summary;
  const lines = [];
  lines.push(`Load test (\`npm run loadtest\`): ${overall.count} requests, concurrency ${opts.concurrency}, ${opts.users} users ` +
    `(one ${opts.rows}-row dataset each, ${(users[0].bytes / 1024).toFixed(0)} KiB), local \`wrangler dev\`, ${cpus().length} cores, ` +
    `${durationS.toFixed(1)} s, **${(overall.count / durationS).toFixed(1)} requests/s**, ${overall.errors} errors.`);
  lines.push("");
  lines.push("| kind | requests | share | p50 ms | p95 ms | p99 ms | max ms | statuses |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---|");
  const row = (name, s) =>
    `| ${name} | ${s.count} | ${((100 * s.count) / overall.count).toFixed(0)}% | ${f1(s.p50)} | ${f1(s.p95)} | ${f1(s.p99)} | ${f1(s.max)} | ${statusText(s.statuses)} |`;
  for (const [name, s] of kinds) lines.push(row(KIND_LABELS[name] ?? name, s));
  lines.push(row("**all**", overall));
  return lines.join("\n");
}
const KIND_LABELS = {
  execute: "execute (valid plan)",
  execute_invalid: "execute (invalid plan, 422)",
  validate: "validate",
  list: "list datasets",
  get: "get dataset",
};

// ---------------------------------------------------------------------------------------------------------

async function main() {
  console.log(`loadtest: ${opts.requests} requests max, ${opts.durationS} s max, concurrency ${opts.concurrency}, ` +
    `${opts.users} users x ${opts.rows} rows, invalid-plan rate ${opts.invalidRate}, seed ${opts.seed}`);
  BASE = await startServer();

  const setupStarted = performance.now();
  const users = await Promise.all(Array.from({ length: opts.users }, (_, i) => setupUser(i)));
  console.log(`setup: ${users.length} users registered, logged in and uploaded in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s ` +
    `(upload ${users.map((u) => f1(u.setup.upload)).join("/")} ms)`);

  console.log("driving the mix...");
  const durationS = await drive(users);
  if (interrupted) return 130;

  const overall = summarize(records);
  const kinds = Object.keys(KIND_LABELS).map((k) => [k, summarize(records.filter((r) => r.kind === k))]).filter(([, s]) => s.count > 0);
  const summary = { overall, kinds, durationS, users };

  console.log("");
  console.log(`requests: ${overall.count} in ${durationS.toFixed(2)} s = ${(overall.count / durationS).toFixed(1)} requests/s`);
  console.log(`latency ms: p50 ${f1(overall.p50)}, p95 ${f1(overall.p95)}, p99 ${f1(overall.p99)}, max ${f1(overall.max)}, mean ${f1(overall.mean)}`);
  for (const [k, s] of kinds) {
    console.log(`  ${KIND_LABELS[k].padEnd(28)} n=${String(s.count).padStart(5)}  p50 ${f1(s.p50).padStart(7)}  p95 ${f1(s.p95).padStart(7)}  ` +
      `p99 ${f1(s.p99).padStart(7)}  max ${f1(s.max).padStart(7)}  [${statusText(s.statuses)}]`);
  }
  console.log(`statuses: ${statusText(overall.statuses)}`);
  console.log(`errors (5xx or network): ${overall.errors}`);
  const ids = users.reduce((s, u) => s + u.executed.size, 0);
  const inv = users.reduce((s, u) => s + u.invalid422, 0);
  const r429 = users.reduce((s, u) => s + u.execute429, 0);
  console.log(`execute: ${ids} analysis ids from 200s, ${inv} invalid-plan 422s, ${r429} 429s`);
  if (problems.length) {
    console.log(`unexpected answers (first ${problems.length}):`);
    for (const p of problems) console.log(`  - ${p}`);
  }

  console.log("\nchecks:");
  check("no 5xx and no network errors", overall.errors === 0, `${overall.errors} errors`);
  check("every valid plan answered 200 and every invalid plan 422 invalid_plan",
    users.every((u) => u.other422 === 0 && u.executeErrors === 0) && !problems.some((p) => p.startsWith("invalid plan")),
    `valid→422: ${users.reduce((s, u) => s + u.other422, 0)}, invalid→not 422: ${problems.filter((p) => p.startsWith("invalid plan")).length}, ` +
    `execute 5xx/network: ${users.reduce((s, u) => s + u.executeErrors, 0)}`);
  const mismatches = records.filter((r) => r.mismatch).length;
  const non200 = records.filter((r) => ["validate", "list", "get"].includes(r.kind) && r.status !== 200).length;
  check("validate/list/get answered 200 as expected", mismatches === 0 && non200 === 0, `${non200} not 200, ${mismatches} unexpected bodies`);
  check("no execute was rate limited", r429 === 0, `${r429} 429s`);
  await verifyHistory(users);

  const reloads = (readLog().match(/Detected changes|Reloading local server|restarted/gi) ?? []).length;
  if (reloads) console.log(`\nnote: wrangler dev reloaded ${reloads} time(s) during the run (source files changed); figures may be disturbed.`);

  const failed = checks.filter((c) => !c.ok);
  if (failed.length || overall.errors) {
    const interesting = readLog()
      .split("\n")
      .filter((l) => / 5\d\d [A-Z]|"status":5\d\d|"level":"error"|\b(Error|Uncaught|exception)\b|Reloading/.test(l))
      .slice(0, 40);
    if (interesting.length) console.log(`\nwrangler dev log lines with errors (first ${interesting.length}):\n${interesting.join("\n")}`);
  }

  const markdown = markdownReport(summary);
  console.log("\nMarkdown for the README:\n");
  console.log("<!-- loadtest:start -->");
  console.log(markdown);
  console.log("<!-- loadtest:end -->");

  if (flags.json) {
    const out = {
      options: opts, durationS, requestsPerSecond: overall.count / durationS,
      overall: { ...overall }, kinds: Object.fromEntries(kinds),
      executeIds: ids, invalid422: inv, checks, problems, reloads,
    };
    writeFileSync(resolve(flags.json), JSON.stringify(out, null, 2));
  }

  console.log(`\n${failed.length === 0 && overall.errors === 0 ? "PASS" : "FAIL"}: ${checks.length - failed.length}/${checks.length} checks passed`);
  return failed.length === 0 && overall.errors === 0 ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`loadtest failed: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
