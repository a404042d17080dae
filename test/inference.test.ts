import { beforeAll, describe, expect, it } from "vitest";
import autompgCsv from "../src/engine/golden/fixtures/autompg.csv?raw";
import cases from "../src/engine/golden/fixtures/inference-cases.json";
import titanicCsv from "../src/engine/golden/fixtures/titanic.csv?raw";
import { call, createUser, problem, type TestUser, uploadOk } from "./factories";

/**
 * Three reference questions (is fare normal, do ages differ by sex, OLS of mpg with a split) as one plan each, over HTTP: the numbers equal scipy's / statsmodels' /
 * scikit-learn's, as recorded by scripts/golden/inference.py (1e-9 relative; p-values down to 1e-300). Then what
 * a client meets around them: validation with suggestions, engine refusals as 422 with the plan path, charts,
 * history.
 */
type Json = number | string | boolean | null | Json[] | { [key: string]: Json };
const golden = (id: string) => (cases as unknown as Array<{ id: string; expected: { result: Json } }>).find((c) => c.id === id)!;

/** Differences between a response's result and the golden one (Shapiro-Wilk's float32 p-value at 2e-5). */
function differences(actual: unknown, expected: Json, path = "result", loose = false): string[] {
  if (typeof expected === "number" && typeof actual === "number") {
    const scale = Math.max(Math.abs(actual), Math.abs(expected));
    const relative = loose && path.endsWith("p_value") ? 2e-5 : 1e-9;
    return Math.abs(actual - expected) <= Math.max(relative * scale, 1e-12) ? [] : [`${path}: ${actual} != ${expected}`];
  }
  if (expected === null || typeof expected !== "object") return Object.is(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`];
  if (Array.isArray(expected)) return expected.flatMap((e, i) => differences((actual as unknown[])[i], e, `${path}[${i}]`, loose));
  const keys = Object.keys(expected);
  if (Object.keys(actual as object).sort().join() !== keys.sort().join()) return [`${path}: keys ${Object.keys(actual as object)} != ${keys}`];
  return keys.flatMap((key) => differences((actual as Record<string, unknown>)[key], expected[key], `${path}.${key}`, loose));
}

let owner: TestUser;
let titanic: string;
let autompg: string;
beforeAll(async () => {
  owner = await createUser();
  titanic = (await uploadOk(owner.token, titanicCsv, "titanic.csv")).session_id;
  autompg = (await uploadOk(owner.token, autompgCsv, "autompg.csv")).session_id;
});

const execute = (session: string, plan: unknown, query = "") =>
  call(`/api/analytics/execute${query}`, { method: "POST", json: { session_id: session, plan }, token: owner.token });

describe("the reference questions, one plan each (.happy)", () => {
  it("Is fare normally distributed (Shapiro-Wilk)?", async () => {
    const res = await execute(titanic, { operation: "test", test: "shapiro", target_column: "fare" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: unknown; plan: unknown; warnings: unknown[] };
    expect(body.plan).toEqual({ operation: "test", target_column: "fare", filters: [], group_by: [], test: "shapiro", alpha: 0.05 });
    expect(differences(body.result, golden("shapiro:titanic:fare").expected.result, "result", true)).toEqual([]);
    expect(body.result).toMatchObject({ test: "shapiro", statistic_name: "W", reject_null: true, samples: [{ name: "fare", n: 891 }] });
    expect(body.warnings).toEqual([]);
  });

  it("Do male and female ages differ (Mann-Whitney)?", async () => {
    const plan = { operation: "test", test: "mannwhitneyu", target_column: "age", group_column: "sex", groups: ["male", "female"] };
    const body = (await (await execute(titanic, plan)).json()) as { result: { samples: unknown; method: string } };
    expect(differences(body.result, golden("mannwhitneyu:titanic-age-by-sex:two-sided").expected.result)).toEqual([]);
    expect(body.result.method).toBe("asymptotic");
  });

  it("Linear model of mpg on weight and acceleration, 80/20 split with random_state 42: test RMSE", async () => {
    const plan = { operation: "ols", target_column: "mpg", predictors: ["weight", "acceleration"], split: { test_size: 0.2, random_state: 42 } };
    const res = await execute(autompg, { ...plan, predict: [{ weight: 3000, acceleration: 15.0 }, { weight: 2200, acceleration: 19.5 }] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { test_metrics: { rmse: number }; split: unknown }; plan: Record<string, unknown> };
    expect(differences(body.result, golden("ols:question:mpg-weight-acceleration-split").expected.result)).toEqual([]);
    expect(body.result.split).toEqual({ train_rows: 318, test_rows: 80 });
    expect(body.plan.split).toEqual({ test_size: 0.2, random_state: 42, shuffle: true });
  });
});

describe("tests and models around the questions", () => {
  it("validate names the closest group and the scipy name of a test", async () => {
    const res = await call("/api/analytics/validate", {
      method: "POST",
      token: owner.token,
      json: { session_id: titanic, plan: { operation: "test", test: "Mann-Whitney", target_column: "age", group_column: "sex", groups: ["male", "Female"] } },
    });
    expect(await res.json()).toEqual({
      valid: false,
      errors: [{ path: "plan.test", code: "invalid_value", message: expect.stringContaining("test must be one of"), suggestion: "mannwhitneyu" }],
      warnings: [],
    });
    const groups = await call("/api/analytics/validate", {
      method: "POST",
      token: owner.token,
      json: { session_id: titanic, plan: { operation: "test", test: "mannwhitneyu", target_column: "age", group_column: "sex", groups: ["male", "Female"] } },
    });
    expect(((await groups.json()) as { errors: unknown[] }).errors).toEqual([
      { path: "plan.groups[1]", code: "unknown_value", message: '"Female" never occurs in "sex": that group would have no rows', suggestion: "female" },
    ]);
  });

  it("a collinear design is a 422 naming the columns, at plan.predictors", async () => {
    const res = await execute(autompg, { operation: "ols", target_column: "mpg", predictors: ["weight", "w2"], steps: [{ derive: { name: "w2", expr: "weight * 2" } }] });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual(
      problem(422, "execution_error", {
        detail: 'The predictors are perfectly collinear: "w2" is a multiple of "weight". Remove one of the columns involved.',
        errors: [{ path: "plan.predictors", code: "collinear_predictors", message: 'The predictors are perfectly collinear: "w2" is a multiple of "weight". Remove one of the columns involved.' }],
      }),
    );
  });

  it("a target with three classes is a 422 at plan.target_column; an unknown level of an input at plan.predict", async () => {
    const three = await execute(titanic, { operation: "logistic", target_column: "pclass", predictors: ["fare"] });
    expect(three.status).toBe(422);
    expect(((await three.json()) as { errors: Array<{ path: string; code: string }> }).errors).toEqual([{ path: "plan.target_column", code: "invalid_target", message: expect.stringContaining("exactly two classes") }]);
    const level = await execute(autompg, { operation: "ols", target_column: "mpg", predictors: ["weight", "origin"], predict: [{ weight: 3000, origin: "mars" }] });
    expect(((await level.json()) as { errors: Array<{ path: string; code: string }> }).errors).toEqual([{ path: "plan.predict", code: "unknown_category", message: expect.stringContaining('"mars"') }]);
  });

  it("logistic with penalty none answers statsmodels' inference; the chart is its confusion matrix; the call is in the history", async () => {
    const plan = { operation: "logistic", target_column: "survived", predictors: ["age", "fare", "sex", { column: "pclass", categorical: true }], penalty: "none", chart_type: "heatmap" };
    const res = await execute(titanic, plan, "?chart=spec");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { analysis_id: string; result: { coefficients: Array<{ name: string; p_value: number }> }; chart: { type: string; svg: null } };
    expect(body.result.coefficients.map((c) => c.name)).toEqual(["Intercept", "sex[T.male]", "C(pclass)[T.2]", "C(pclass)[T.3]", "age", "fare"]);
    expect(body.chart).toMatchObject({ type: "heatmap", svg: null });
    const history = (await (await call(`/api/analytics/history/${titanic}`, { token: owner.token })).json()) as Array<{ id: string; success: boolean }>;
    expect(history[0]).toMatchObject({ id: body.analysis_id, success: true });
  });
});
