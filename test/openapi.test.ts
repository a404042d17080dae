import { describe, expect, it } from "vitest";
import { CHART_WARNING_CODES, CSV_ERROR_CODES, ENGINE_ERROR_CODES, RESULT_WARNING_CODES, TEST_WARNING_CODES } from "../src/engine/errors";
import { PLAN_ERROR_CODES, PLAN_WARNING_CODES } from "../src/engine/plan/plan-problems";
import { OPERATIONS } from "../src/engine/plan/plan-schema";
import { validatePlan } from "../src/engine/plan/validate-plan";
import { SCHEMA_PROBLEM_CODES } from "../src/engine/plan/zod-issue-problems";
import { ERROR_CODES, SERVICE_PROBLEM_CODES } from "../src/errors";
import { call } from "./factories";

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }>; security?: unknown[] }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

/** Every route the app serves; a new route must be added here and to the OpenAPI document. */
export const DOCUMENTED_ROUTES: Array<[string, string]> = [
  ["get", "/health"],
  ["post", "/api/auth/register"],
  ["post", "/api/auth/login"],
  ["get", "/api/auth/me"],
  ["post", "/api/analytics/upload"],
  ["get", "/api/analytics/datasets"],
  ["get", "/api/analytics/datasets/{session_id}"],
  ["delete", "/api/analytics/datasets/{session_id}"],
  ["post", "/api/analytics/validate"],
  ["post", "/api/analytics/execute"],
  ["get", "/api/analytics/history/{session_id}"],
  ["get", "/api/analytics/history/{session_id}/{analysis_id}/chart.svg"],
  ["get", "/api/analytics/plan-schema"],
  ["get", "/api/analytics/datasets/{session_id}/plan-schema"],
  ["post", "/mcp"],
  ["get", "/.well-known/oauth-protected-resource/mcp"],
];

describe("OpenAPI", () => {
  it("serves an OpenAPI 3.1 document listing every route with its error shape", async () => {
    const res = await call("/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Wake Analyzer API");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.schemas.Problem).toBeDefined();
    for (const [method, path] of DOCUMENTED_ROUTES) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.responses["500"].content?.["application/problem+json"], `${method} ${path} 500`).toBeDefined();
    }
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(documented.sort()).toEqual(DOCUMENTED_ROUTES.map(([m, p]) => `${m} ${p}`).sort());
  });

  it("lists every code a client can receive: error codes on Problem, field-problem and warning codes on FieldProblem", async () => {
    const doc = (await (await call("/openapi.json")).json()) as Doc;
    const codesOf = (schema: string) => (doc.components.schemas[schema] as { properties: { code: { enum: string[] } } }).properties.code.enum;
    const problem = codesOf("Problem");
    const field = codesOf("FieldProblem");
    for (const code of ERROR_CODES) expect(problem, `Problem.code ${code}`).toContain(code);
    const lists = { SCHEMA_PROBLEM_CODES, PLAN_ERROR_CODES, PLAN_WARNING_CODES, CSV_ERROR_CODES, ENGINE_ERROR_CODES, RESULT_WARNING_CODES, CHART_WARNING_CODES, SERVICE_PROBLEM_CODES };
    for (const [name, list] of Object.entries(lists)) {
      for (const code of list) expect(field, `${name}: ${code} in FieldProblem.code`).toContain(code);
    }
    // The warnings of an execution are named where a client reads them, too.
    const execution = JSON.stringify(doc.components.schemas.Execution);
    for (const code of [...PLAN_WARNING_CODES, ...RESULT_WARNING_CODES, ...TEST_WARNING_CODES, ...CHART_WARNING_CODES, "chart_not_stored"]) expect(execution).toContain(code);
  });

  it("shows a valid example plan of every operation and one with steps", async () => {
    const doc = (await (await call("/openapi.json")).json()) as Doc;
    const examples = (doc.components.schemas.ExecutionPlan as { examples: Array<Record<string, unknown>> }).examples;
    expect(new Set(examples.map((plan) => plan.operation))).toEqual(new Set(OPERATIONS));
    expect(examples.some((plan) => Array.isArray(plan.steps))).toBe(true);
    for (const plan of examples) expect(validatePlan(plan).errors, JSON.stringify(plan)).toEqual([]);
  });

  it("resolves every $ref inside the document", async () => {
    const doc = (await (await call("/openapi.json")).json()) as Record<string, unknown>;
    const refs = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (key === "$ref" && typeof value === "string") refs.add(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    expect(refs).toContain("#/components/schemas/ExecutionPlan");
    for (const ref of refs) {
      const target = ref.slice(2).split("/").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
      expect(target, ref).toBeDefined();
    }
  });
});
