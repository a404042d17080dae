import { StreamableHTTPTransport } from "@hono/mcp";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { requireUser } from "../auth/require-user";
import type { AuthedEnv } from "../http/app-env";
import { limitBody } from "../http/limit-body";
import { BearerSecurity, createRouter, jsonResponse, problemResponses } from "../http/openapi";
import { MCP_PATH, mcpBodyLimit, PROTECTED_RESOURCE_PATH } from "../mcp/endpoint";
import { bearerChallenge, protectedResourceMetadata } from "../mcp/protected-resource";
import { createMcpServer, MCP_TOOLS } from "../mcp/server";

/**
 * The MCP endpoint: the Streamable HTTP transport of the official SDK's server, through @hono/mcp, which adapts
 * it to a Hono context so the app's own middleware (request id and log, settings, Origin check, CORS, body cap,
 * bearer auth, error handler) runs around it unchanged. Cloudflare's `agents` package (McpAgent) was the other
 * candidate; it keeps a Durable Object per MCP session, which this stateless server has no use for, and brings
 * its own OAuth layer where the API's bearer tokens are the credential.
 *
 * Stateless: a new server and transport per POST, no `Mcp-Session-Id`, every request authenticated on its own
 * (and no two clients ever share a server or transport, so no response can reach the wrong one).
 * Answers are JSON, not an SSE stream: with no session the server never sends anything but the response to the
 * request in hand. GET (no server-initiated stream to offer) and DELETE (no session to end) answer 405 with
 * `Allow: POST`, as the transport specification provides, through the app's 405 handler.
 */
async function serveMcp(c: Context<AuthedEnv>): Promise<Response> {
  const server = createMcpServer(c);
  const transport = new StreamableHTTPTransport({ enableJsonResponse: true });
  await server.connect(transport);
  try {
    return (await transport.handleRequest(c)) ?? c.body(null, 202);
  } catch (error) {
    // The transport's own refusals (a body that is not JSON-RPC, an unsupported MCP-Protocol-Version, a wrong
    // Content-Type or Accept) carry a JSON-RPC error body with their HTTP status: answer them as they are.
    if (error instanceof HTTPException) return error.getResponse();
    throw error;
  } finally {
    await server.close();
  }
}

const JsonRpcMessageSchema = z
  .object({
    jsonrpc: z.literal("2.0"),
    id: z.union([z.string(), z.number()]).optional(),
    method: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    result: z.record(z.string(), z.unknown()).optional(),
    error: z.object({ code: z.number().int(), message: z.string(), data: z.unknown().optional() }).optional(),
  })
  .openapi("JsonRpcMessage", { description: "A JSON-RPC 2.0 request or notification of the Model Context Protocol." });

const ProtectedResourceMetadataSchema = z
  .object({
    resource: z.string().meta({ description: "The MCP endpoint's URL: the resource a token is for." }),
    resource_name: z.string(),
    bearer_methods_supported: z.array(z.string()),
    resource_documentation: z.string(),
  })
  .openapi("ProtectedResourceMetadata");

const metadataRoute = createRoute({
  method: "get",
  path: PROTECTED_RESOURCE_PATH,
  tags: ["mcp"],
  summary: "OAuth 2.0 Protected Resource Metadata (RFC 9728) of the MCP endpoint",
  description:
    "Named by `resource_metadata` in the `WWW-Authenticate` header of a 401 from /mcp. No authorization server is " +
    "listed yet: a client authenticates with the `access_token` of POST /api/auth/login.",
  responses: { 200: jsonResponse(ProtectedResourceMetadataSchema, "The metadata document."), ...problemResponses() },
});

export const mcpRoutes = createRouter();
mcpRoutes.openapi(metadataRoute, (c) => c.json(protectedResourceMetadata(c.req.url), 200));
// The body is read after authentication, so an anonymous caller cannot make the Worker buffer a large one.
mcpRoutes.post(MCP_PATH, bearerChallenge(), requireUser(), limitBody((c) => mcpBodyLimit(c.get("config"))), (c) => serveMcp(c));

// Documented here; served by the handler above, which reads the body itself (JSON-RPC errors, not problems).
mcpRoutes.openAPIRegistry.registerPath({
  method: "post",
  path: MCP_PATH,
  tags: ["mcp"],
  summary: "Model Context Protocol endpoint (Streamable HTTP, stateless)",
  description:
    "JSON-RPC 2.0 messages of MCP (protocol revisions up to 2025-11-25), answered as `application/json`. Tools: " +
    `${MCP_TOOLS.map((t) => t.name).join(", ")}; resources: the plan schema and each dataset's profile, plan schema ` +
    "and chart SVGs; prompt: answer_question. Authenticated on every request with the API's bearer token (401 " +
    "carries `WWW-Authenticate: Bearer ... resource_metadata=...`). A request with an `Origin` header not in " +
    "ALLOWED_ORIGINS is refused with 403 `origin_not_allowed`. No session (`Mcp-Session-Id`) is issued; GET and " +
    "DELETE answer 405. Bodies up to 2 x MAX_UPLOAD_SIZE + 2 MiB (upload_csv carries a CSV). Failures of a tool " +
    "come back as results with `isError: true` and the API's error `code`; protocol errors as JSON-RPC errors.",
  security: BearerSecurity,
  request: { body: { required: true, content: { "application/json": { schema: JsonRpcMessageSchema } } } },
  responses: {
    200: jsonResponse(JsonRpcMessageSchema, "The JSON-RPC response."),
    202: { description: "A notification or response was accepted (no body)." },
    400: { description: "Not JSON-RPC, or an unsupported MCP-Protocol-Version (a JSON-RPC error)." },
    ...problemResponses(401, 403, 413),
  },
});
