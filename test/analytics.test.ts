import { fc, test as fcTest } from "@fast-check/vitest";
import { PROPERTY_TIMEOUT } from "./fuzz/seed";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createUser, problem, type TestUser, uploadOk } from "./factories";

const SALES = [
  "region,amount,price,active,day",
  "east,10,2.5,true,2026-01-01",
  "west,20,,false,2026-01-02",
  "east,5,4.25,TRUE,2026-01-03",
  "north,7,3,false,2026-01-04",
  ",1,1.5,true,2026-01-05",
].join("\n");

let owner: TestUser;
let sessionId: string;
beforeAll(async () => {
  owner = await createUser();
  sessionId = (await uploadOk(owner.token, SALES)).session_id;
});

const execute = (plan: unknown, token = owner.token, session = sessionId) =>
  call("/api/analytics/execute", { method: "POST", json: { session_id: session, plan }, token });

describe("execute (.happy)", () => {
  it("answers the whole response for a filtered mean", async () => {
    const plan = { operation: "mean", target_column: "amount", filters: [{ column: "region", operator: "!=", value: "west" }] };
    const res = await execute(plan);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({
      success: true,
      analysis_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      session_id: sessionId,
      plan: { operation: "mean", target_column: "amount", filters: plan.filters, group_by: [] },
      // pandas: df[df.region != "west"].amount.mean() over 10, 5, 7, 1 (a missing region passes !=)
      result: { value: 5.75, count: 4 },
      row_count: 5,
      filtered_row_count: 4,
      execution_time_ms: expect.any(Number),
      chart: null,
      warnings: [],
      provenance: {
        dataset_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        plan_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        engine_version: expect.any(String),
        executed_at: expect.any(String),
        filter_steps: [{ filter: plan.filters[0], rows_remaining: 4 }],
      },
    });
  });

  it("groups by key ascending, dropping missing keys, and hashes equal plans equally", async () => {
    const plan = { operation: "sum", target_column: "amount", group_by: ["region"] };
    const a = (await (await execute(plan)).json()) as { result: unknown; provenance: { plan_sha256: string } };
    expect(a.result).toEqual({
      groups: [
        { key: { region: "east" }, value: 15, count: 2 },
        { key: { region: "north" }, value: 7, count: 1 },
        { key: { region: "west" }, value: 20, count: 1 },
      ],
    });
    const b = (await (await execute({ group_by: ["region"], target_column: "amount", operation: "sum", filters: [] })).json()) as typeof a;
    expect(b.provenance.plan_sha256).toBe(a.provenance.plan_sha256);
  });

  it("refuses an invalid plan with 422 and the validation errors, and records the failure", async () => {
    const res = await execute({ operation: "mean", target_column: "amout" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: unknown[] };
    expect(body).toEqual(
      problem(422, "invalid_plan", {
        errors: [{ path: "plan.target_column", code: "unknown_column", message: expect.any(String), suggestion: "amount" }],
      }),
    );
    const history = (await (await call(`/api/analytics/history/${sessionId}`, { token: owner.token })).json()) as Array<Record<string, unknown>>;
    expect(history[0]).toEqual({
      id: expect.any(String),
      session_id: sessionId,
      execution_plan: { operation: "mean", target_column: "amout" },
      result: null,
      chart: null,
      filtered_row_count: null,
      execution_time_ms: expect.any(Number),
      success: false,
      error_message: expect.stringContaining("plan.target_column"),
      executed_at: expect.any(String),
    });
  });

  it("lists history newest first with what was returned", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, SALES);
    const first = (await (await execute({ operation: "count" }, user.token, session_id)).json()) as { analysis_id: string; result: unknown };
    const second = (await (await execute({ operation: "max", target_column: "day" }, user.token, session_id)).json()) as typeof first;
    expect(second.result).toEqual({ value: "2026-01-05T00:00:00.000Z", count: 5 });
    const history = (await (await call(`/api/analytics/history/${session_id}`, { token: user.token })).json()) as Array<{ id: string; result: unknown; success: boolean }>;
    expect(history.map((h) => h.id)).toEqual([second.analysis_id, first.analysis_id]);
    expect(history[0].result).toEqual(second.result);
    expect(history[1]).toMatchObject({ result: { value: 5, count: 5 }, success: true, filtered_row_count: 5 });
  });
});

