import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, createUser, problem, upload, uploadOk } from "./factories";

const SALES = "region,amount,price,active,day\neast,10,2.5,true,2026-01-01\nwest,20,,false,2026-01-02\neast,5,4.25,TRUE,2026-01-03\n";
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function objectKeys(userId: string): Promise<string[]> {
  return (await env.UPLOADS.list({ prefix: `datasets/${userId}/` })).objects.map((o) => o.key).sort();
}

describe("upload (.happy)", () => {
  it("stores the CSV and its snapshot and answers the whole Dataset", async () => {
    const user = await createUser();
    const res = await upload(user.token, SALES, "sales.csv");
    expect(res.status).toBe(201);
    const body = (await res.json()) as { session_id: string; metadata: { id: string } };
    expect(body).toEqual({
      success: true,
      session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      metadata: {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        session_id: body.session_id,
        filename: "sales.csv",
        row_count: 3,
        column_count: 5,
        columns: ["region", "amount", "price", "active", "day"],
        column_types: { region: "string", amount: "integer", price: "float", active: "boolean", day: "datetime" },
        size_bytes: new TextEncoder().encode(SALES).byteLength,
        sha256: await sha256(SALES),
        uploaded_at: expect.stringMatching(ISO),
        expires_at: expect.stringMatching(ISO),
        profile: {
          region: { type: "string", null_count: 0, distinct_count: 2, top: [{ value: "east", count: 2 }, { value: "west", count: 1 }] },
          // pandas: df.amount.mean() = 11.666666666666666, .std() = 7.637626158259733
          // numpy: np.histogram([10, 20, 5], bins=3) = ([1, 1, 1], [5, 10, 15, 20])
          amount: { type: "integer", null_count: 0, distinct_count: 3, min: 5, max: 20, mean: 11.666666666666666, std: 7.637626158259733, histogram: { edges: [5, 10, 15, 20], counts: [1, 1, 1] } },
          // pandas: df.price.std() = 1.2374368670764582
          price: { type: "float", null_count: 1, distinct_count: 2, min: 2.5, max: 4.25, mean: 3.375, std: 1.2374368670764582, histogram: { edges: [2.5, 3.375, 4.25], counts: [1, 1] } },
          active: { type: "boolean", null_count: 0, distinct_count: 2, top: [{ value: true, count: 2 }, { value: false, count: 1 }] },
          // numpy: np.histogram of the epoch milliseconds, bins=3
          day: {
            type: "datetime",
            null_count: 0,
            distinct_count: 3,
            min: "2026-01-01T00:00:00.000Z",
            max: "2026-01-03T00:00:00.000Z",
            histogram: { edges: [1767225600000, 1767283200000, 1767340800000, 1767398400000], counts: [1, 1, 1] },
          },
        },
      },
    });
    const meta = body.metadata as unknown as { uploaded_at: string; expires_at: string; id: string };
    expect(Date.parse(meta.expires_at) - Date.parse(meta.uploaded_at)).toBe(24 * 3_600_000);
    expect(await objectKeys(user.id)).toEqual([`datasets/${user.id}/${meta.id}/snapshot.arrow`, `datasets/${user.id}/${meta.id}/source.csv`]);
    const stored = await env.UPLOADS.get(`datasets/${user.id}/${meta.id}/source.csv`);
    expect(await stored!.text()).toBe(SALES);
  });

  it("keeps hostile headers as plain data and names empty and duplicate ones", async () => {
    const user = await createUser();
    const { metadata } = await uploadOk(user.token, " __proto__ ,constructor,hasOwnProperty,,a,a,a_2\n1,2,3,4,5,6,7\n");
    expect(metadata.columns).toEqual(["__proto__", "constructor", "hasOwnProperty", "column_4", "a", "a_3", "a_2"]);
    expect(Object.keys(metadata.column_types)).toEqual(metadata.columns);
    expect(Object.getPrototypeOf(metadata.column_types)).toBe(Object.prototype);
    expect(metadata.column_types.__proto__).toBe("integer");
  });

  it("lists newest first and gets one dataset", async () => {
    const user = await createUser();
    const first = await uploadOk(user.token, SALES, "first.csv");
    const second = await uploadOk(user.token, SALES, "second.csv");
    const list = await call("/api/analytics/datasets", { token: user.token });
    expect(list.status).toBe(200);
    const items = (await list.json()) as Array<{ session_id: string; filename: string }>;
    expect(items.map((d) => d.filename)).toEqual(["second.csv", "first.csv"]);
    const one = await call(`/api/analytics/datasets/${first.session_id}`, { token: user.token });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(first.metadata);
    expect(second.session_id).not.toBe(first.session_id);
  });

  it("deletes the objects, the row and the analyses; a second delete is 404", async () => {
    const user = await createUser();
    const { session_id, metadata } = await uploadOk(user.token, SALES);
    await env.DB.prepare(
      "insert into analyses (id, dataset_id, user_id, session_id, execution_plan, success, executed_at) values (?, ?, ?, ?, '{}', 1, ?)",
    ).bind(crypto.randomUUID(), metadata.id, user.id, session_id, Date.now()).run();
    const del = await call(`/api/analytics/datasets/${session_id}`, { method: "DELETE", token: user.token });
    expect(del.status).toBe(204);
    expect(await objectKeys(user.id)).toEqual([]);
    expect(await env.DB.prepare("select count(*) as n from datasets where id = ?").bind(metadata.id).first("n")).toBe(0);
    expect(await env.DB.prepare("select count(*) as n from analyses where dataset_id = ?").bind(metadata.id).first("n")).toBe(0);
    const again = await call(`/api/analytics/datasets/${session_id}`, { method: "DELETE", token: user.token });
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual(problem(404, "not_found", { detail: "Dataset not found" }));
  });
});

describe("datasets (.security)", () => {
  it("answers 404 for another user's dataset on get and delete, and leaves it intact", async () => {
    const owner = await createUser();
    const other = await createUser();
    const { session_id } = await uploadOk(owner.token, SALES);
    for (const method of ["GET", "DELETE"]) {
      const res = await call(`/api/analytics/datasets/${session_id}`, { method, token: other.token });
      expect(res.status, method).toBe(404);
      expect(await res.json()).toEqual(problem(404, "not_found", { detail: "Dataset not found" }));
    }
    expect(await (await call("/api/analytics/datasets", { token: other.token })).json()).toEqual([]);
    expect((await call(`/api/analytics/datasets/${session_id}`, { token: owner.token })).status).toBe(200);
  });

  it("hides an expired dataset from every route before any purge", async () => {
    const user = await createUser();
    const { session_id } = await uploadOk(user.token, SALES);
    await env.DB.prepare("update datasets set expires_at = ? where session_id = ?").bind(Date.now() - 1, session_id).run();
    expect((await call(`/api/analytics/datasets/${session_id}`, { token: user.token })).status).toBe(404);
    expect((await call(`/api/analytics/datasets/${session_id}`, { method: "DELETE", token: user.token })).status).toBe(404);
    expect(await (await call("/api/analytics/datasets", { token: user.token })).json()).toEqual([]);
  });

  it("requires a token on every dataset route", async () => {
    for (const [method, path] of [["POST", "/api/analytics/upload"], ["GET", "/api/analytics/datasets"], ["GET", "/api/analytics/datasets/x"], ["DELETE", "/api/analytics/datasets/x"]]) {
      const res = await call(path, { method });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });
});
