#!/usr/bin/env node
// `npm run build:web`: builds web/ into dist/web with Vite, unless dist/web was built from the same inputs (the
// files under web/ outside web/test, and package-lock.json). wrangler dev runs this on every change under src/
// and web/ (wrangler.jsonc `build`), so a Worker edit does not wait for an unchanged page to rebuild.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, "dist", "web-build.sha256");

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return path === join(root, "web", "test") ? [] : files(path);
      return [path];
    });
}

const hash = createHash("sha256");
for (const path of [...files(join(root, "web")), join(root, "package-lock.json")]) {
  hash.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
}
const inputs = hash.digest("hex");

if (!process.argv.includes("--force") && existsSync(join(root, "dist", "web", "index.html")) && existsSync(stamp) && readFileSync(stamp, "utf8") === inputs) {
  console.log("web pages up to date (dist/web)");
} else {
  // A production build whoever runs it: vitest exports NODE_ENV=test to the processes it starts.
  process.env.NODE_ENV = "production";
  const { build } = await import("vite");
  await build({ configFile: join(root, "web", "vite.config.ts"), mode: "production" });
  writeFileSync(stamp, inputs);
  console.log("web pages built into dist/web");
}
