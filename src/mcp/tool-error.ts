import { ErrorCode, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { type FieldProblem, toApiError } from "../errors";

/** Where a 500's reason is kept for the request log: the request's context. */
type FailureSink = { set: (key: "failure", value: string) => void };

/** The error of a tool call, as the `error` object of its text content: the HTTP API's problem, field by field. */
export interface ToolProblem {
  code: string;
  /** The HTTP status the same failure answers over the API. */
  status: number;
  message: string;
  errors?: FieldProblem[];
  /** Rate limits: seconds until a retry can succeed (the API's Retry-After). */
  retry_after_seconds?: number;
}

/**
 * A failed tool call as MCP reports one (`isError: true`, the problem as JSON text). No `structuredContent`:
 * clients check it against the tool's outputSchema, which describes success.
 *
 * @example
 * return toolError(new ApiError({ code: "not_found", message: "Dataset not found" }), c);
 * // { isError: true, content: [{ type: "text", text: '{"error":{"code":"not_found","status":404,...}}' }] }
 */
export function toolError(error: unknown, c: FailureSink): CallToolResult {
  const answer = toApiError(error, c);
  const problem: ToolProblem = { code: answer.code, status: answer.status, message: answer.message };
  if (answer.errors) problem.errors = answer.errors;
  const retryAfter = answer.headers?.["Retry-After"];
  if (retryAfter !== undefined) problem.retry_after_seconds = Number(retryAfter);
  return { isError: true, content: [{ type: "text", text: JSON.stringify({ error: problem }) }] };
}

/** MCP's code for a resource that does not exist (or is not the caller's to see). */
export const RESOURCE_NOT_FOUND = -32002;

/**
 * A failure while reading a resource or getting a prompt, as the JSON-RPC error the SDK sends: `not_found` is
 * MCP's "Resource not found" (-32002, with the URI), a 5xx an internal error without its reason, anything else
 * invalid params with the API's message.
 */
export function protocolError(error: unknown, c: FailureSink, uri?: string): McpError {
  if (error instanceof McpError) return error;
  const answer = toApiError(error, c);
  if (answer.code === "not_found") return new McpError(RESOURCE_NOT_FOUND, `Resource not found: ${answer.message}`, uri === undefined ? undefined : { uri });
  if (answer.status >= 500) return new McpError(ErrorCode.InternalError, answer.message);
  return new McpError(ErrorCode.InvalidParams, answer.message, { code: answer.code, ...(answer.errors ? { errors: answer.errors } : {}) });
}
