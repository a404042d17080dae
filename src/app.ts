import { cors } from "hono/cors";
import { loadConfig } from "./config";
import { createDb } from "./db/client";
import { ApiError, problemResponse, toApiError } from "./errors";
import { allowedMethods } from "./http/allowed-methods";
import { createRouter } from "./http/openapi";
import { jsonBodyLimit, limitBody } from "./http/limit-body";
import { requestContext } from "./http/request-context";
import { serverTiming } from "./http/server-timing";
import { analyticsRoutes } from "./routes/analytics";
import { authRoutes } from "./routes/auth";
import { datasetRoutes } from "./routes/datasets";
import { healthRoutes } from "./routes/health";
import { mcpRoutes } from "./routes/mcp";
import { requireAllowedOrigin } from "./mcp/allowed-origin";
import { MCP_PATH } from "./mcp/endpoint";
import { SERVICE_VERSION } from "./version";


/**
 * Builds the application: request id and logging first (so every answer, errors included, is logged with its
 * id), the Server-Timing recorder, then settings and the database, the MCP endpoint's Origin check, CORS, the body
 * size cap, the routes (the HTTP API and /mcp), and one error handler that owns every error body.
 */
export function createApp() {
  const app = createRouter();

  app.use(requestContext());
  app.use(serverTiming());
  app.use(async function settings(c, next) {
    c.set("config", loadConfig(c.env));
    c.set("db", createDb(c.env.DB));
    await next();
  });
  // Before CORS, so that a preflight from a foreign page is refused too (DNS rebinding).
  app.use(MCP_PATH, requireAllowedOrigin());
  app.use(async function corsFromConfig(c, next) {
    const allowed = c.get("config").allowedOrigins;
    const preflight = await cors({
      origin: (origin) => (allowed.includes(origin) ? origin : null),
      allowHeaders: ["Authorization", "Content-Type", "X-Request-Id", "MCP-Protocol-Version"],
      allowMethods: ["GET", "POST", "DELETE", "OPTIONS"],
      // WWW-Authenticate: a browser MCP client reads resource_metadata from a 401.
      exposeHeaders: ["X-Request-Id", "RateLimit", "RateLimit-Policy", "Retry-After", "Link", "WWW-Authenticate", "Server-Timing"],
      maxAge: 600,
    })(c, next);
    if (preflight) return preflight;
    // An allowed origin's pages can read the phases from the Resource Timing API too (PerformanceServerTiming).
    const origin = c.res.headers.get("Access-Control-Allow-Origin");
    if (origin) c.res.headers.set("Timing-Allow-Origin", origin);
  });
  // After CORS, so a browser can read the 413 too.
  // /mcp reads its larger bodies (a CSV for upload_csv) only once the caller is authenticated: its route caps them.
  app.use(limitBody((c) => (c.req.path === MCP_PATH ? null : jsonBodyLimit(c))));

  app.route("/", healthRoutes);
  app.route("/", authRoutes);
  app.route("/", datasetRoutes);
  app.route("/", analyticsRoutes);
  app.route("/", mcpRoutes);
  // The pages (/, /docs, /redoc) are static assets served before the Worker runs: wrangler.jsonc `assets`, web/.

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "The `access_token` from POST /api/auth/login.",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Wake Analyzer API",
      version: SERVICE_VERSION,
      description:
        "Upload a CSV, send JSON execution plans, get deterministic, reproducible answers. Every error is RFC 9457 " +
        "problem+json with a stable `code`.",
    },
  });

  app.notFound(async (c) => {
    // A path that exists under other methods answers 405 with them, as FastAPI does; any other path is a 404.
    // Pages are static assets, served for GET and HEAD before the Worker runs: another method on one lands here.
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length === 0 && c.req.method !== "GET" && c.req.method !== "HEAD" && (await isPage(c.env, c.req.url))) allowed.push("GET", "HEAD");
    if (allowed.length === 0) return problemResponse(c, new ApiError({ code: "not_found", message: "Not Found" }));
    const message = `${c.req.method} is not allowed here; this path answers ${allowed.join(", ")}.`;
    return problemResponse(c, new ApiError({ code: "method_not_allowed", message, headers: { Allow: allowed.join(", ") } }));
  });
  app.onError((error, c) => problemResponse(c, toApiError(error, c)));
  return app;
}

/** Whether the static assets hold a page at this URL (asked with GET, the way a browser would fetch it). */
async function isPage(env: Env, url: string): Promise<boolean> {
  if (env.ASSETS === undefined) return false;
  const res = await env.ASSETS.fetch(new Request(url, { method: "GET" }));
  await res.body?.cancel();
  return res.ok;
}

export type App = ReturnType<typeof createApp>;
