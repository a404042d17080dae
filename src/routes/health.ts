import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { createRouter, jsonResponse, problemResponses } from "../http/openapi";
import { timed } from "../timing";
import { SERVICE_VERSION } from "../version";

const HealthSchema = z
  .object({
    status: z.enum(["healthy", "unhealthy"]),
    database: z.enum(["ok", "error"]),
    storage: z.enum(["ok", "error"]),
    version: z.string(),
  })
  .openapi("Health");

const health = createRoute({
  method: "get",
  path: "/health",
  tags: ["operations"],
  summary: "Liveness with real checks of D1 and R2",
  responses: {
    200: jsonResponse(HealthSchema, "Every dependency answers."),
    503: jsonResponse(HealthSchema, "A dependency failed; the failing part says `error`."),
    ...problemResponses(),
  },
});

export const healthRoutes = createRouter().openapi(health, async (c) => {
  const timing = c.get("timing");
  const [database, storage] = await Promise.all([
    probe(() => timed(timing, "db", () => c.get("db").run(sql`select 1`))),
    // A head on a key that never exists exercises the binding without writing anything.
    probe(() => timed(timing, "storage", () => c.env.UPLOADS.head("health/probe"))),
  ]);
  const failing = [database === "error" && "database", storage === "error" && "storage"].filter(Boolean);
  if (failing.length > 0) c.set("failure", `health check failed: ${failing.join(", ")}`);
  const body = { status: failing.length ? "unhealthy" : "healthy", database, storage, version: SERVICE_VERSION } as const;
  return failing.length ? c.json(body, 503) : c.json(body, 200);
});

async function probe(check: () => Promise<unknown>): Promise<"ok" | "error"> {
  try {
    await check();
    return "ok";
  } catch {
    return "error";
  }
}
