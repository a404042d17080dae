import { beforeAll, describe, expect, it } from "vitest";
import { call, createUser, problem, type TestUser, uploadOk } from "./factories";

const CSV = ["<script>alert(1)</script>,amount,day", "east,10,2026-01-01", "west,20,2026-01-02", "east,5,2026-01-03", "north,7,2026-01-04"].join("\n");

let owner: TestUser;
let sessionId: string;
beforeAll(async () => {
  owner = await createUser();
  sessionId = (await uploadOk(owner.token, CSV)).session_id;
});

const execute = (plan: unknown, query = "") =>
  call(`/api/analytics/execute${query}`, { method: "POST", json: { session_id: sessionId, plan }, token: owner.token });

describe("charts through the API", () => {
  it("returns a bar chart whose spec carries the result and whose SVG is served from the history", async () => {
    const res = await execute({ operation: "sum", target_column: "amount", group_by: ["<script>alert(1)</script>"], chart_type: "bar" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      analysis_id: string;
      result: { groups: Array<{ value: number }> };
      chart: { type: string; spec: Record<string, unknown>; svg: string };
    };
    expect(body.chart.type).toBe("bar");
    expect(body.chart.spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v6.json");
    const bars = (body.chart.spec.datasets as { bars: Array<{ x: string; y: number }> }).bars;
    expect(bars.map((b) => [b.x, b.y])).toEqual([["east", 15], ["north", 7], ["west", 20]]);
    expect(body.result.groups.map((g) => g.value)).toEqual([15, 7, 20]);
    expect(body.chart.svg.startsWith("<svg")).toBe(true);
    expect(body.chart.svg).not.toContain("<script>");
    expect(body.chart.svg).toContain("&lt;script&gt;");

    const svg = await call(`/api/analytics/history/${sessionId}/${body.analysis_id}/chart.svg`, { token: owner.token });
    expect(svg.status).toBe(200);
    expect(svg.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(svg.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(await svg.text()).toBe(body.chart.svg);
  });

  it("skips the SVG with ?chart=spec and has no SVG to serve then", async () => {
    const res = await execute({ operation: "mean", target_column: "amount", group_by: ["day"], chart_type: "line" }, "?chart=spec");
    const body = (await res.json()) as { analysis_id: string; chart: { type: string; svg: null; spec: object } };
    expect(body.chart).toEqual({ type: "line", spec: expect.any(Object), svg: null });
    const svg = await call(`/api/analytics/history/${sessionId}/${body.analysis_id}/chart.svg`, { token: owner.token });
    expect(svg.status).toBe(404);
    expect(await svg.json()).toEqual(problem(404, "not_found", { detail: "Chart not found" }));
  });

  it("refuses a chart that cannot draw the result as a validation error naming what is missing", async () => {
    const res = await execute({ operation: "mean", target_column: "amount", chart_type: "heatmap" });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual(
      problem(422, "invalid_plan", {
        errors: [{ path: "plan.chart_type", code: "chart_unsupported", message: expect.stringContaining("exactly two group_by columns") }],
      }),
    );
  });

  it("draws a legal but poor chart with a warning", async () => {
    const res = await execute({ operation: "sum", target_column: "amount", group_by: ["<script>alert(1)</script>"], chart_type: "line" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { warnings: Array<{ code: string }>; chart: { svg: string } };
    expect(body.warnings.map((w) => w.code)).toContain("chart_mismatch");
    expect(body.chart.svg.startsWith("<svg")).toBe(true);
  });

  it("serves the SVG to its owner only", async () => {
    const res = await execute({ operation: "count", chart_type: "bar" });
    const { analysis_id } = (await res.json()) as { analysis_id: string };
    const other = await createUser();
    const stolen = await call(`/api/analytics/history/${sessionId}/${analysis_id}/chart.svg`, { token: other.token });
    expect(stolen.status).toBe(404);
    expect(await stolen.text()).not.toContain("<svg");
  });
});
