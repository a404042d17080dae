import type { Context, HonoRequest, MiddlewareHandler } from "hono";
import type { Database } from "../db/client";
import type { DatasetRow } from "../db/schema";
import { ApiError } from "../errors";
import type { AuthedEnv } from "../http/app-env";
import { abandonLimit, applyLimit, askLimit, type LimitAnswer, type RateLimitOptions, settleLimit } from "../rate-limit/rate-limit";
import { findUserWith, type RouteRead } from "../services/access";
import { visibleDatasetOf, findDataset } from "../services/datasets";
import { timed } from "../timing";
import { verifyAccessToken } from "./tokens";
import { requireSecretKey } from "./secret-key";

export interface RequireUserOptions<Q extends RouteRead> {
  /**
   * Where the route names its dataset: the path's `{session_id}` or the JSON body's `session_id`. The dataset is
   * then looked up in the same D1 round trip as the user; the handler reads it with `requestedDataset`.
   */
  dataset?: "param" | "body";
  /**
   * The route's own read, sent in the same D1 round trip; its rows are `c.get("read")`. It runs before the user is
   * known to be active, so it must only read, and only what the verified user id scopes.
   */
  read?: (db: Database, userId: string, request: HonoRequest) => Q;
  /** The route's rate limit, asked of the user's Durable Object while D1 answers. */
  limit?: RateLimitOptions;
}

/**
 * Authenticates the bearer token and sets `userId` and the active `user`, typed for the handlers behind it
 * (AuthedEnv: no cast). Any failure (no header, bad signature, other alg, no exp, wrong iss/aud, expired, user
 * deleted or inactive) is the same 401, so a token's state is not leaked.
 *
 * Everything the route needs to know before its handler runs is asked at once, after the token (checked in the
 * Worker) names the user: one D1 batch with the user, the route's dataset (`dataset`) and its own read (`read`),
 * and the rate limiter (`limit`) in parallel with it. The handler runs only once the user is known to be active;
 * a slot the limiter took for a user who is not is given back before the 401.
 *
 * @example
 * router.openapi({ ...route, middleware: [requireUser()] }, handler);
 * router.openapi({ ...execute, middleware: [requireUser({ dataset: "body", limit: EXECUTE_LIMIT })] }, handler);
 */
export function requireUser<Q extends RouteRead = never>(options: RequireUserOptions<Q> = {}): MiddlewareHandler<AuthedEnv<Q["_"]["result"]>> {
  return async function requireUserMiddleware(c, next) {
    const secretKey = requireSecretKey(c);
    const header = c.req.header("Authorization");
    const match = header ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
    if (!match) throw new ApiError({ code: "not_authenticated", message: "Not authenticated" });
    const timing = c.get("timing");
    const userId = await timed(timing, "auth", () => verifyAccessToken(c.get("config"), secretKey, match[1]));
    if (!userId) throw invalidToken();

    const sessionId = options.dataset === undefined ? undefined : await sessionIdOf(c.req, options.dataset);
    const db = c.get("db");
    const read = options.read?.(db, userId, c.req);
    const [access, limit] = await Promise.allSettled([
      timed(timing, "db", () => findUserWith<Q["_"]["result"]>(db, userId, { sessionId, read })),
      options.limit === undefined ? undefined : askLimit(c, userId, options.limit),
    ]);
    const answer: LimitAnswer | undefined = limit.status === "fulfilled" ? limit.value : undefined;
    if (access.status === "rejected" || !access.value.user) {
      if (answer) await abandonLimit(c, answer);
      throw access.status === "rejected" ? access.reason : invalidToken();
    }
    const { user, dataset, read: rows } = access.value;
    c.set("userId", user.id);
    c.set("user", user);
    if (dataset) c.set("dataset", dataset);
    if (read !== undefined) c.set("read", rows as Q["_"]["result"]);
    if (options.limit === undefined) return next();
    if (!answer) throw (limit as PromiseRejectedResult).reason;
    applyLimit(c, options.limit, answer);
    await next();
    await settleLimit(c);
  };
}

/**
 * The dataset `sessionId` names, as the caller may see it, or a 404 that does not say whether it exists for
 * someone else. Taken from what requireUser({ dataset }) looked up with the user, else looked up now.
 *
 * @example
 * const dataset = await requestedDataset(c, c.req.valid("param").session_id);
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route's context, whatever its own read
export async function requestedDataset<E extends AuthedEnv<any>>(c: Context<E, any, any>, sessionId: string): Promise<DatasetRow> {
  const known = c.get("dataset");
  if (known?.sessionId === sessionId) return visibleDatasetOf(known.row ? [known.row] : []);
  return timed(c.get("timing"), "db", () => findDataset(c.get("db"), c.get("userId"), sessionId));
}

function invalidToken(): ApiError {
  return new ApiError({ code: "invalid_token", message: "Could not validate credentials" });
}

/**
 * The session id as sent, before the route's validator has checked it: the path parameter, or the JSON body's
 * `session_id` when it is a string (the body is parsed once; the validator reads the same parse). An unreadable
 * body names none: the validator answers for it once the user is known.
 */
async function sessionIdOf(request: HonoRequest, where: "param" | "body"): Promise<string | undefined> {
  if (where === "param") return request.param("session_id");
  const body: unknown = await request.json().catch(() => undefined);
  const sessionId = typeof body === "object" && body !== null ? (body as { session_id?: unknown }).session_id : undefined;
  return typeof sessionId === "string" ? sessionId : undefined;
}
