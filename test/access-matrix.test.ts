/**
 * The access-control matrix (SECURITY.md "Access control"). The routes under test are read from the OpenAPI
 * document, so a new route cannot be forgotten: every operation whose path has `{session_id}` or `{analysis_id}`,
 * or whose JSON body has a `session_id` property. For each: another user's ids -> 404, expired datasets -> 404,
 * a deleted or deactivated user's token -> 401, tampered tokens -> 401; no answer to anyone but A carries A's data
 * (marker strings in A's column names, filename and values); and A still reaches everything afterwards, unchanged.
 */
import { env } from "cloudflare:test";
import { sign } from "hono/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createUser, type TestUser, uploadOk } from "./factories";
import { b64urlJson } from "./fuzz/body-arbitraries";
import { checkContract } from "./fuzz/contract";

const MARK = "zqxMARK";
const A_CSV = [
  `${MARK}_region,${MARK}_amount,${MARK}_day`,
  `${MARK}_east,987654.321,2026-01-01`,
  `${MARK}_west,123456.789,2026-01-02`,
  `${MARK}_east,555555.5,2026-01-03`,
].join("\n");
const A_FILE = `${MARK}_secret.csv`;
const LEAKS = [MARK, "987654.321", "123456.789", "555555.5"];
const PLAN = { operation: "sum", target_column: `${MARK}_amount`, group_by: [`${MARK}_region`], chart_type: "bar" };

interface Operation {
  method: string;
  path: string;
  /** Required body properties other than session_id (the matrix must know how to fill each). */
  bodyKeys: string[] | null;
}

interface Ids {
  session: string;
  analysis: string;
}

/** Values for body properties the matrix knows; a route needing another one fails the suite until added here. */
const BODY_FILLERS: Record<string, unknown> = { plan: { operation: "count" } };

type Components = Record<string, unknown>;

/** The schema itself, or the component a `$ref` names. */
function deref(schema: unknown, components: Components): unknown {
  const ref = (schema as { $ref?: unknown } | null)?.$ref;
  return typeof ref === "string" ? components[ref.replace("#/components/schemas/", "")] : schema;
}

function hasSessionIdProperty(schema: unknown, components: Components, seen = new Set<unknown>()): boolean {
  schema = deref(schema, components);
  if (schema === null || typeof schema !== "object" || seen.has(schema)) return false;
  seen.add(schema);
  const props = (schema as { properties?: Record<string, unknown> }).properties;
  if (props && Object.hasOwn(props, "session_id")) return true;
  return Object.values(schema).some((v) => hasSessionIdProperty(v, components, seen));
}

function requiredKeys(schema: unknown, components: Components): string[] {
  schema = deref(schema, components);
  const variants = ((schema as { oneOf?: unknown[] }).oneOf ?? [schema]).map((v) => deref(v, components)) as Array<{ properties?: object; required?: string[] }>;
  const withSession = variants.find((v) => v.properties && Object.hasOwn(v.properties, "session_id"));
  return (withSession?.required ?? []).filter((k) => k !== "session_id");
}

async function scopedOperations(): Promise<Operation[]> {
  const doc = (await (await call("/openapi.json")).json()) as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
    components: { schemas: Components };
  };
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const schema = op.requestBody?.content?.["application/json"]?.schema;
      const bodyScoped = schema !== undefined && hasSessionIdProperty(schema, doc.components.schemas);
      if (!path.includes("{session_id}") && !path.includes("{analysis_id}") && !bodyScoped) continue;
      out.push({ method: method.toUpperCase(), path, bodyKeys: bodyScoped ? requiredKeys(schema, doc.components.schemas) : null });
    }
  }
  return out;
}

function request(op: Operation, ids: Ids, token: string | undefined): Promise<Response> {
  const path = op.path.replaceAll("{session_id}", ids.session).replaceAll("{analysis_id}", ids.analysis);
  const unknown = path.match(/\{[^}]+\}/);
  if (unknown) throw new Error(`access matrix: no value for path parameter ${unknown[0]} of ${op.path}; add it`);
  let json: Record<string, unknown> | undefined;
  if (op.bodyKeys) {
    json = { session_id: ids.session };
    for (const key of op.bodyKeys) {
      if (!(key in BODY_FILLERS)) throw new Error(`access matrix: no value for body property ${key} of ${op.method} ${op.path}; add it`);
      json[key] = BODY_FILLERS[key];
    }
  }
  return call(path, { method: op.method, token, ...(json ? { json } : {}) });
}

