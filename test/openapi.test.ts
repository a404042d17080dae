import { describe, expect, it } from "vitest";
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