describe("validate", () => {
  it("checks a bare plan on its own and an enveloped plan against the dataset", async () => {
    const bare = await call("/api/analytics/validate", { method: "POST", json: { operation: "mean", target_column: "anything" }, token: owner.token });
    expect(await bare.json()).toEqual({ valid: true, errors: [], warnings: [] });
    const res = await call("/api/analytics/validate", {
      method: "POST",
      json: { session_id: sessionId, plan: { operation: "mean", target_column: "region" } },
      token: owner.token,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      valid: false,
      errors: [{ path: "plan.target_column", code: "incompatible_type", message: expect.any(String) }],
      warnings: [],
    });
  });

  it("reports structural problems with 200 and names an unknown key", async () => {
    const res = await call("/api/analytics/validate", { method: "POST", json: { operation: "mean", target_column: "amount", colour: "red" }, token: owner.token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { valid: boolean; errors: Array<{ path: string; code: string }> };
    expect(body.valid).toBe(false);
    expect(body.errors).toContainEqual(expect.objectContaining({ path: "plan.colour", code: "unknown_key" }));
  });

  it("answers any JSON that is not an envelope as a bare plan, and holds an envelope to its schema", async () => {
    const validate = (json: unknown) => call("/api/analytics/validate", { method: "POST", json, token: owner.token });
    const array = await validate([1, 2]);
    expect(array.status).toBe(200);
    expect(await array.json()).toEqual({ valid: false, errors: [{ path: "plan", code: "invalid_type", message: "A plan must be a JSON object, got an array" }], warnings: [] });
    const longId = await validate({ session_id: "s".repeat(65), plan: { operation: "count" } });
    expect(await longId.json()).toEqual(problem(422, "validation_error", { errors: [{ path: "session_id", code: "too_long", message: expect.any(String) }] }));
    const extra = await validate({ session_id: sessionId, plan: { operation: "count" }, colour: "red" });
    expect(await extra.json()).toEqual(problem(422, "validation_error", { errors: [{ path: "colour", code: "unknown_key", message: 'Unknown key "colour"' }] }));
    const missing = await validate({ plan: { operation: "count" } });
    expect(await missing.json()).toEqual(problem(422, "validation_error", { errors: [{ path: "session_id", code: "required", message: "session_id is required" }] }));
  });
});

describe("plan schemas", () => {
  it("serves the generic JSON Schema and the dataset's with its columns as enums", async () => {
    const generic = (await (await call("/api/analytics/plan-schema")).json()) as { $schema: string; properties: Record<string, unknown> };
    expect(generic.$schema).toMatch(/json-schema\.org/);
    expect(Object.keys(generic.properties)).toContain("operation");
    const res = await call(`/api/analytics/datasets/${sessionId}/plan-schema`, { token: owner.token });
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const name of ["region", "amount", "price", "day"]) expect(text).toContain(`"${name}"`);
  });
});

describe("analytics (.security)", () => {
  it.each([
    ["POST", "/api/analytics/execute", (s: string) => ({ session_id: s, plan: { operation: "count" } })],
    ["POST", "/api/analytics/validate", (s: string) => ({ session_id: s, plan: { operation: "count" } })],
    ["GET", "/api/analytics/history/:s", undefined],
    ["GET", "/api/analytics/datasets/:s/plan-schema", undefined],
  ] as const)("%s %s is 404 for another user's session_id and leaks nothing", async (method, path, body) => {
    const other = await createUser();
    const res = await call(path.replace(":s", sessionId), { method, token: other.token, ...(body ? { json: body(sessionId) } : {}) });
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual(problem(404, "not_found", { detail: "Dataset not found" }));
    expect(text).not.toMatch(/amount|region/);
  });

  fcTest.prop([fc.jsonValue()], { numRuns: 150, seed: 4242 })("any JSON sent as a plan answers 200 or 422, never 5xx", async (plan) => {
    const res = await execute(plan);
    expect([200, 422]).toContain(res.status);
    const body = (await res.json()) as { code?: string };
    if (res.status === 422) expect(body.code).toBe("invalid_plan");
  }, PROPERTY_TIMEOUT);
});

describe("history paging", () => {
  it("pages by cursor with a Link header, neither repeating nor skipping rows recorded meanwhile, and lists charts without their SVG", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, SALES);
    const ids: string[] = [];
    const run = async () => {
      const res = await execute({ operation: "count", chart_type: "bar" }, user.token, session_id);
      ids.unshift(((await res.json()) as { analysis_id: string }).analysis_id);
    };
    for (let i = 0; i < 3; i++) await run();
    const first = await call(`/api/analytics/history/${session_id}?limit=2`, { token: user.token });
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("Link") ?? "")?.[1];
    expect(next).toMatch(new RegExp(`^/api/analytics/history/${session_id}\\?limit=2&before=\\d+$`));
    const page = (await first.json()) as Array<{ id: string; chart: { type: string; svg: null; svg_url: string; spec: object } }>;
    expect(page.map((a) => a.id)).toEqual(ids.slice(0, 2));
    expect(page[0].chart).toEqual({ type: "bar", spec: expect.any(Object), svg: null, svg_url: `/api/analytics/history/${session_id}/${ids[0]}/chart.svg` });
    expect((await call(page[0].chart.svg_url, { token: user.token })).status).toBe(200);

    await run(); // recorded while the client pages: it belongs before page 1, not in page 2
    const second = await call(next!, { token: user.token });
    expect(second.headers.get("Link")).toBeNull();
    expect(((await second.json()) as Array<{ id: string }>).map((a) => a.id)).toEqual([ids[3]]);
    expect((await call(`/api/analytics/history/${session_id}?limit=0`, { token: user.token })).status).toBe(422);
  });
});
