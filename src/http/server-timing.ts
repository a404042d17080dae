import type { MiddlewareHandler } from "hono";
import { Timing } from "../timing";
import type { AppEnv } from "./app-env";

/**
 * Gives the request a Timing (`c.get("timing")`) for the code behind it to record its phases in, and sends them
 * as `Server-Timing` on the answer, error answers included. A response that did none of that work carries none.
 *
 * @example
 * app.use(serverTiming());
 * // Server-Timing: auth;dur=0.4, db;dur=1.1, limiter;dur=0.9, engine;dur=2.3, record;dur=1
 */
export function serverTiming(): MiddlewareHandler<AppEnv> {
  return async function serverTimingMiddleware(c, next) {
    const timing = new Timing();
    c.set("timing", timing);
    await next();
    const value = timing.header();
    if (value !== null) c.res.headers.set("Server-Timing", value);
  };
}
