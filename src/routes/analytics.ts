import { createRoute, z } from "@hono/zod-openapi";
import { requestedDataset, requireUser } from "../auth/require-user";
import { CHART_WARNING_CODES, RESULT_WARNING_CODES, TEST_WARNING_CODES } from "../engine/errors";
import { PLAN_ERROR_CODES, PLAN_WARNING_CODES } from "../engine/plan/plan-problems";
import { operationExamples } from "../engine/plan/json-schema-results";
import { genericPlanJsonSchema } from "../engine/plan/plan-json-schema";
import { OPERATIONS, PlanSchema } from "../engine/plan/plan-schema";
import { BearerSecurity, createRouter, FieldProblemSchema, jsonBody, jsonResponse, problemResponses, schemaRef } from "../http/openapi";
import { EXECUTE_LIMIT, executeLimitHooks } from "../rate-limit/rate-limit";
import { chartSvgOf, chartSvgQuery, HISTORY_MAX_PAGE_SIZE, HISTORY_PAGE_SIZE, historyPageOf, historyPageQuery } from "../services/analyses";
import { executeOnSession } from "../services/execute-analysis";
import { datasetPlanSchema } from "../services/plan-schemas";
import { measured } from "../timing";
import { type PlanToValidate, validatePlanRequest } from "../services/validate-plan";
import { SessionIdSchema, SessionParamsSchema } from "./datasets";
import { ExecutionResultSchema } from "./execution-results";

/**
 * The plan inside a body: any JSON to the request validator, because validatePlan judges it (/validate answers
 * 200 with its problems, /execute records a refused plan); documented as the ExecutionPlan component, which
 * the registry generates from PlanSchema.
 */
const PlanFieldSchema = z.unknown().openapi({ allOf: [{ $ref: schemaRef("ExecutionPlan") }] });

/** A plan with steps, shown in the ExecutionPlan component next to the plan JSON Schema's one example per operation. */
const STEPS_EXAMPLE = {
  operation: "mean",
  target_column: "margin",
  group_by: ["region"],
  steps: [{ derive: { name: "margin", expr: "price - cost" } }, { drop_outliers: { column: "margin", method: "iqr" } }],
};

/** The body of /execute and the enveloped form of /validate. */
const SessionPlanSchema = z
  .strictObject({ session_id: SessionIdSchema, plan: PlanFieldSchema })
  .openapi("SessionPlan", { required: ["session_id", "plan"] });

/** A body with `plan` and no `operation` is the envelope; anything else is a bare plan. */
const isEnvelope = (body: unknown): boolean =>
  typeof body === "object" && body !== null && !Array.isArray(body) && Object.hasOwn(body, "plan") && !Object.hasOwn(body, "operation");

/**
 * The body of /validate: the envelope, held to its schema (a wrong `session_id` or an extra key is a 422), or a
 * bare plan, which is any JSON that is not an envelope (its problems are the answer).
 */
const ValidateBodySchema = z
  .unknown()
  .pipe(z.union([
    SessionPlanSchema,
    z
      .unknown()
      .refine((body) => !isEnvelope(body))
      .transform((plan): PlanToValidate => ({ plan })),
  ]))
  .openapi({ oneOf: [{ $ref: schemaRef("SessionPlan") }, { $ref: schemaRef("ExecutionPlan") }] });

export const ValidationReportSchema = z
  .object({
    valid: z.boolean(),
    errors: z.array(FieldProblemSchema).meta({ description: `Codes: ${PLAN_ERROR_CODES.join(", ")}.` }),
    warnings: z.array(FieldProblemSchema).meta({ description: `Codes: ${PLAN_WARNING_CODES.join(", ")}.` }),
  })
  .openapi("ValidationReport");

export const ExecutionSchema = z
  .object({
    success: z.literal(true),
    analysis_id: z.string(),
    session_id: z.string(),
    plan: z.record(z.string(), z.unknown()).meta({ description: "The normalised plan, defaults filled in." }),
    result: ExecutionResultSchema,
    row_count: z.number().int(),
    filtered_row_count: z.number().int(),
    execution_time_ms: z.number().meta({ description: "Wall time of the call in the Worker (on Workers the clock advances with I/O, not during computation)." }),
    chart: z.record(z.string(), z.unknown()).nullable(),
    warnings: z.array(FieldProblemSchema).meta({
      description: `Never block the answer. Codes: ${[...PLAN_WARNING_CODES, ...RESULT_WARNING_CODES, ...TEST_WARNING_CODES, ...CHART_WARNING_CODES, "chart_not_stored"].join(", ")}.`,
    }),
    provenance: z.object({
      dataset_sha256: z.string(),
      plan_sha256: z.string(),
      engine_version: z.string(),
      executed_at: z.string(),
      filter_steps: z.array(z.object({ filter: z.record(z.string(), z.unknown()), rows_remaining: z.number().int() })),
      steps: z
        .array(z.object({ step: z.record(z.string(), z.unknown()), rows_remaining: z.number().int(), expression: z.string().optional() }))
        .optional()
        .meta({ description: "Plans with steps: each step as executed, the rows left after it and, for an expression, its canonical text." }),
    }),
  })
  .openapi("Execution");