/** Answers a caller without access: the status, a contract problem, and none of A's data anywhere. */
async function expectRefused(res: Response, status: number, label: string): Promise<void> {
  const headers = JSON.stringify([...res.headers]);
  const text = await checkContract(res);
  expect(res.status, `${label}: ${text}`).toBe(status);
  const code = (JSON.parse(text) as { code: string }).code;
  if (status === 404) expect(code, label).toBe("not_found");
  else expect(["not_authenticated", "invalid_token"], label).toContain(code);
  for (const leak of LEAKS) {
    expect(text, `${label} body leaks ${leak}`).not.toContain(leak);
    expect(headers, `${label} headers leak ${leak}`).not.toContain(leak);
  }
}

const tamper = (token: string, change: (payload: Record<string, unknown>) => Record<string, unknown>): string => {
  const [, p, s] = token.split(".");
  const payload = JSON.parse(atob(p.replaceAll("-", "+").replaceAll("_", "/"))) as Record<string, unknown>;
  return `${b64urlJson({ alg: "HS256", typ: "JWT" })}.${b64urlJson(change(payload))}.${s}`;
};

let operations: Operation[];
let a: TestUser;
let b: TestUser;
let aIds: Ids;
let expiredIds: Ids;
let bIds: Ids;
let aHistoryBefore: string;

async function uploadWithAnalysis(user: TestUser, csv: string, filename: string, prefix = MARK): Promise<Ids> {
  const { session_id } = await uploadOk(user.token, csv, filename);
  const plan = JSON.parse(JSON.stringify(PLAN).replaceAll(MARK, prefix)) as typeof PLAN;
  const res = await call("/api/analytics/execute", { method: "POST", json: { session_id, plan }, token: user.token });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  const body = JSON.parse(text) as { analysis_id: string };
  return { session: session_id, analysis: body.analysis_id };
}

beforeAll(async () => {
  operations = await scopedOperations();
  [a, b] = await Promise.all([createUser(), createUser()]);
  aIds = await uploadWithAnalysis(a, A_CSV, A_FILE);
  expiredIds = await uploadWithAnalysis(a, `${A_CSV}\n${MARK}_north,1,2026-01-04`, A_FILE);
  await env.DB.prepare("update datasets set expires_at = ? where session_id = ?").bind(Date.now() - 1000, expiredIds.session).run();
  bIds = await uploadWithAnalysis(b, A_CSV.replaceAll(MARK, "bee"), "b.csv", "bee");
  aHistoryBefore = await (await call(`/api/analytics/history/${aIds.session}`, { token: a.token })).text();
});

