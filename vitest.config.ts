import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  // wrangler.jsonc's assets directory is the web build, and the workers project reads wrangler.jsonc: build the
  // pages when they are missing (`npm test` brings them up to date first, in `pretest`).
  if (!existsSync("dist/web/index.html")) execFileSync(process.execPath, ["scripts/build-web.mjs"], { stdio: "inherit" });
  const migrations = await readD1Migrations("migrations");
  return {
    test: {
      silent: "passed-only" as const,
      projects: [
        {
          test: {
            name: "engine",
            environment: "node" as const,
            include: ["src/**/*.test.ts"],
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.jsonc" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  ENVIRONMENT: "test",
                  SECRET_KEY: "test-secret-key-that-is-long-enough-for-hs256-signing",
                  ALLOWED_ORIGINS: "https://app.example.com,http://localhost:5173",
                  // Cheaper scrypt keeps the suite fast; the production default stays N=2^15.
                  PASSWORD_HASH_COST: "1024",
                },
              },
            }),
          ],
          test: {
            name: "workers",
            include: ["test/**/*.test.ts"],
            setupFiles: ["test/setup.ts"],
          },
        },
        {
          test: {
            // The web pages: unit tests of the page's own logic, and the browser tests (Chromium against
            // wrangler dev, started by the tests themselves). A group of their own (sequence.groupOrder), run
            // apart from the other projects: wrangler dev, workerd and Chromium would otherwise share 2 cores with
            // the workers pool.
            name: "web",
            environment: "node" as const,
            sequence: { groupOrder: 1 },
            include: ["web/test/**/*.test.ts"],
            testTimeout: 60_000,
            hookTimeout: 300_000,
          },
        },
      ],
    },
  };
});
