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

// wrangler dev in its temp dir is scripts/wrangler-dev-server.mjs (shared with the browser tests). The other
// parts live in scripts/loadtest/: dataset.mjs (seeded CSV),
// plans.mjs (the request mix), drive.mjs (the request loop), report.mjs (figures, checks, markdown) and
// integrity.mjs (the history checks). This file reads the options and runs the steps in order.
import { writeFileSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createClient } from "./loadtest/client.mjs";
import { drive } from "./loadtest/drive.mjs";
import { verifyHistory } from "./loadtest/integrity.mjs";
import { createChecklist, f1, markdownReport, printSummary, summarize, summarizeKinds } from "./loadtest/report.mjs";
import { createDevServer, resolveTools } from "./wrangler-dev-server.mjs";
import { setupUser } from "./loadtest/users.mjs";

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
  // The usage text is the comment block at the top of this file (up to the first blank line), so the two
  // cannot drift apart.
  const lines = readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(1);
  const header = lines.slice(0, lines.findIndex((l) => !l.startsWith("//")));
  console.log(header.map((l) => l.replace(/^\/\/ ?/, "")).join("\n"));
  process.exit(0);
}

/** A flag, else its environment variable, else the default; anything out of range exits 2 (usage error). */
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

// Key order matters: this object is written as-is to the --json output.
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
// wrangler dev is stopped and its temp dir removed on every exit path.

function fatal(message) {
  console.error(`loadtest: ${message}`);
  process.exit(1);
}

let tools;
try {
  tools = resolveTools(ROOT);
} catch (error) {
  fatal(error.message);
}
const server = createDevServer({
  root: ROOT,
  host: HOST,
  tools,
  startupTimeoutS: opts.startupTimeoutS,
  keepLogAs: flags.log,
  tempPrefix: "wake-loadtest-",
  // Limits high enough that the load measures the service, not the rate limiter.
  vars: { EXECUTE_RATE_LIMIT: 1000000, UPLOAD_RATE_LIMIT: 1000, LOGIN_RATE_LIMIT: 1000 },
});

process.on("exit", () => server.stopNow());
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping wrangler dev and cleaning up...`);
    server.stop().finally(() => process.exit(130));
  });
}
process.on("uncaughtException", (error) => {
  console.error(error);
  server.stop().finally(() => process.exit(1));
});

// ---------------------------------------------------------------------------------------------------------

async function main() {
  console.log(`loadtest: ${opts.requests} requests max, ${opts.durationS} s max, concurrency ${opts.concurrency}, ` +
    `${opts.users} users x ${opts.rows} rows, invalid-plan rate ${opts.invalidRate}, seed ${opts.seed}`);
  const call = createClient(await server.start(), opts.requestTimeoutS);

  const setupStarted = performance.now();
  const users = await Promise.all(Array.from({ length: opts.users }, (_, i) => setupUser(call, i, opts)));
  console.log(`setup: ${users.length} users registered, logged in and uploaded in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s ` +
    `(upload ${users.map((u) => f1(u.setup.upload)).join("/")} ms)`);

  console.log("driving the mix...");
  const { records, problems, durationS } = await drive({ call, users, opts, isInterrupted: () => interrupted });
  if (interrupted) return 130;

  const overall = summarize(records);
  const kinds = summarizeKinds(records);
  const summary = { overall, kinds, durationS, users };
  const { ids, inv, r429 } = printSummary({ ...summary, problems });

  console.log("\nchecks:");
  const { checks, check } = createChecklist();
  check("no 5xx and no network errors", overall.errors === 0, `${overall.errors} errors`);
  check("every valid plan answered 200 and every invalid plan 422 invalid_plan",
    users.every((u) => u.other422 === 0 && u.executeErrors === 0) && !problems.some((p) => p.startsWith("invalid plan")),
    `valid→422: ${users.reduce((s, u) => s + u.other422, 0)}, invalid→not 422: ${problems.filter((p) => p.startsWith("invalid plan")).length}, ` +
    `execute 5xx/network: ${users.reduce((s, u) => s + u.executeErrors, 0)}`);
  const mismatches = records.filter((r) => r.mismatch).length;
  const non200 = records.filter((r) => ["validate", "list", "get"].includes(r.kind) && r.status !== 200).length;
  check("validate/list/get answered 200 as expected", mismatches === 0 && non200 === 0, `${non200} not 200, ${mismatches} unexpected bodies`);
  check("no execute was rate limited", r429 === 0, `${r429} 429s`);
  await verifyHistory(call, users, check);

  // The worker runs from a snapshot, so a reload here means something unexpected; say so beside the figures.
  const reloads = (server.readLog().match(/Detected changes|Reloading local server|restarted/gi) ?? []).length;
  if (reloads) console.log(`\nnote: wrangler dev reloaded ${reloads} time(s) during the run (source files changed); figures may be disturbed.`);

  const failed = checks.filter((c) => !c.ok);
  if (failed.length || overall.errors) {
    const interesting = server.readLog()
      .split("\n")
      .filter((l) => / 5\d\d [A-Z]|"status":5\d\d|"level":"error"|\b(Error|Uncaught|exception)\b|Reloading/.test(l))
      .slice(0, 40);
    if (interesting.length) console.log(`\nwrangler dev log lines with errors (first ${interesting.length}):\n${interesting.join("\n")}`);
  }

  const markdown = markdownReport(summary, opts);
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
  await server.stop();
}
process.exit(exitCode);
