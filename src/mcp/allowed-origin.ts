import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors";
import type { AppEnv } from "../http/app-env";

/**
 * Refuses, with 403 `origin_not_allowed`, a request whose `Origin` is not one of ALLOWED_ORIGINS, as the MCP
 * Streamable HTTP transport requires against DNS rebinding: a page of another site must not reach a server
 * through a name that resolves to it. A request without `Origin` (every non-browser client) passes. The list is
 * matched exactly, and the server's own host is not trusted on the strength of the `Host` header, which a
 * rebound name controls. Runs on every method, preflight included, before CORS.
 *
 * @example
 * app.use("/mcp", requireAllowedOrigin());
 */
export function requireAllowedOrigin(): MiddlewareHandler<AppEnv> {
  return async function requireAllowedOriginMiddleware(c, next) {
    const origin = c.req.header("Origin");
    if (origin !== undefined && !c.get("config").allowedOrigins.includes(origin)) {
      throw new ApiError({ code: "origin_not_allowed", message: "Requests from this Origin are not allowed here (not in ALLOWED_ORIGINS)." });
    }
    await next();
  };
}
