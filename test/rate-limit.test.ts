import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import { clientAddress } from "../src/rate-limit/client-address";
import { rateLimitClock } from "../src/rate-limit/clock";
import type { RateLimiter } from "../src/rate-limit/rate-limiter";
import { createUser, problem, unique } from "./factories";

const app = createApp();
const CSV = "a,b\n1,2\n";
const HOUR = 3_600_000;
const LOGIN_WINDOW = 15 * 60_000;

afterEach(() => {
  rateLimitClock.now = undefined;
});

/** Through a fresh app env, so per-test limits apply (loadConfig caches per env object). */
function send(path: string, init: RequestInit, vars: Partial<Env> = {}): Promise<Response> {
  return Promise.resolve(app.request(path, init, { ...env, ...vars }));
}

function uploadAs(token: string, vars: Partial<Env> = {}, content = CSV): Promise<Response> {
  const form = new FormData();
  form.append("file", new File([content], "data.csv", { type: "text/csv" }));
  return send("/api/analytics/upload", { method: "POST", body: form, headers: { Authorization: `Bearer ${token}` } }, vars);
}

function loginAs(username: string, password: string, ip: string, vars: Partial<Env> = {}): Promise<Response> {
  return send("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
    body: JSON.stringify({ username, password }),
  }, vars);
}

const rateHeaders = (res: Response) => ({
  policy: res.headers.get("RateLimit-Policy"),
  state: res.headers.get("RateLimit"),
  retryAfter: res.headers.get("Retry-After"),
});

/** A random private IPv4 address, so each test's failures land on addresses of its own. */
const ip = () => `10.${[...crypto.getRandomValues(new Uint8Array(3))].join(".")}`;

/** A namespace whose objects cannot be reached, as when the Durable Object is overloaded or being reset. */
const unreachable = {
  idFromName: (name: string) => ({ name }),
  get: () => new Proxy({}, { get: () => () => Promise.reject(new Error("Durable Object is overloaded")) }),
} as unknown as DurableObjectNamespace<RateLimiter>;

describe("upload limit", () => {
  it("admits exactly L of 3L parallel uploads and refuses the rest with 429 and Retry-After", async () => {
    const user = await createUser();
    const vars = { UPLOAD_RATE_LIMIT: "3" };
    const answers = await Promise.all(Array.from({ length: 9 }, () => uploadAs(user.token, vars)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(6);
    for (const res of refused) {
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
      expect(await res.json()).toEqual(problem(429, "rate_limited"));
      expect(rateHeaders(res)).toEqual({ policy: '"upload";q=3;w=3600', state: '"upload";r=0;t=3600', retryAfter: "3600" });
    }
    const list = await send("/api/analytics/datasets", { headers: { Authorization: `Bearer ${user.token}` } });
    expect(await list.json()).toHaveLength(3);
  });

  it("reports the IETF headers on success and exact waits with an injected clock, then slides", async () => {
    const user = await createUser();
    const t0 = Date.now();
    const at = (offset: number) => (rateLimitClock.now = () => t0 + offset);
    const vars = { UPLOAD_RATE_LIMIT: "3" };
    const expected = [
      [0, 201, '"upload";r=2;t=3600', null],
      [1000, 201, '"upload";r=1;t=3599', null],
      [2000, 201, '"upload";r=0;t=3598', null],
      [3000, 429, '"upload";r=0;t=3597', "3597"],
      [HOUR - 1, 429, '"upload";r=0;t=1', "1"],
      [HOUR, 201, '"upload";r=0;t=1', null], // the first upload left the window
      [HOUR + 1000, 201, '"upload";r=0;t=1', null],
    ] as const;
    for (const [offset, status, state, retryAfter] of expected) {
      at(offset);
      const res = await uploadAs(user.token, vars);
      expect([offset, res.status]).toEqual([offset, status]);
      expect(rateHeaders(res)).toEqual({ policy: '"upload";q=3;w=3600', state, retryAfter });
    }
  });

  it("refuses an upload over the limit before reading its body", async () => {
    const user = await createUser();
    const vars = { UPLOAD_RATE_LIMIT: "1", MAX_UPLOAD_SIZE: "1024" };
    expect((await uploadAs(user.token, vars)).status).toBe(201);
    // Oversized and not even multipart: read, it would be a 413 or 400; refused first, it is a 429.
    const res = await send("/api/analytics/upload", {
      method: "POST",
      body: "x".repeat(64 * 1024),
      headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "text/plain" },
    }, vars);
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual(problem(429, "rate_limited"));
  });

  it("gives the slot back when the upload is refused (only stored datasets count)", async () => {
    const user = await createUser();
    const vars = { UPLOAD_RATE_LIMIT: "1" };
    const bad = await uploadAs(user.token, vars, "");
    expect(bad.status).toBe(400);
    expect(rateHeaders(bad)).toMatchObject({ state: '"upload";r=1;t=0', retryAfter: null });
    const good = await uploadAs(user.token, vars);
    expect(good.status).toBe(201);
    expect(rateHeaders(good).state).toMatch(/^"upload";r=0;t=360[01]$/);
    expect((await uploadAs(user.token, vars)).status).toBe(429);
  });

  it("limits each user on their own: B is unaffected when A is exhausted", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()]);
    const vars = { UPLOAD_RATE_LIMIT: "1" };
    expect((await uploadAs(a.token, vars)).status).toBe(201);
    expect((await uploadAs(a.token, vars)).status).toBe(429);
    expect((await uploadAs(b.token, vars)).status).toBe(201);
  });

  it("never asks the limiter for an unauthenticated request", async () => {
    const res = await send("/api/analytics/upload", { method: "POST", body: new FormData() }, { RATE_LIMITER: unreachable });
    expect(res.status).toBe(401);
    expect(res.headers.get("RateLimit")).toBeNull();
  });

  it("fails closed with a logged 503 when the limiter is unreachable, storing nothing", async () => {
    const user = await createUser();
    const log = vi.spyOn(console, "log");
    const res = await uploadAs(user.token, { RATE_LIMITER: unreachable });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual(problem(503, "service_unavailable"));
    const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.includes('"status":503'));
    expect(JSON.parse(line!)).toMatchObject({ level: "error", path: "/api/analytics/upload", error: 'rate limiter "upload" unavailable: Error: Durable Object is overloaded' });
    log.mockRestore();
    const list = await send("/api/analytics/datasets", { headers: { Authorization: `Bearer ${user.token}` } });
    expect(await list.json()).toEqual([]);
  });
});

