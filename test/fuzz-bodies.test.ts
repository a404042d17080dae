/**
 * Property-based fuzzing of every route that takes a body (register, login, validate, execute, upload) and of the
 * Authorization header on every authenticated route: never a 5xx, every error the contract's problem+json,
 * X-Request-Id on every answer, and no prototype pollution in this isolate, which is also the worker's (checked
 * below). Seeded (SEED in ./fuzz/seed); fast-check prints the seed and the shrunk case on failure.
 */
import { fc, test as fcTest } from "@fast-check/vitest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, type TestUser, uploadOk } from "./factories";
import { authorizationValue, CONTENT_TYPES, headerValue, jsonBodyText, POLLUTION_PAYLOADS } from "./fuzz/body-arbitraries";
import { checkContract, codeOf } from "./fuzz/contract";
import { PROPERTY_TIMEOUT, SEED } from "./fuzz/seed";
import { freshIp, UserPool } from "./fuzz/user-pool";

const BODY_ROUTES = ["/api/auth/register", "/api/auth/login", "/api/analytics/validate", "/api/analytics/execute", "/api/analytics/upload"] as const;
type BodyRoute = (typeof BODY_ROUTES)[number];

const pool = new UserPool();
let owner: TestUser;
let sessionId: string;
const statuses = new Map<string, number>();
const tally = (route: string, status: number, code?: string) => {
  const key = `${route} ${status}${code ? ` ${code}` : ""}`;
  statuses.set(key, (statuses.get(key) ?? 0) + 1);
};

const prototypesBefore = new Map<object, string[]>();
const PROTOTYPES: Array<[string, object]> = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
];

beforeAll(async () => {
  for (const [, proto] of PROTOTYPES) prototypesBefore.set(proto, Reflect.ownKeys(proto).map(String).sort());
  owner = await pool.fresh();
  sessionId = (await uploadOk(owner.token, "amount,region,__proto__\n1,east,x\n2,west,y\n")).session_id;
});

afterAll(() => {
  // A summary of what the properties reached, to see that they test validation and not only one early refusal.
  console.info(JSON.stringify(Object.fromEntries([...statuses].sort()), null, 1));
});

const sessions = new Map<string, string>();
/** One dataset per user, uploaded on first use. */
async function sessionOf(user: TestUser): Promise<string> {
  if (user === owner) return sessionId;
  if (!sessions.has(user.id)) sessions.set(user.id, (await uploadOk(user.token, "amount,region\n1,east\n2,west\n")).session_id);
  return sessions.get(user.id)!;
}

/** Sends a body to a route as the worker receives it (through the real entry point), with a bearer token where needed. */
async function send(route: BodyRoute, body: BodyInit | null, contentType: string | undefined, extra: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { ...extra };
  if (contentType !== undefined) headers["Content-Type"] = contentType;
  if (route === "/api/auth/login") headers["CF-Connecting-IP"] = freshIp();
  if (route === "/api/analytics/execute") headers.Authorization = `Bearer ${(await pool.forExecute()).token}`;
  if (route === "/api/analytics/upload") headers.Authorization = `Bearer ${(await pool.forUpload()).token}`;
  if (route === "/api/analytics/validate") headers.Authorization = `Bearer ${owner.token}`;
  return call(route, { method: "POST", body, headers });
}

describe("the worker shares this isolate", () => {
  it("logs through this isolate's console, so Object.prototype checks here see the worker's prototypes", async () => {
    const log = vi.spyOn(console, "log");
    const res = await call("/health");
    expect(res.status).toBe(200);
    const lines = log.mock.calls.map((c) => String(c[0]));
    log.mockRestore();
    expect(lines.some((l) => l.includes('"path":"/health"'))).toBe(true);
  });
});

