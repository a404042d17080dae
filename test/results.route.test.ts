import { beforeAll, describe, expect, it } from "vitest";
import storesCsv from "../src/engine/golden/fixtures/stores.csv?raw";
import goldenCases from "../src/engine/golden/fixtures/results-cases.json";
import { compareResult } from "../src/engine/golden/compare-result";
import { call, createUser, problem, type TestUser, uploadOk } from "./factories";

/**
 * Plan v2 results over HTTP: the golden dataset uploaded, golden plans executed through /execute, and their
 * results compared with what pandas 1.5.3 computed (scripts/golden/results.py) at the golden tolerance.
 */
interface GoldenCase {
  id: string;
  plan: Record<string, unknown>;
  expected: { result: unknown; filtered_row_count: number };
}
const golden = (id: string) => (goldenCases as unknown as GoldenCase[]).find((c) => c.id === id)!;

let owner: TestUser;
let sessionId: string;
beforeAll(async () => {
  owner = await createUser();
  sessionId = (await uploadOk(owner.token, storesCsv, "stores.csv")).session_id;
});

const execute = (plan: unknown, query = "") =>
  call(`/api/analytics/execute${query}`, { method: "POST", json: { session_id: sessionId, plan }, token: owner.token });

describe("results over HTTP (.happy)", () => {
  it("min, max, median, q1, q3 and skewness of price per store, top 3 stores by median: one plan, pandas' numbers", async () => {
    const question = golden("question:top3-median");
    const res = await execute(question.plan, "?chart=spec");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { result: unknown; plan: Record<string, unknown>; chart: { type: string }; filtered_row_count: number };
    expect(compareResult(body.result, question.expected.result)).toEqual([]);
    expect(body.filtered_row_count).toBe(question.expected.filtered_row_count);
    expect(body.plan).toEqual({
      operation: "aggregate",
      filters: [],
      group_by: ["store"],
      aggregations: [
        { op: "min", column: "price", as: "min_price" },
        { op: "max", column: "price", as: "max_price" },
        { op: "median", column: "price", as: "median_price" },
        { op: "quantile", column: "price", as: "q1", q: 0.25, interpolation: "linear" },
        { op: "quantile", column: "price", as: "q3", q: 0.75, interpolation: "linear" },
        { op: "skew", column: "price", as: "skew_price" },
        { op: "count", column: "price", as: "n" },
      ],
      sort: [{ column: "median_price", direction: "desc" }],
      limit: 3,
    });
    expect(body).toMatchObject({ success: true, warnings: [], chart: null });
  });

  it("value_counts, describe, crosstab, rows and argmax answer pandas' results", async () => {
    for (const id of ["value_counts:store:sort-value-desc-limit", "describe:ordered_at", "crosstab:month~region:index:True", "rows:price-desc", "argmax:qty", "period:week:top"]) {
      const { plan, expected } = golden(id);
      const res = await execute(plan);
      expect(res.status, id).toBe(200);
      const body = (await res.json()) as { result: unknown; filtered_row_count: number };
      expect(compareResult(body.result, expected.result), id).toEqual([]);
    }
  });

  it("draws a bar per aggregation per group", async () => {
    const plan = { operation: "aggregate", aggregations: [{ op: "mean", column: "price" }, { op: "median", column: "price" }], group_by: ["region"], chart_type: "bar" };
    const body = (await (await execute(plan, "?chart=spec")).json()) as { chart: { type: string; spec: { datasets: { bars: unknown[] } }; svg: null } };
    expect(body.chart.type).toBe("bar");
    expect(body.chart.svg).toBeNull();
    expect(body.chart.spec.datasets.bars).toHaveLength(6);
  });
});

describe("results over HTTP (.error)", () => {
  it("refuses a meaningless chart and names unknown result columns, with suggestions", async () => {
    const res = await execute({
      operation: "aggregate",
      aggregations: [{ op: "avg", column: "price" }],
      group_by: ["store"],
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual(problem(422, "invalid_plan", {
      errors: [{ path: "plan.aggregations[0].op", code: "invalid_value", message: expect.any(String), suggestion: "mean" }],
    }));
    const sorted = await execute({ operation: "aggregate", aggregations: [{ op: "median", column: "price" }], group_by: ["store"], sort: [{ column: "median", direction: "desc" }] });
    expect(((await sorted.json()) as { errors: unknown }).errors).toEqual([
      { path: "plan.sort[0].column", code: "unknown_column", message: 'No result column named "median"; the result has "store", "median_price"', suggestion: "median_price" },
    ]);
    const chart = await execute({ operation: "describe", target_column: "price", chart_type: "histogram" });
    expect(((await chart.json()) as { errors: Array<{ code: string }> }).errors.map((e) => e.code)).toEqual(["chart_unsupported"]);
  });

  it("documents every result shape in the OpenAPI document", async () => {
    const doc = (await (await call("/openapi.json")).json()) as { components: { schemas: Record<string, unknown> } };
    for (const name of ["AggregationsResult", "GroupedResult", "ValueCountsResult", "DescribeResult", "CrosstabResult", "RowsResult", "ArgExtremeResult"]) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
  });
});
