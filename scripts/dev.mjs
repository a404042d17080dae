#!/usr/bin/env node
// `npm run dev`: makes sure local settings exist, applies local D1 migrations, then starts `wrangler dev`.
// Extra arguments are passed to wrangler dev (e.g. `npm run dev -- --port 8788`).
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };

if (!existsSync(".dev.vars")) {
  const example = readFileSync(".dev.vars.example", "utf8");
  const key = randomBytes(48).toString("base64url");
  writeFileSync(".dev.vars", example.replace(/^SECRET_KEY=.*$/m, `SECRET_KEY=${key}`), { mode: 0o600 });
  console.log("Created .dev.vars with a random SECRET_KEY.");
}

const migrate = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local"], { stdio: "inherit", env });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const dev = spawn("wrangler", ["dev", "--test-scheduled", ...process.argv.slice(2)], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
