import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is well formed, else a new UUID), echoes it on
 * the response and writes one structured log line when the response is ready. The line never carries bodies,
 * headers, passwords or tokens: only method, path, status, duration, request id and user id.
 */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return async function requestContextMiddleware(c, next) {
    const started = performance.now();
    const incoming = c.req.header("X-Request-Id");
    const requestId = incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", requestId);
    await next();
    c.res.headers.set("X-Request-Id", requestId);
    const entry: Record<string, unknown> = {
      level: c.res.status >= 500 ? "error" : "info",
      msg: "request",
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 100) / 100,
      request_id: requestId,
      user_id: c.get("userId") ?? null,
    };
    const failure = c.get("failure");
    if (failure) entry.error = failure;
    console.log(JSON.stringify(entry));
  };
}
