// Turning records into figures: latency percentiles, status counts, the console summary, the PASS/FAIL check
// lines and the markdown table that is pasted into the README.
import { cpus } from "node:os";
import { KIND_LABELS } from "./plans.mjs";

/** Nearest-rank percentile: always an observed latency, never an interpolated one. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** Latency and status figures for a list of records; status 0 (network) and 5xx count as errors. */
export function summarize(list) {
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

/** Per-kind summaries in KIND_LABELS order, leaving out kinds the schedule never drew. */
export function summarizeKinds(records) {
  return Object.keys(KIND_LABELS)
    .map((k) => [k, summarize(records.filter((r) => r.kind === k))])
    .filter(([, s]) => s.count > 0);
}

export const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : "-");
const statusText = (s) => Object.entries(s).map(([k, v]) => `${k === "0" ? "network" : k}: ${v}`).join(", ");

/**
 * Collects named checks and prints each as it is decided, so a long run shows failures as they come;
 * `checks` is kept for the final tally and the JSON output.
 */
export function createChecklist() {
  const checks = [];
  const check = (name, ok, detail = "") => {
    checks.push({ name, ok, detail });
    console.log(`${ok ? "PASS" : "FAIL"}  ${name}${detail ? ` — ${detail}` : ""}`);
  };
  return { checks, check };
}

/** The console figures: throughput, overall and per-kind latency, statuses and the unexpected answers. */
export function printSummary({ overall, kinds, durationS, users, problems }) {
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
  return { ids, inv, r429 };
}

/** The README table: one row per request kind plus the total, with the run's setup in the lead sentence. */
export function markdownReport({ overall, kinds, durationS, users }, opts) {
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
