import { createRoute, z } from "@hono/zod-openapi";
import type { SchemaObject } from "openapi3-ts/oas31";
import { z as zod } from "zod";
import { requireUser } from "../auth/require-user";
import { PLAN_ERROR_CODES, PLAN_WARNING_CODES } from "../engine/plan/plan-problems";
import { datasetPlanJsonSchema, genericPlanJsonSchema } from "../engine/plan/plan-json-schema";
import { PlanSchema } from "../engine/plan/plan-schema";
import { validatePlan } from "../engine/plan/validate-plan";
import { BearerSecurity, createRouter, FieldProblemSchema, jsonResponse, problemResponses } from "../http/openapi";
import { parseBody, readJson } from "../http/read-json";
import { chargeRefusedPlan, checkExecuteLimit, consumeExecuteSlot } from "../rate-limit/rate-limit";
import { ApiError } from "../errors";
import { HypothesisTestResultSchema, LogisticResultSchema, OlsResultSchema } from "./result-shapes";
import { findChartSvg, HISTORY_MAX_PAGE_SIZE, HISTORY_PAGE_SIZE, listAnalyses } from "../services/analyses";
import { findDataset } from "../services/datasets";
import { columnsOf, executeAnalysis, tableOf } from "../services/execute-analysis";
import { SessionParamsSchema } from "./datasets";

/** The body of /execute and the enveloped form of /validate; the plan itself is checked by validatePlan. */
const SessionPlanSchema = zod.strictObject({ session_id: SessionParamsSchema.shape.session_id, plan: zod.unknown() });

/**
 * OpenAPI body schemas written from the same zod schemas (documentation only: these routes parse by hand, since
 * /validate answers 200 with the problems and /execute records refused plans). The plan's JSON Schema
 * definitions become components, so `$ref`s resolve inside the OpenAPI document.
 */
const planJsonSchema = JSON.parse(
  JSON.stringify(zod.toJSONSchema(PlanSchema, { target: "draft-2020-12", unrepresentable: "any" })).replaceAll(
    '"#/$defs/',
    '"#/components/schemas/',
  ),
) as { $ref: string; $defs: Record<string, SchemaObject> };
const planRef: SchemaObject = { $ref: planJsonSchema.$ref };
const executeBodyDoc: SchemaObject = {
  type: "object",
  required: ["session_id", "plan"],
  additionalProperties: false,
  properties: { session_id: { type: "string" }, plan: planRef },
};

const ValidationReportSchema = z
  .object({
    valid: z.boolean(),
    errors: z.array(FieldProblemSchema).meta({ description: `Codes: ${PLAN_ERROR_CODES.join(", ")}.` }),
    warnings: z.array(FieldProblemSchema).meta({ description: `Codes: ${PLAN_WARNING_CODES.join(", ")}.` }),
  })
  .openapi("ValidationReport");

const ExecutionSchema = z
  .object({
    success: z.literal(true),
    analysis_id: z.string(),
    session_id: z.string(),
    plan: z.record(z.string(), z.unknown()).meta({ description: "The normalised plan, defaults filled in." }),
    result: z.union([z.record(z.string(), z.unknown()), HypothesisTestResultSchema, OlsResultSchema, LogisticResultSchema]).meta({
      description:
        "Aggregations: {value, count}; correlation: {coefficient, p_value, n, method}; regression: {slope, intercept, r_squared, n, " +
        "slope_std_error, intercept_std_error, slope_p_value, intercept_p_value}; forecast: {method, horizon, confidence, points, fit}; " +
        "with group_by: {groups: [{key, ...fields}]}; test: HypothesisTestResult; ols: OlsResult; logistic: LogisticResult. Undefined statistics are null.",
    }),
    row_count: z.number().int(),
    filtered_row_count: z.number().int(),
    execution_time_ms: z.number().meta({ description: "Wall time of the call in the Worker (on Workers the clock advances with I/O, not during computation)." }),
    chart: z.record(z.string(), z.unknown()).nullable(),
    warnings: z.array(FieldProblemSchema),
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

const AnalysisSchema = z
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
  middleware: [requireUser()] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: { oneOf: [executeBodyDoc, planRef] } } } },
  },
  responses: { 200: jsonResponse(ValidationReportSchema, "The validation report."), ...problemResponses(400, 401, 404, 415, 422) },
});