export const AnalysisSchema = z
  .object({
    id: z.string(),
    session_id: z.string(),
    execution_plan: z.unknown(),
    result: z.unknown().nullable(),
    chart: z.unknown().nullable(),
    filtered_row_count: z.number().int().nullable(),
    execution_time_ms: z.number().nullable(),
    success: z.boolean(),
    error_message: z.string().nullable(),
    executed_at: z.string(),
  })
  .openapi("Analysis");

const validateRoute = createRoute({
  method: "post",
  path: "/api/analytics/validate",
  tags: ["plans"],
  summary: "Validate a plan, against a dataset or on its own",
  description:
    "Body: `{session_id, plan}` (checked against that dataset's columns, types and values) or a bare plan (structure and " +
    "per-operation rules only). Always 200 with the problems found; 404 only when the named dataset is not the caller's.",
  security: BearerSecurity,
  middleware: [requireUser({ dataset: "body" })] as const,
  request: { body: jsonBody(ValidateBodySchema) },
  responses: { 200: jsonResponse(ValidationReportSchema, "The validation report."), ...problemResponses(400, 401, 404, 415, 422) },
});

const executeRoute = createRoute({
  method: "post",
  path: "/api/analytics/execute",
  tags: ["plans"],
  summary: "Execute a plan over a dataset",
  description:
    "Validates the plan against the dataset (422 `invalid_plan` with the same `errors` as /validate), runs it on the " +
    "dataset's columnar snapshot and records the call in the dataset's history, successful or not (a call refused by " +
    "the rate limit is not recorded). Plans whose estimated cost is over the cap answer 422 `plan_too_costly`. Rate " +
    "limit: EXECUTE_RATE_LIMIT per user per hour; a call holds a slot from its start and keeps it once its plan has " +
    "passed validation (a refused plan, an unknown dataset or a malformed body gives it back, so it costs nothing); " +
    "refused plans are limited apart, to 10 x EXECUTE_RATE_LIMIT per hour. 503 when the rate limiter is unreachable " +
    "(fails closed).",
  security: BearerSecurity,
  middleware: [requireUser({ dataset: "body", limit: EXECUTE_LIMIT })] as const,
  request: {
    query: z.object({
      chart: z.enum(["svg", "spec"]).optional().meta({ description: "`spec` returns the Vega-Lite spec without rendering the SVG (for clients that render themselves)." }),
    }),
    body: jsonBody(SessionPlanSchema),
  },
  responses: { 200: jsonResponse(ExecutionSchema, "The computed result."), ...problemResponses(400, 401, 404, 415, 422, 429, 503) },
});

const HistoryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(HISTORY_MAX_PAGE_SIZE).optional(),
  before: z.coerce.number().int().min(1).optional().meta({ description: "The cursor from the previous page's Link header." }),
});

/** The page a history query string asks for, read as its validator reads it; a query it refuses reads the first page (the 422 follows). */
function pageOf(query: Record<string, string>): { limit: number; before?: number } {
  const parsed = HistoryQuerySchema.safeParse(query);
  return { limit: (parsed.success && parsed.data.limit) || HISTORY_PAGE_SIZE, before: parsed.success ? parsed.data.before : undefined };
}

const historyRoute = createRoute({
  method: "get",
  path: "/api/analytics/history/{session_id}",
  tags: ["plans"],
  summary: "Every execute call on a dataset, newest first",
  description:
    "Newest recorded first, paged: `limit` (default 100, at most 500); a page also ends early past 8 MB, and a " +
    '`Link: <...?before=...>; rel="next"` header names the next page when there is one (a cursor, so calls recorded ' +
    "while paging neither repeat nor skip rows). Charts are listed without their SVG (`svg` null); `svg_url` names " +
    "the chart.svg route when one was stored.",
  security: BearerSecurity,
  middleware: [
    requireUser({
      dataset: "param",
      read: (db, userId, request) => historyPageQuery(db, { userId, sessionId: request.param("session_id") as string }, pageOf(request.query())),
    }),
  ] as const,
  request: { params: SessionParamsSchema, query: HistoryQuerySchema },
  responses: { 200: jsonResponse(z.array(AnalysisSchema), "The history."), ...problemResponses(401, 404, 422) },
});

