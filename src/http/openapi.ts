import { OpenAPIHono, z } from "@hono/zod-openapi";
import { CHART_WARNING_CODES, CSV_ERROR_CODES, ENGINE_ERROR_CODES, RESULT_WARNING_CODES, TEST_WARNING_CODES } from "../engine/errors";
import { PLAN_ERROR_CODES, PLAN_WARNING_CODES } from "../engine/plan/plan-problems";
import { SCHEMA_PROBLEM_CODES } from "../engine/plan/zod-issue-problems";
import { ApiError, ERROR_CODES, FIELD_PROBLEM_CODES } from "../errors";
import type { AppEnv } from "./app-env";
import { zodIssuesToProblems } from "../engine/plan/zod-issue-problems";

/** Engine errors of an execution (a CSV code is an upload's; an unreadable snapshot is a 500 with no field problem). */
const EXECUTION_ERROR_CODES = ENGINE_ERROR_CODES.filter((code) => !(CSV_ERROR_CODES as readonly string[]).includes(code) && code !== "invalid_snapshot");

export const FieldProblemSchema = z
  .object({
    path: z.string().meta({ example: "plan.filters[0].column" }),
    code: z.enum(FIELD_PROBLEM_CODES).meta({
      example: "unknown_column",
      description:
        `Stable. Request bodies and plan structure: ${SCHEMA_PROBLEM_CODES.join(", ")}. Plans: ${PLAN_ERROR_CODES.join(", ")}; ` +
        `warnings ${PLAN_WARNING_CODES.join(", ")}. Uploads (path \`file:line N\`): ${CSV_ERROR_CODES.join(", ")}, header_too_long, ` +
        `metadata_too_large. Execution: ${EXECUTION_ERROR_CODES.join(", ")}; ` +
        `warnings ${[...RESULT_WARNING_CODES, ...TEST_WARNING_CODES, ...CHART_WARNING_CODES, "chart_not_stored"].join(", ")}. Registration: already_exists.`,
    }),
    message: z.string(),
    suggestion: z.string().optional(),
    position: z
      .object({ start: z.number().int(), end: z.number().int() })
      .optional()
      .meta({ description: "A problem inside an expression: the offending token's characters (0-based, end exclusive)." }),
  })
  .openapi("FieldProblem");

export const ProblemSchema = z
  .object({
    type: z.literal("about:blank"),
    title: z.string().meta({ example: "Not Found" }),
    status: z.number().int().meta({ example: 404 }),
    detail: z.string().meta({ example: "Dataset not found" }),
    code: z.enum(ERROR_CODES as [string, ...string[]]),
    request_id: z.string(),
    errors: z.array(FieldProblemSchema).optional(),
  })
  .openapi("Problem", { description: "RFC 9457 problem details; `code` is stable, `detail` is a human sentence." });

const DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request (bad JSON, multipart or CSV).",
  401: "Missing, invalid or expired bearer token, or wrong credentials.",
  403: "A browser page of an origin that is not allowed (MCP endpoint).",
  404: "No such resource, or it belongs to another user.",
  409: "The resource already exists.",
  413: "Body or file too large.",
  415: "Unsupported media type.",
  422: "The request is well formed but its body, path or query breaks the schema, or the plan fails validation.",
  429: "Rate limited; see Retry-After.",
  500: "Unexpected error (logged; no details are returned).",
  503: "A dependency is down.",
};

/** OpenAPI `responses` entries for the listed error statuses, all with the Problem body. */
export function problemResponses(...statuses: number[]) {
  const out: Record<number, { description: string; content: { "application/problem+json": { schema: typeof ProblemSchema } } }> = {};
  for (const status of [...statuses, 500]) {
    out[status] = { description: DESCRIPTIONS[status] ?? "Error", content: { "application/problem+json": { schema: ProblemSchema } } };
  }
  return out;
}

/** A `$ref` to a schema component of the document (e.g. one registered with `openAPIRegistry.register`). */
export function schemaRef(name: string): string {
  return `#/components/schemas/${name}`;
}

/** JSON request body declaration (required, so a missing body is a 422, not silently `{}`). */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { "application/json": { schema } } } as const;
}

/** JSON success response declaration. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } } as const;
}

/**
 * A router whose validation failures become 422 problems with field-level `errors`, so every route reports
 * schema violations the same way.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        // A body's fields are named bare (`email`), other parts by where they came from (`query.limit`).
        const source = result.target === "json" ? { name: "body" } : { name: result.target, root: result.target };
        // The validator passes the value it parsed as `data` (zod-validator's Hook type says so; zod-openapi's omits it).
        const input = "data" in result ? result.data : undefined;
        const errors = zodIssuesToProblems(result.error.issues, input, source);
        throw new ApiError({ code: "validation_error", message: "The request does not match the schema.", errors });
      }
    },
  });
}

export const BearerSecurity = [{ bearerAuth: [] }];
