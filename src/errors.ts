import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every error code the API can answer, with its HTTP status. Clients switch on `code`; `detail` is for humans. */
export const ERROR_STATUS = {
  malformed_request: 400,
  invalid_csv: 400,
  empty_file: 400,
  no_data_rows: 400,
  too_many_rows: 400,
  too_many_columns: 400,
  too_many_cells: 400,
  cell_too_large: 400,
  ragged_row: 400,
  malformed_csv: 400,
  invalid_encoding: 415,
  binary_content: 415,
  not_authenticated: 401,
  invalid_token: 401,
  invalid_credentials: 401,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_error: 422,
  invalid_plan: 422,
  plan_too_costly: 422,
  too_many_groups: 422,
  execution_error: 422,
  rate_limited: 429,
  internal_error: 500,
  misconfigured: 500,
  service_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** A field-level problem, as in `errors[]` of the problem body. */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
  suggestion?: string;
  /** A problem inside an expression: the offending token's characters (0-based, end exclusive). */
  position?: { start: number; end: number };
}

/**
 * The one error handlers and services throw. `onError` turns it into RFC 9457 problem+json; nothing else
 * builds error bodies.
 *
 * @example
 * throw new ApiError({ code: "not_found", message: "Dataset not found" });
 */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly errors?: FieldProblem[];
  readonly headers?: Record<string, string>;

  constructor(init: { code: ErrorCode; message: string; errors?: FieldProblem[]; headers?: Record<string, string>; cause?: unknown }) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.status = ERROR_STATUS[init.code];
    this.errors = init.errors;
    this.headers = init.headers;
  }
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export interface ProblemBody {
  type: "about:blank";
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  request_id: string;
  errors?: FieldProblem[];
}

/** Builds the RFC 9457 body and response for an ApiError. */
export function problemResponse(c: Context, error: ApiError): Response {
  const body: ProblemBody = {
    type: "about:blank",
    title: TITLES[error.status] ?? "Error",
    status: error.status,
    detail: error.message,
    code: error.code,
    request_id: c.get("requestId") ?? "",
  };
  if (error.errors) body.errors = error.errors;
  const headers: Record<string, string> = { "Content-Type": "application/problem+json", ...error.headers };
  if (error.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="wake-analyzer"';
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
