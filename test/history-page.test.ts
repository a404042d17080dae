import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createDb } from "../src/db/client";
import { listAnalyses } from "../src/services/analyses";
import { call, createUser, uploadOk } from "./factories";

describe("a history page's byte budget", () => {
  it("ends a page at the last row within the budget (always at least one), with the cursor of the next", async () => {
    const user = await createUser();
    const { session_id, metadata } = await uploadOk(user.token, "k,v\na,1\nb,2\n");
    for (const operation of ["count", "sum", "mean"]) {
      const plan = operation === "count" ? { operation } : { operation, target_column: "v" };
      expect((await call("/api/analytics/execute", { method: "POST", token: user.token, json: { session_id, plan } })).status).toBe(200);
    }
    const sizes = await env.DB.prepare(
      "select rowid as rid, length(cast(execution_plan as blob)) + coalesce(length(cast(result as blob)), 0) + coalesce(length(cast(json_remove(chart, '$.svg') as blob)), 0) as bytes from analyses where dataset_id = ? order by rowid desc",
    ).bind(metadata.id).all<{ rid: number; bytes: number }>();
    const [newest, middle, oldest] = sizes.results;
    const db = createDb(env.DB);
    const page = (maxBytes: number, before?: number) => listAnalyses(db, user.id, metadata.id, { maxBytes, before });

    const one = await page(1);
    expect(one.items.map((a) => a.execution_plan)).toEqual([expect.objectContaining({ operation: "mean" })]);
    expect(one.nextBefore).toBe(newest.rid);
    const two = await page(newest.bytes + middle.bytes);
    expect(two.items).toHaveLength(2);
    expect(two.nextBefore).toBe(middle.rid);
    const all = await page(newest.bytes + middle.bytes + oldest.bytes);
    expect(all.items).toHaveLength(3);
    expect(all.nextBefore).toBeNull();
    const rest = await page(1, middle.rid);
    expect(rest.items.map((a) => a.execution_plan)).toEqual([expect.objectContaining({ operation: "count" })]);
    expect(rest.nextBefore).toBeNull();
    expect(await listAnalyses(db, user.id, metadata.id, { limit: 2 })).toMatchObject({ items: { length: 2 }, nextBefore: middle.rid });
    expect(await listAnalyses(db, crypto.randomUUID(), metadata.id)).toEqual({ items: [], nextBefore: null });
  });
});
