// The load itself: a fixed number of workers pull from a precomputed schedule until it runs out, the
// deadline passes or the run is interrupted. Each answer is checked against what the request should get and
// recorded with its latency; per-user counters feed the history checks in integrity.mjs.
import { performance } from "node:perf_hooks";
import { INVALID_PLANS, VALID_PLANS, buildSchedule } from "./plans.mjs";
import { mulberry32 } from "./random.mjs";

// Enough examples to diagnose a failure without flooding the report when everything fails the same way.
const MAX_PROBLEMS = 50;

/**
 * Runs the mix and returns `{ records, problems, durationS }`; records are `{ kind, status, ms, mismatch }`.
 * `isInterrupted` is polled between requests so SIGINT stops new work promptly.
 */
export async function drive({ call, users, opts, isInterrupted }) {
  const records = [];
  const problems = [];
  const noteProblem = (message) => {
    if (problems.length < MAX_PROBLEMS) problems.push(message);
  };
  const context = { call, users, rows: opts.rows, records, noteProblem };

  const schedule = buildSchedule(opts.requests, mulberry32(opts.seed), opts);
  let next = 0;
  const started = performance.now();
  const deadline = started + opts.durationS * 1000;
  const worker = async () => {
    // Bounded by the schedule length and the deadline.
    while (next < schedule.length && performance.now() < deadline && !isInterrupted()) {
      const item = schedule[next++];
      await runRequest(item, context);
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
  return { records, problems, durationS: (performance.now() - started) / 1000 };
}

const shortBody = (res) => res.error ?? JSON.stringify(res.data).slice(0, 300);

async function runRequest(item, { call, users, rows, records, noteProblem }) {
  const user = users[item.user];
  // Per-request generator from the item itself, so plan values do not depend on the order workers run in.
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
        noteProblem(`execute ${JSON.stringify(plan)} -> ${res.status} ${shortBody(res)} (request id ${res.requestId})`);
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
        // A 200 still writes a history row, so it must be expected there even though it is a failure here.
        if (res.status === 200) user.executed.set(res.data.analysis_id, res.data.filtered_row_count);
        else user.executeErrors++;
        noteProblem(`invalid plan ${JSON.stringify(plan)} -> ${res.status} ${shortBody(res)} (request id ${res.requestId})`);
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
        noteProblem(`validate ${JSON.stringify(json)} -> ${res.status} ${shortBody(res)}`);
      }
      break;
    }
    case "list": {
      res = await call("GET", "/api/analytics/datasets", { token: user.token });
      if (res.status !== 200 || !Array.isArray(res.data) || !res.data.some((d) => d.session_id === user.sessionId)) {
        noteProblem(`list datasets -> ${res.status} ${shortBody(res)}`);
        res.mismatch = true;
      }
      break;
    }
    case "get": {
      res = await call("GET", `/api/analytics/datasets/${user.sessionId}`, { token: user.token });
      if (res.status !== 200 || res.data?.session_id !== user.sessionId || res.data?.row_count !== rows) {
        noteProblem(`get dataset -> ${res.status} ${shortBody(res)}`);
        res.mismatch = true;
      }
      break;
    }
  }
  records.push({ kind: item.kind, status: res.status, ms: res.ms, mismatch: !!res.mismatch });
}
