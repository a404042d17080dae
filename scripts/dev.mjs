#!/usr/bin/env node
// `npm run dev`: makes sure local settings exist, applies local D1 migrations, then starts `wrangler dev`.
// Extra arguments are passed to wrangler dev (e.g. `npm run dev -- --port 8788`).
// Only Node's own modules are imported: this must explain itself before `npm install` has run.
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";

const DEFAULT_PORT = 8787;
const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };
const args = process.argv.slice(2);

if (!existsSync("node_modules/.bin/wrangler")) {
  console.error("The dependencies are not installed: run `npm install` first, then `npm run dev` again.");
  process.exit(1);
}

// wrangler dev quietly moves to the next free port when its port is taken, and the README's curl session
// would then talk to whatever holds 8787: check first, and pass the port on explicitly.
const port = Number(optionValue("--port") ?? DEFAULT_PORT);
const host = optionValue("--ip") ?? "localhost";
if (!(await isFree(port, host))) {
  console.error(
    `Port ${port} on ${host} is already in use (another \`npm run dev\`, or another server). Stop it, or choose ` +
      `another port: npm run dev -- --port ${port + 1}   (then use http://localhost:${port + 1} in the curl examples)`,
  );
  process.exit(1);
}

if (!existsSync(".dev.vars")) {
  const example = readFileSync(".dev.vars.example", "utf8");
  const key = randomBytes(48).toString("base64url");
  writeFileSync(".dev.vars", example.replace(/^SECRET_KEY=.*$/m, `SECRET_KEY=${key}`), { mode: 0o600 });
  console.log("Created .dev.vars with a random SECRET_KEY.");
}

const migrate = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local"], { stdio: "inherit", env });
if (migrate.error) console.error(`Could not run wrangler: ${migrate.error.message}`);
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const portArgs = optionValue("--port") === undefined ? ["--port", String(port)] : [];
const dev = spawn("wrangler", ["dev", "--test-scheduled", ...portArgs, ...args], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));

/** The value of `--name value` or `--name=value` among the arguments, if given. */
function optionValue(name) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) return args[i + 1];
    if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
  }
  return undefined;
}

/** Whether nothing listens on host:port (tried by listening there for a moment). */
function isFree(portNumber, hostName) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(portNumber, hostName, () => probe.close(() => resolve(true)));
  });
}
