import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ConfigError } from "./config";
import {
  CHART_WARNING_CODES,
  ENGINE_ERROR_CODES,
  EngineError,
  RESULT_WARNING_CODES,
  TEST_WARNING_CODES,
  type EngineErrorCode,
  type EngineProblemCode,
} from "./engine/errors";
import { PLAN_ERROR_CODES, PLAN_WARNING_CODES } from "./engine/plan/plan-problems";
import { SCHEMA_PROBLEM_CODES } from "./engine/plan/zod-issue-problems";

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
  origin_not_allowed: 403,
  not_found: 404,
  method_not_allowed: 405,
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

/**
 * How each engine error answers: the CSV codes keep their name (400 or 415, see ERROR_STATUS), a plan over the
 * cost or group cap its own 422, anything else execution finds is `execution_error`, and an unreadable stored
 * snapshot is the service's fault (500). Typed over every EngineErrorCode: an engine code whose answer is not
 * decided here does not compile.
 */
const ENGINE_ERROR_ANSWERS = {
  invalid_encoding: "invalid_encoding",
  binary_content: "binary_content",
  empty_file: "empty_file",
  no_data_rows: "no_data_rows",
  malformed_csv: "malformed_csv",
  ragged_row: "ragged_row",
  too_many_rows: "too_many_rows",
  too_many_columns: "too_many_columns",
  too_many_cells: "too_many_cells",
  cell_too_large: "cell_too_large",
  invalid_snapshot: "internal_error",
  plan_too_costly: "plan_too_costly",
  too_many_groups: "too_many_groups",
  insufficient_data: "execution_error",
  forecast_out_of_range: "execution_error",
  unknown_column: "execution_error",
  incompatible_type: "execution_error",
  uncoercible_value: "execution_error",
  missing_field: "execution_error",
  invalid_argument: "execution_error",
  invalid_parameter: "execution_error",
  invalid_input: "execution_error",
  invalid_target: "execution_error",
  invalid_split: "execution_error",
  collinear_predictors: "execution_error",
  perfect_separation: "execution_error",
  unknown_category: "execution_error",
  invalid_prediction_input: "execution_error",
  non_finite_value: "execution_error",
  design_too_large: "plan_too_costly",
} as const satisfies Record<EngineErrorCode, ErrorCode>;

/**
 * Field-problem codes the services add to the engine's: `already_exists` (registration), `header_too_long` and
 * `metadata_too_large` (uploads), `chart_not_stored` (an execute warning: the history keeps a partial chart).
 */
export const SERVICE_PROBLEM_CODES = ["already_exists", "header_too_long", "metadata_too_large", "chart_not_stored"] as const;

/**
 * Every code a field problem (in `errors[]` or `warnings[]`) can carry, each once: request-body and plan
 * schema codes, plan errors and warnings, engine errors (CSV lines, execution), result and chart warnings, and
 * the services' own. The OpenAPI document lists them as the enum of `FieldProblem.code`.
 */
export const FIELD_PROBLEM_CODES = [
  ...new Set([
    ...SCHEMA_PROBLEM_CODES,
    ...PLAN_ERROR_CODES,
    ...PLAN_WARNING_CODES,
    ...ENGINE_ERROR_CODES,
    ...RESULT_WARNING_CODES,
    ...TEST_WARNING_CODES,
    ...CHART_WARNING_CODES,
    ...SERVICE_PROBLEM_CODES,
  ]),
] as [FieldProblemCode, ...FieldProblemCode[]];

export type FieldProblemCode = EngineProblemCode | (typeof SERVICE_PROBLEM_CODES)[number];

/** A field-level problem, as in `errors[]` of the problem body. */
export interface FieldProblem {
  path: string;
  code: FieldProblemCode;
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

/**
 * The API error for an engine error: its answer from ENGINE_ERROR_ANSWERS, its message, and field problems
 * (`errors`, the engine's own by default). The engine error stays the `cause`, so a 500 logs its reason.
 *
 * @example
 * try { executePlan(table, plan); } catch (error) { if (error instanceof EngineError) throw engineApiError(error); throw error; }
 */
export function engineApiError(error: EngineError, errors: FieldProblem[] | undefined = error.details.problems): ApiError {
  return new ApiError({ code: ENGINE_ERROR_ANSWERS[error.code], message: error.message, errors, cause: error });
}

const HTTP_EXCEPTION_CODES: Record<number, ErrorCode> = {
  400: "malformed_request",
  401: "not_authenticated",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/**
 * The API error any thrown value answers as: an ApiError as it is, an engine error by its code, a Hono
 * HTTPException by its status, a configuration error as `misconfigured`, anything else as a 500
 * `internal_error`. The reason of a 500 is set as the request's `failure` (logged, never sent). The app's error
 * handler and the MCP endpoint's error results both answer through this.
 *
 * @example
 * app.onError((error, c) => problemResponse(c, toApiError(error, c)));
 */
export function toApiError(error: unknown, c: { set: (key: "failure", value: string) => void }): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof EngineError) {
    // e.g. an unreadable stored snapshot: a 500 whose reason is logged, never sent
    const answer = engineApiError(error);
    if (answer.status >= 500) c.set("failure", describe(error));
    return answer;
  }
  if (error instanceof HTTPException) {
    const code = HTTP_EXCEPTION_CODES[error.status];
    if (code) return new ApiError({ code, message: error.message || "Bad Request" });
  }
  if (error instanceof ConfigError) {
    c.set("failure", error.message);
    return new ApiError({ code: "misconfigured", message: "The service is misconfigured; the operator has been notified." });
  }
  c.set("failure", describe(error));
  return new ApiError({ code: "internal_error", message: "An unexpected error occurred." });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
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
