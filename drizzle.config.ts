import { defineConfig } from "drizzle-kit";

// Generates SQL migrations offline; wrangler applies them (`wrangler d1 migrations apply DB`) and so do the tests.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./migrations",
});