const chartSvgRoute = createRoute({
  method: "get",
  path: "/api/analytics/history/{session_id}/{analysis_id}/chart.svg",
  tags: ["plans"],
  summary: "The SVG chart of one analysis",
  security: BearerSecurity,
  middleware: [
    requireUser({
      dataset: "param",
      read: (db, userId, request) => chartSvgQuery(db, userId, request.param("session_id") as string, request.param("analysis_id") as string),
    }),
  ] as const,
  request: {
    params: SessionParamsSchema.extend({
      analysis_id: z.string().min(1).max(64).openapi({ param: { name: "analysis_id", in: "path" } }),
    }),
  },
  responses: {
    200: { description: "The chart, `image/svg+xml`.", content: { "image/svg+xml": { schema: { type: "string" } } } },
    ...problemResponses(401, 404, 422),
  },
});

const JsonSchemaDoc = z.record(z.string(), z.unknown()).openapi("PlanJsonSchema", { description: "A JSON Schema (draft 2020-12) of the plan, usable as an LLM tool definition." });

const genericSchemaRoute = createRoute({
  method: "get",
  path: "/api/analytics/plan-schema",
  tags: ["plans"],
  summary: "JSON Schema of an execution plan",
  responses: { 200: jsonResponse(JsonSchemaDoc, "The generic plan schema."), ...problemResponses() },
});

const datasetSchemaRoute = createRoute({
  method: "get",
  path: "/api/analytics/datasets/{session_id}/plan-schema",
  tags: ["plans"],
  summary: "JSON Schema of a plan for one dataset, with its column names as enums per role",
  security: BearerSecurity,
  middleware: [requireUser({ dataset: "param" })] as const,
  request: { params: SessionParamsSchema },
  responses: { 200: jsonResponse(JsonSchemaDoc, "The dataset's plan schema."), ...problemResponses(401, 404, 422) },
});

export const analyticsRoutes = createRouter();
// A clone made here, after @hono/zod-openapi has extended zod: the registry needs its `.openapi` method, which
// PlanSchema may lack when the engine built it first.
analyticsRoutes.openAPIRegistry.register("ExecutionPlan", PlanSchema.clone().openapi({ examples: [...operationExamples(OPERATIONS), STEPS_EXAMPLE] }));
analyticsRoutes
  .openapi(validateRoute, async (c) => {
    const report = await validatePlanRequest(
      { db: c.get("db"), bucket: c.env.UPLOADS, userId: c.get("userId"), findDataset: (sessionId) => requestedDataset(c, sessionId), timing: c.get("timing") },
      c.req.valid("json"),
    );
    return c.json(report, 200);
  })
  .openapi(executeRoute, async (c) => {
    const { session_id, plan } = c.req.valid("json");
    const response = await executeOnSession(
      {
        db: c.get("db"),
        bucket: c.env.UPLOADS,
        userId: c.get("userId"),
        // The slot requireUser reserved counts once the plan validated; a refused plan gives it back and is charged apart.
        ...executeLimitHooks(c),
        findDataset: (sessionId) => requestedDataset(c, sessionId),
        renderSvg: c.req.valid("query").chart !== "spec",
        timing: c.get("timing"),
      },
      session_id,
      plan,
    );
    return c.json(response, 200);
  })
  .openapi(historyRoute, async (c) => {
    const { session_id } = c.req.valid("param");
    const { limit = HISTORY_PAGE_SIZE } = c.req.valid("query");
    await requestedDataset(c, session_id);
    // The page was read with the user and the dataset (requireUser's `read`), from the same query string.
    const page = historyPageOf(c.get("read"));
    if (page.nextBefore !== null) {
      c.header("Link", `</api/analytics/history/${session_id}?limit=${limit}&before=${page.nextBefore}>; rel="next"`);
    }
    return c.json(page.items, 200);
  })
  .openapi(chartSvgRoute, async (c) => {
    const { session_id, analysis_id } = c.req.valid("param");
    await requestedDataset(c, session_id);
    // The chart was read with the user and the dataset (requireUser's `read`).
    const svg = chartSvgOf(c.get("read"));
    return c.body(svg, 200, {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // Opened directly, an SVG is a document: forbid scripts and external loads whatever it contains.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      "X-Content-Type-Options": "nosniff",
    });
  })
  .openapi(genericSchemaRoute, (c) => c.json(measured(c.get("timing"), "engine", genericPlanJsonSchema), 200))
  .openapi(datasetSchemaRoute, async (c) => {
    const dataset = await requestedDataset(c, c.req.valid("param").session_id);
    return c.json(measured(c.get("timing"), "engine", () => datasetPlanSchema(dataset)), 200);
  });