const executeRoute = createRoute({
  method: "post",
  path: "/api/analytics/execute",
  tags: ["plans"],
  summary: "Execute a plan over a dataset",
  description:
    "Validates the plan against the dataset (422 `invalid_plan` with the same `errors` as /validate), runs it on the " +
    "dataset's columnar snapshot and records the call in the dataset's history, successful or not. Plans whose estimated " +
    "cost is over the cap answer 422 `plan_too_costly`. Rate limit: EXECUTE_RATE_LIMIT per user per hour; a call " +
    "uses a slot once its plan has passed validation (a refused plan, an unknown dataset or a malformed body costs " +
    "nothing); refused plans are limited apart, to 10 x EXECUTE_RATE_LIMIT per hour. 503 when the rate limiter is " +
    "unreachable (fails closed).",
  security: BearerSecurity,
  middleware: [requireUser(), checkExecuteLimit()] as const,
  request: {
    query: z.object({
      chart: z.enum(["svg", "spec"]).optional().meta({ description: "`spec` returns the Vega-Lite spec without rendering the SVG (for clients that render themselves)." }),
    }),
    body: { required: true, content: { "application/json": { schema: executeBodyDoc } } },
  },
  responses: { 200: jsonResponse(ExecutionSchema, "The computed result."), ...problemResponses(400, 401, 404, 415, 422, 429, 503) },
});

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
  middleware: [requireUser()] as const,
  request: {
    params: SessionParamsSchema,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(HISTORY_MAX_PAGE_SIZE).optional(),
      before: z.coerce.number().int().min(1).optional().meta({ description: "The cursor from the previous page's Link header." }),
    }),
  },
  responses: { 200: jsonResponse(z.array(AnalysisSchema), "The history."), ...problemResponses(401, 404) },
});

const chartSvgRoute = createRoute({
  method: "get",
  path: "/api/analytics/history/{session_id}/{analysis_id}/chart.svg",
  tags: ["plans"],
  summary: "The SVG chart of one analysis",
  security: BearerSecurity,
  middleware: [requireUser()] as const,
  request: {
    params: SessionParamsSchema.extend({
      analysis_id: z.string().min(1).max(64).openapi({ param: { name: "analysis_id", in: "path" } }),
    }),
  },
  responses: {
    200: { description: "The chart, `image/svg+xml`.", content: { "image/svg+xml": { schema: { type: "string" } } } },
    ...problemResponses(401, 404),
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
  middleware: [requireUser()] as const,
  request: { params: SessionParamsSchema },
  responses: { 200: jsonResponse(JsonSchemaDoc, "The dataset's plan schema."), ...problemResponses(401, 404) },
});

const isEnvelope = (body: unknown): boolean =>
  typeof body === "object" && body !== null && !Array.isArray(body) && Object.hasOwn(body, "plan") && !Object.hasOwn(body, "operation");

export const analyticsRoutes = createRouter();
for (const [name, schema] of Object.entries(planJsonSchema.$defs)) {
  analyticsRoutes.openAPIRegistry.registerComponent("schemas", name, schema);
}
analyticsRoutes
  .openapi(validateRoute, async (c) => {
    const body = await readJson(c.req.raw);
    if (!isEnvelope(body)) {
      const { errors, warnings } = validatePlan(body);
      return c.json({ valid: errors.length === 0, errors, warnings }, 200);
    }
    const { session_id, plan } = parseBody(SessionPlanSchema, body);
    const dataset = await findDataset(c.get("db"), c.get("userId") as string, session_id);
    const table = await tableOf(c.env.UPLOADS, dataset);
    const { errors, warnings } = validatePlan(plan, { columns: columnsOf(table), table });
    return c.json({ valid: errors.length === 0, errors, warnings }, 200);
  })
  .openapi(executeRoute, async (c) => {
    const { session_id, plan } = parseBody(SessionPlanSchema, await readJson(c.req.raw));
    const userId = c.get("userId") as string;
    const dataset = await findDataset(c.get("db"), userId, session_id);
    const response = await executeAnalysis(
      {
        db: c.get("db"),
        bucket: c.env.UPLOADS,
        userId,
        beforeExecute: () => consumeExecuteSlot(c),
        beforeRecordingRefusal: () => chargeRefusedPlan(c),
        renderSvg: c.req.valid("query").chart !== "spec",
      },
      dataset,
      plan,
    );
    return c.json(response as never, 200);
  })
  .openapi(historyRoute, async (c) => {
    const userId = c.get("userId") as string;
    const { session_id } = c.req.valid("param");
    const { limit = HISTORY_PAGE_SIZE, before } = c.req.valid("query");
    const dataset = await findDataset(c.get("db"), userId, session_id);
    const page = await listAnalyses(c.get("db"), userId, dataset.id, { limit, before });
    if (page.nextBefore !== null) {
      c.header("Link", `</api/analytics/history/${session_id}?limit=${limit}&before=${page.nextBefore}>; rel="next"`);
    }
    return c.json(page.items as never, 200);
  })
  .openapi(chartSvgRoute, async (c) => {
    const { session_id, analysis_id } = c.req.valid("param");
    const userId = c.get("userId") as string;
    const dataset = await findDataset(c.get("db"), userId, session_id);
    const svg = await findChartSvg(c.get("db"), userId, dataset.id, analysis_id);
    if (svg === null) throw new ApiError({ code: "not_found", message: "Chart not found" });
    return c.body(svg, 200, {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // Opened directly, an SVG is a document: forbid scripts and external loads whatever it contains.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      "X-Content-Type-Options": "nosniff",
    }) as never;
  })
  .openapi(genericSchemaRoute, (c) => c.json(genericPlanJsonSchema(), 200))
  .openapi(datasetSchemaRoute, async (c) => {
    const dataset = await findDataset(c.get("db"), c.get("userId") as string, c.req.valid("param").session_id);
    const columns = dataset.columns.map((name) => ({ name, type: dataset.columnTypes[name] }));
    return c.json(datasetPlanJsonSchema(columns), 200);
  });