describe("fuzzed JSON bodies", () => {
  fcTest.prop([fc.constantFrom(...BODY_ROUTES), jsonBodyText, fc.constantFrom<string | undefined>("application/json", "application/json; charset=utf-8", "application/vnd.api+json", ...CONTENT_TYPES, undefined)], {
    numRuns: 700,
    seed: SEED,
  })("any JSON text to any body route: no 5xx, contract problems, X-Request-Id", async (route, text, contentType) => {
    const res = await send(route, text, contentType);
    const out = await checkContract(res);
    tally(route, res.status, codeOf(out, res.status));
    if (contentType === undefined || !/json/i.test(contentType)) expect(res.status, out).toBeGreaterThanOrEqual(400);
  }, PROPERTY_TIMEOUT);

  fcTest.prop([fc.constantFrom("/api/analytics/validate", "/api/analytics/execute" as const), jsonBodyText], { numRuns: 300, seed: SEED })(
    "any JSON as the plan of a real dataset: 200 or 422, never 5xx",
    async (route, planText) => {
      // execute: the pool's current user, on that user's own dataset (validate: the owner's)
      const user = route === "/api/analytics/execute" ? await pool.forExecute() : owner;
      const session = await sessionOf(user);
      const res = await call(route, {
        method: "POST",
        body: `{"session_id":${JSON.stringify(session)},"plan":${planText || "null"}}`,
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${user.token}` },
      });
      const out = await checkContract(res);
      tally(`${route} (envelope)`, res.status, codeOf(out, res.status));
      let parses = true;
      try {
        JSON.parse(planText || "null");
      } catch {
        parses = false;
      }
      if (!parses) expect(res.status).toBe(400);
      else if (route === "/api/analytics/validate") expect(res.status).toBe(200);
      else expect([200, 422]).toContain(res.status);
    },
    PROPERTY_TIMEOUT,
  );

  it("classic pollution payloads leave every route's answer well formed", async () => {
    for (const route of BODY_ROUTES) {
      for (const payload of POLLUTION_PAYLOADS) {
        const res = await send(route, payload, "application/json");
        await checkContract(res);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe("fuzzed byte bodies", () => {
  fcTest.prop([fc.constantFrom(...BODY_ROUTES), fc.uint8Array({ maxLength: 600 }), fc.constantFrom<string | undefined>(...CONTENT_TYPES, undefined)], {
    numRuns: 350,
    seed: SEED,
  })("arbitrary bytes with assorted Content-Types: no 5xx", async (route, bytes, contentType) => {
    const res = await send(route, bytes, contentType);
    const out = await checkContract(res);
    tally(`${route} (bytes)`, res.status, codeOf(out, res.status));
    expect(res.status, out).toBeGreaterThanOrEqual(400);
  }, PROPERTY_TIMEOUT);

  const filename = fc.constantFrom("data.csv", "DATA.CSV", "x.txt", "", "../../etc/passwd.csv", "<script>.csv", 'a"b.csv', "名前.csv", "no-extension", ".csv");
  fcTest.prop([fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(s))), filename, fc.constantFrom("file", "File", "upload", "file")], {
    numRuns: 200,
    seed: SEED,
  })("arbitrary file contents and names in a well-formed multipart upload: 201 or a 4xx problem", async (bytes, name, field) => {
    const form = new FormData();
    form.append(field, new File([bytes], name, { type: "text/csv" }));
    const res = await send("/api/analytics/upload", form, undefined);
    const out = await checkContract(res);
    tally("/api/analytics/upload (multipart)", res.status, codeOf(out, res.status));
    if (res.status < 300) {
      expect(res.status).toBe(201);
      expect(field).toBe("file");
      expect(name.toLowerCase().endsWith(".csv")).toBe(true);
    }
  }, PROPERTY_TIMEOUT);
});

describe("fuzzed credentials", () => {
  const ROUTES: Array<[string, string]> = [
    ["GET", "/api/auth/me"],
    ["GET", "/api/analytics/datasets"],
    ["GET", "/api/analytics/datasets/:s"],
    ["DELETE", "/api/analytics/datasets/:s"],
    ["GET", "/api/analytics/history/:s"],
    ["GET", "/api/analytics/datasets/:s/plan-schema"],
    ["POST", "/api/analytics/upload"],
    ["POST", "/api/analytics/execute"],
    ["POST", "/api/analytics/validate"],
    ["POST", "/mcp"],
  ];
  fcTest.prop([fc.constantFrom(...ROUTES), authorizationValue, fc.option(headerValue(140), { nil: undefined }), fc.boolean()], { numRuns: 450, seed: SEED })(
    "any Authorization value on an authenticated route is a 401 problem; X-Request-Id echoed only when well formed",
    async ([method, path], authorization, requestId, realSession) => {
      const headers = new Headers();
      if (authorization !== undefined) headers.set("Authorization", authorization);
      if (requestId !== undefined) headers.set("X-Request-Id", requestId);
      const session = realSession ? sessionId : "00000000-0000-4000-8000-000000000000";
      let body: BodyInit | undefined;
      if (method === "POST" && path.endsWith("upload")) {
        body = new FormData();
        body.append("file", new File(["a\n1\n"], "a.csv"));
      } else if (method === "POST") {
        headers.set("Content-Type", "application/json");
        body = JSON.stringify({ session_id: session, plan: { operation: "count" } });
      }
      const res = await call(path.replace(":s", session), { method, headers, body });
      const sentId = headers.get("X-Request-Id");
      const gotId = res.headers.get("X-Request-Id");
      if (sentId !== null && /^[A-Za-z0-9._-]{8,128}$/.test(sentId)) expect(gotId).toBe(sentId);
      else expect(gotId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const out = await checkContract(res);
      tally(`${method} ${path} (auth)`, res.status, codeOf(out, res.status));
      expect(res.status, out).toBe(401);
      expect(["not_authenticated", "invalid_token"]).toContain(codeOf(out, res.status));
    },
    PROPERTY_TIMEOUT,
  );
});

describe("prototype pollution", () => {
  it("after every fuzzed request, no prototype in the shared isolate gained a key", () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    for (const [name, proto] of PROTOTYPES) expect(Reflect.ownKeys(proto).map(String).sort(), name).toEqual(prototypesBefore.get(proto));
    // and the dataset whose header is __proto__ still reads back with that column as plain data
    return call(`/api/analytics/datasets/${sessionId}`, { token: owner.token })
      .then((res) => res.json())
      .then((body) => expect((body as { columns: string[] }).columns).toEqual(["amount", "region", "__proto__"]));
  });
});
