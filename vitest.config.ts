import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
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
      ],
    },
  };
});
