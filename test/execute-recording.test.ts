import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createDb } from "../src/db/client";
import { ApiError } from "../src/errors";
import { deleteDataset, findDataset } from "../src/services/datasets";
import { executeAnalysis } from "../src/services/execute-analysis";
import { call, createUser, problem, uploadOk } from "./factories";

const CSV = "region,amount\neast,10\nwest,20\n";

describe("what execute records", () => {
  it("keeps a huge refused plan as a short preview, not as sent", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, CSV);
    const res = await call("/api/analytics/execute", {
      method: "POST",
      token: user.token,
      json: { session_id, plan: { operation: "mean", junk: "x".repeat(1_500_000) } },
    });
    expect(res.status).toBe(422);
    const [row] = (await (await call(`/api/analytics/history/${session_id}`, { token: user.token })).json()) as Array<{ execution_plan: { truncated: boolean; preview: string }; error_message: string }>;
    expect(row.execution_plan.truncated).toBe(true);
    expect(row.execution_plan.preview.startsWith('{"operation":"mean","junk":"xxx')).toBe(true);
    expect(row.execution_plan.preview.length).toBeLessThanOrEqual(4096);
    expect(row.error_message.length).toBeLessThanOrEqual(4000);
  });

  it("answers 404, not 500, when the dataset is deleted between the lookup and the history insert", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, CSV);
    const db = createDb(env.DB);
    const dataset = await findDataset(db, user.id, session_id);
    await deleteDataset(db, env.UPLOADS, user.id, session_id);
    // The table is still cached in this isolate from the upload check, as in a request already under way.
    const attempt = executeAnalysis({ db, bucket: env.UPLOADS, userId: user.id }, dataset, { operation: "count" });
    await expect(attempt).rejects.toSatisfy((e: unknown) => e instanceof ApiError && e.code === "not_found");
  });

  it("records a call refused by the rate limiter after its plan validated", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, CSV);
    const db = createDb(env.DB);
    const dataset = await findDataset(db, user.id, session_id);
    const limited = async () => {
      throw new ApiError({ code: "rate_limited", message: "Execution rate limit reached" });
    };
    await expect(executeAnalysis({ db, bucket: env.UPLOADS, userId: user.id, beforeExecute: limited }, dataset, { operation: "count" })).rejects.toThrow(
      "Execution rate limit reached",
    );
    const history = (await (await call(`/api/analytics/history/${session_id}`, { token: user.token })).json()) as Array<Record<string, unknown>>;
    expect(history).toEqual([
      expect.objectContaining({ success: false, execution_plan: { operation: "count", filters: [], group_by: [] }, error_message: "Execution rate limit reached", result: null }),
    ]);
  });

  it("refuses a plan with more than 5,000 groups with 422 too_many_groups", async () => {
    const user = await createUser();
    const rows = Array.from({ length: 5001 }, (_, i) => `k${i},${i}`).join("\n");
    const { session_id } = await uploadOk(user.token, `key,v\n${rows}\n`);
    const res = await call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id, plan: { operation: "sum", target_column: "v", group_by: ["key"] } } });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual(
      problem(422, "too_many_groups", { errors: [{ path: "plan.group_by", code: "too_many_groups", message: expect.any(String) }] }),
    );
  });

  it("refuses a forecast whose times would pass year 9999 with 422, and records the refusal", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, "t,v\n0001-01-01,1\n5000-01-01,2\n9999-01-01,3\n");
    const plan = { operation: "forecast", target_column: "v", time_column: "t", horizon: 54 };
    const res = await call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id, plan } });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual(
      problem(422, "execution_error", {
        detail: expect.stringContaining("past 9999-12-31"),
        errors: [{ path: "plan.horizon", code: "forecast_out_of_range", message: expect.stringContaining("not even one fits") }],
      }),
    );
    const [row] = (await (await call(`/api/analytics/history/${session_id}`, { token: user.token })).json()) as Array<Record<string, unknown>>;
    expect(row).toMatchObject({ success: false, result: null, error_message: expect.stringContaining("plan.horizon: ") });
  });
});