describe("login limit", () => {
  it("blocks an account at one address after 10 failures, typed as username or email alike, even with the right password", async () => {
    const user = await createUser();
    const address = ip();
    const t0 = Date.now();
    for (let i = 0; i < 10; i++) {
      rateLimitClock.now = () => t0 + i * 1000;
      const res = await loginAs(i % 2 === 0 ? user.username : user.email.toUpperCase(), "wrong password", address);
      expect(res.status).toBe(401);
      // Only the address's count is shown: a count keyed by the account would tell which identifiers share one.
      expect(rateHeaders(res)).toEqual({ policy: '"login-address";q=100;w=900', state: `"login-address";r=${99 - i};t=${900 - i}`, retryAfter: null });
    }
    rateLimitClock.now = () => t0 + 10_000;
    const blocked = await loginAs(user.email, user.password, address);
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toEqual(problem(429, "rate_limited"));
    expect(rateHeaders(blocked)).toEqual({
      policy: '"login-account-address";q=10;w=900, "login-address";q=100;w=900',
      state: '"login-account-address";r=0;t=890, "login-address";r=90;t=890', // the reserved units were given back
      retryAfter: "890",
    });
    // The owner elsewhere is not locked out; once the first failure leaves the window, the right password works here.
    expect((await loginAs(user.username, user.password, ip())).status).toBe(200);
    rateLimitClock.now = () => t0 + LOGIN_WINDOW;
    const ok = await loginAs(user.username, user.password, address);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("RateLimit")).toBe('"login-address";r=91;t=1');
  });

  it("caps one account's failures from every address together at ten times the limit", async () => {
    const user = await createUser();
    const vars = { LOGIN_RATE_LIMIT: "2" };
    for (let i = 0; i < 10; i++) {
      const address = ip();
      for (let j = 0; j < 2; j++) expect((await loginAs(j === 0 ? user.username : user.email, "wrong password", address, vars)).status).toBe(401);
    }
    const blocked = await loginAs(user.username, user.password, ip(), vars);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("RateLimit-Policy")).toBe('"login-account";q=20;w=900, "login-address";q=20;w=900');
  });

  it("blocks an address after ten times the limit of failures across accounts, for every account", async () => {
    const [victim, other] = await Promise.all([createUser(), createUser()]);
    const attacker = ip();
    const vars = { LOGIN_RATE_LIMIT: "2" };
    const t0 = Date.now();
    rateLimitClock.now = () => t0;
    for (let i = 0; i < 20; i++) expect((await loginAs(unique("guess"), "wrong password", attacker, vars)).status).toBe(401);
    const blocked = await loginAs(victim.username, victim.password, attacker, vars);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("Retry-After")).toBe("900");
    expect((await loginAs(other.username, other.password, attacker, vars)).status).toBe(429);
    // The same account from elsewhere is fine: it has no failures.
    expect((await loginAs(victim.username, victim.password, ip(), vars)).status).toBe(200);
  });

  it("answers an unknown name exactly as a known one with a wrong password, and limits it the same way", async () => {
    const user = await createUser();
    const address = ip();
    const vars = { LOGIN_RATE_LIMIT: "2" };
    const answers = async (login: string) => {
      const res = await loginAs(login, "wrong password", address, vars);
      const { request_id: _, ...body } = (await res.json()) as Record<string, unknown>;
      return { status: res.status, body, limits: rateHeaders(res) };
    };
    const [known, ghost] = [user.username, unique("ghost")];
    expect(await answers(known)).toEqual({ ...(await answers(ghost)), limits: expect.any(Object) });
    expect(await answers(known)).toMatchObject({ status: 401 });
    expect(await answers(ghost)).toMatchObject({ status: 401 });
    const [third, fourth] = [await answers(known), await answers(ghost)];
    expect(third.status).toBe(429);
    expect({ ...fourth, limits: { ...fourth.limits, state: null } }).toEqual({ ...third, limits: { ...third.limits, state: null } });
  });

  it("counts IPv6 clients per /64", async () => {
    const user = await createUser();
    const net = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:7`;
    const vars = { LOGIN_RATE_LIMIT: "1" };
    for (let i = 1; i <= 10; i++) expect((await loginAs(unique("guess"), "wrong password", `${net}::${i.toString(16)}`, vars)).status).toBe(401);
    expect((await loginAs(user.username, user.password, `${net}:0:0:0:beef`, vars)).status).toBe(429);
    expect(clientAddress(new Headers({ "CF-Connecting-IP": "2001:DB8:0:0001::1" }))).toBe("2001:db8:0:1::/64");
    expect(clientAddress(new Headers({ "CF-Connecting-IP": "::ffff:192.0.2.7" }))).toBe("192.0.2.7");
    expect(clientAddress(new Headers({ "CF-Connecting-IP": "192.0.2.7" }))).toBe("192.0.2.7");
    expect(clientAddress(new Headers())).toBe("unknown");
  });

  it("never counts a successful login", async () => {
    const user = await createUser();
    const address = ip();
    for (let i = 0; i < 15; i++) {
      const res = await loginAs(user.username, user.password, address);
      expect(res.status).toBe(200);
      expect(res.headers.get("RateLimit")).toBe('"login-address";r=100;t=0');
    }
  });

  it("checks exactly L passwords out of 3L parallel wrong guesses at one account from one address", async () => {
    const user = await createUser();
    const address = ip();
    const answers = await Promise.all(Array.from({ length: 30 }, () => loginAs(user.username, "wrong password", address)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });

  it("honours LOGIN_RATE_LIMIT and LOGIN_RATE_WINDOW_MINUTES", async () => {
    const user = await createUser();
    const vars = { LOGIN_RATE_LIMIT: "2", LOGIN_RATE_WINDOW_MINUTES: "1" };
    const address = ip();
    expect((await loginAs(user.username, "wrong password", address, vars)).status).toBe(401);
    const second = await loginAs(user.username, "wrong password", address, vars);
    expect(second.headers.get("RateLimit-Policy")).toBe('"login-address";q=20;w=60');
    const blocked = await loginAs(user.username, user.password, address, vars);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("RateLimit-Policy")).toBe('"login-account-address";q=2;w=60, "login-address";q=20;w=60');
  });

  it("fails closed with a logged 503 when the limiter is unreachable", async () => {
    const user = await createUser();
    const log = vi.spyOn(console, "log");
    const res = await loginAs(user.username, user.password, ip(), { RATE_LIMITER: unreachable });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual(problem(503, "service_unavailable"));
    const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.includes('"status":503'));
    expect(JSON.parse(line!)).toMatchObject({ level: "error", path: "/api/auth/login", error: expect.stringMatching(/^rate limiter "login-(account-address|account|address)" unavailable/) });
    expect(line).not.toContain(user.username);
    expect(line).not.toContain(user.password);
    log.mockRestore();
  });
});
