import type { MiddlewareHandler } from "hono";
import { ApiError } from "../errors";
import type { AuthedEnv } from "../http/app-env";
import { findActiveUser } from "../services/users";
import { verifyAccessToken } from "./tokens";
import { requireSecretKey } from "./secret-key";

/**
 * Authenticates the bearer token and sets `userId`, typed for the handlers behind it (AuthedEnv: no cast). Any failure (no header, bad signature, other alg, no exp,
 * wrong iss/aud, expired, user deleted or inactive) is the same 401, so a token's state is not leaked.
 *
 * @example
 * router.openapi({ ...route, middleware: [requireUser()] }, handler);
 */
export function requireUser(): MiddlewareHandler<AuthedEnv> {
  return async function requireUserMiddleware(c, next) {
    const secretKey = requireSecretKey(c);
    const header = c.req.header("Authorization");
    const match = header ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
    if (!match) throw new ApiError({ code: "not_authenticated", message: "Not authenticated" });
    const config = c.get("config");
    const userId = await verifyAccessToken(config, secretKey, match[1]);
    const user = userId ? await findActiveUser(c.get("db"), userId) : null;
    if (!user) throw new ApiError({ code: "invalid_token", message: "Could not validate credentials" });
    c.set("userId", user.id);
    await next();
  };
}
