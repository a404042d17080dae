import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/app-env";
import { MCP_PATH, PROTECTED_RESOURCE_PATH } from "./endpoint";


export interface ProtectedResourceMetadata {
  resource: string;
  resource_name: string;
  bearer_methods_supported: string[];
  resource_documentation: string;
}

/**
 * The OAuth 2.0 Protected Resource Metadata (RFC 9728) of the MCP endpoint, as the MCP authorization spec has a
 * server publish it. Today a client brings a bearer token from POST /api/auth/login, so the document names no
 * `authorization_servers`: adding OAuth sign-in later means adding that field (and the authorization server),
 * not changing the endpoint, the 401 challenge or how tokens are verified.
 *
 * @example
 * protectedResourceMetadata("https://wake.example.com/.well-known/oauth-protected-resource/mcp");
 * // { resource: "https://wake.example.com/mcp", bearer_methods_supported: ["header"], ... }
 */
export function protectedResourceMetadata(requestUrl: string): ProtectedResourceMetadata {
  return {
    resource: new URL(MCP_PATH, requestUrl).href,
    resource_name: "Wake Analyzer MCP server",
    bearer_methods_supported: ["header"],
    resource_documentation: new URL("/docs", requestUrl).href,
  };
}

/**
 * Gives a 401 of the MCP endpoint the challenge the MCP authorization spec asks for (RFC 6750 and RFC 9728
 * section 5.1): `WWW-Authenticate: Bearer` with `resource_metadata` naming the metadata document, and
 * `error="invalid_token"` when a token was sent but refused. Mounted before requireUser(), whose 401 it amends.
 *
 * @example
 * router.post("/mcp", bearerChallenge(), requireUser(), handler);
 */
export function bearerChallenge(): MiddlewareHandler<AppEnv> {
  return async function bearerChallengeMiddleware(c, next) {
    await next();
    if (c.res.status !== 401) return;
    const metadata = new URL(PROTECTED_RESOURCE_PATH, c.req.url).href;
    const error = c.req.header("Authorization") === undefined ? "" : ', error="invalid_token"';
    c.res.headers.set("WWW-Authenticate", `Bearer realm="wake-analyzer"${error}, resource_metadata="${metadata}"`);
  };
}