describe("access matrix", () => {
  it("covers every session- or analysis-scoped route of the OpenAPI document", () => {
    const listed = operations.map((o) => `${o.method} ${o.path}`).sort();
    // The known ones must be there; new ones are picked up automatically.
    for (const known of [
      "POST /api/analytics/execute",
      "POST /api/analytics/validate",
      "GET /api/analytics/history/{session_id}",
      "GET /api/analytics/datasets/{session_id}",
      "DELETE /api/analytics/datasets/{session_id}",
      "GET /api/analytics/datasets/{session_id}/plan-schema",
    ]) expect(listed).toContain(known);
    console.info(`access matrix over: ${listed.join(", ")}`);
  });

  it("user B with A's ids -> 404 on every route, including B's session with A's analysis and A's session with B's", async () => {
    for (const op of operations) {
      await expectRefused(await request(op, aIds, b.token), 404, `B on ${op.method} ${op.path}`);
      if (op.path.includes("{analysis_id}")) {
        await expectRefused(await request(op, { session: bIds.session, analysis: aIds.analysis }, b.token), 404, `B (own session, A's analysis) on ${op.path}`);
        await expectRefused(await request(op, { session: aIds.session, analysis: bIds.analysis }, a.token), 404, `A (own session, B's analysis) on ${op.path}`);
      }
    }
  });

  it("an expired dataset -> 404 for its owner and for anyone else, on every route", async () => {
    for (const op of operations) {
      await expectRefused(await request(op, expiredIds, a.token), 404, `A expired on ${op.method} ${op.path}`);
      await expectRefused(await request(op, expiredIds, b.token), 404, `B expired on ${op.method} ${op.path}`);
    }
  });

  it("a deleted user's and a deactivated user's tokens -> 401 on their own ids", async () => {
    const [gone, inactive] = await Promise.all([createUser(), createUser()]);
    const goneIds = await uploadWithAnalysis(gone, A_CSV, A_FILE);
    const inactiveIds = await uploadWithAnalysis(inactive, A_CSV, A_FILE);
    await env.DB.prepare("delete from users where id = ?").bind(gone.id).run();
    await env.DB.prepare("update users set is_active = 0 where id = ?").bind(inactive.id).run();
    for (const op of operations) {
      await expectRefused(await request(op, goneIds, gone.token), 401, `deleted user on ${op.method} ${op.path}`);
      await expectRefused(await request(op, inactiveIds, inactive.token), 401, `deactivated user on ${op.method} ${op.path}`);
    }
    // the deactivated user's data was not touched by those attempts
    const rows = await env.DB.prepare("select count(*) as n from datasets where session_id = ?").bind(inactiveIds.session).first<number>("n");
    expect(rows).toBe(1);
  });

  it("tampered, forged and missing tokens -> 401 on A's ids", async () => {
    const secret = env.SECRET_KEY as string;
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: a.id, iat: now, exp: now + 600, iss: "wake-analyzer", aud: "wake-analyzer-api" };
    const flip = (t: string) => t.slice(0, -2) + (t.at(-2) === "A" ? "B" : "A") + t.at(-1);
    const tokens: Array<[string, string | undefined]> = [
      ["none", undefined],
      ["B's signature on A's sub", tamper(b.token, (p) => ({ ...p, sub: a.id }))],
      ["A's token with sub changed to B", tamper(a.token, (p) => ({ ...p, sub: b.id }))],
      ["A's token with exp pushed back", tamper(a.token, (p) => ({ ...p, exp: (p.exp as number) + 3600 }))],
      ["flipped signature", flip(a.token)],
      ["alg none", `${b64urlJson({ alg: "none", typ: "JWT" })}.${b64urlJson(claims)}.`],
      ["HS512 with the right key", await sign(claims, secret, "HS512")],
      ["HS256 with another key", await sign(claims, "another-secret-key-that-is-long-enough-for-hs256", "HS256")],
      ["no exp", await sign({ sub: a.id, iat: now, iss: "wake-analyzer", aud: "wake-analyzer-api" }, secret, "HS256")],
      ["expired", await sign({ ...claims, iat: now - 7200, exp: now - 3600 }, secret, "HS256")],
      ["wrong audience", await sign({ ...claims, aud: "other" }, secret, "HS256")],
      ["wrong issuer", await sign({ ...claims, iss: "other" }, secret, "HS256")],
      ["unknown user", await sign({ ...claims, sub: crypto.randomUUID() }, secret, "HS256")],
    ];
    for (const op of operations) {
      for (const [name, token] of tokens) await expectRefused(await request(op, aIds, token), 401, `${name} on ${op.method} ${op.path}`);
    }
  });

  it("A still reaches everything afterwards, unchanged; A's DELETE works last", async () => {
    expect(await (await call(`/api/analytics/history/${aIds.session}`, { token: a.token })).text()).toBe(aHistoryBefore);
    const keys = await env.UPLOADS.list({ prefix: `datasets/${a.id}/` });
    expect(keys.objects).toHaveLength(4); // source and snapshot of both datasets (the expired one awaits the purge)
    const ordered = [...operations.filter((o) => o.method !== "DELETE"), ...operations.filter((o) => o.method === "DELETE")];
    for (const op of ordered) {
      const res = await request(op, aIds, a.token);
      const text = await checkContract(res);
      expect(res.status, `A on ${op.method} ${op.path}: ${text}`).toBeLessThan(300);
      if (op.method === "GET" && op.path === "/api/analytics/datasets/{session_id}") expect(text).toContain(A_FILE);
    }
    expect((await call(`/api/analytics/datasets/${aIds.session}`, { token: a.token })).status).toBe(404);
  });
});
