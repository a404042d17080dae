import { env } from "cloudflare:test";
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { parseHash, verifyPassword } from "../src/auth/password";
import { call, createUser, login, problem, unique } from "./factories";

const ISS = "wake-analyzer";
const AUD = "wake-analyzer-api";
const now = () => Math.floor(Date.now() / 1000);

describe("register", () => {
  it("creates a user and answers the whole User body (.happy)", async () => {
    const username = unique("Ada");
    const res = await call("/api/auth/register", {
      method: "POST",
      json: { email: `${username}@Example.com`, username, password: "  spaced pass  ", full_name: "Ada Lovelace" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("X-Request-Id")).toMatch(/.{8,}/);
    expect(await res.json()).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: `${username}@Example.com`,
      username,
      full_name: "Ada Lovelace",
      is_active: true,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    // The password is used exactly as typed: the spaces are part of it.
    await expect(login(username, "spaced pass")).rejects.toThrow(/401/);
    expect(await login(username, "  spaced pass  ")).toMatch(/^ey/);
  });

  it("rejects duplicate email and username case-insensitively with 409", async () => {
    const user = await createUser();
    const dupEmail = await call("/api/auth/register", {
      method: "POST",
      json: { email: user.email.toUpperCase(), username: unique("other"), password: "password123" },
    });
    expect(dupEmail.status).toBe(409);
    expect(await dupEmail.json()).toEqual(
      problem(409, "conflict", { detail: "Email already registered", errors: [{ path: "email", code: "already_exists", message: "Email already registered." }] }),
    );
    const dupName = await call("/api/auth/register", {
      method: "POST",
      json: { email: `${unique("x")}@example.com`, username: user.username.toUpperCase(), password: "password123" },
    });
    expect(dupName.status).toBe(409);
    expect(((await dupName.json()) as { detail: string }).detail).toBe("Username already taken");
  });

  it("names the taken field when two registrations race past the availability check", async () => {
    const username = unique("race");
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => call("/api/auth/register", { method: "POST", json: { email: `${unique("r")}@example.com`, username, password: "password123" } })),
    );
    expect(answers.filter((res) => res.status === 201)).toHaveLength(1);
    for (const res of answers.filter((r) => r.status !== 201)) {
      expect(await res.json()).toEqual(
        problem(409, "conflict", { detail: "Username already taken", errors: [{ path: "username", code: "already_exists", message: "Username already taken." }] }),
      );
    }
  });

  const valid = () => ({ email: `${unique("f")}@example.com`, username: unique("f"), password: "password123" });
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ["email not an email", { email: "not-an-email" }, "email", "invalid_format"],
    ["email over 254 chars", { email: `${"a".repeat(64)}@${"b".repeat(186)}.com` }, "email", "too_long"],
    ["username under 3", { username: "ab" }, "username", "too_short"],
    ["username over 32", { username: "a".repeat(33) }, "username", "too_long"],
    ["username with a space", { username: "ada lovelace" }, "username", "invalid_format"],
    ["password under 8", { password: "1234567" }, "password", "too_short"],
    ["password over 128", { password: "p".repeat(129) }, "password", "too_long"],
    ["missing password", { password: undefined }, "password", "required"],
    ["unknown field", { is_admin: true }, "is_admin", "unknown_key"],
  ];
  it.each(cases)("422 when %s", async (_name, patch, path, code) => {
    const res = await call("/api/auth/register", { method: "POST", json: { ...valid(), ...patch } });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: Array<{ path: string; code: string }> };
    expect(body).toEqual(problem(422, "validation_error", { errors: expect.any(Array) }));
    expect(body.errors).toContainEqual({ path, code, message: expect.any(String) });
  });

  it("accepts the boundaries: 3/32-char usernames, 8/128-char passwords, 254-char email", async () => {
    const base = unique("b").slice(0, 20);
    const ok = [
      { username: base.slice(0, 3) + "_", password: "p".repeat(8), email: `${base}1@example.com` },
      { username: (base + "x".repeat(32)).slice(0, 32), password: "é".repeat(128), email: `${"a".repeat(64)}@${base}${"b".repeat(185 - base.length)}.com` },
    ];
    for (const body of ok) {
      const res = await call("/api/auth/register", { method: "POST", json: body });
      expect(res.status, JSON.stringify(body)).toBe(201);
    }
  });

  it("stores a scrypt PHC hash that carries its parameters and verifies", async () => {
    const user = await createUser({ password: "stored hash check" });
    const row = await env.DB.prepare("select hashed_password from users where id = ?").bind(user.id).first<{ hashed_password: string }>();
    const stored = row!.hashed_password;
    expect(stored).toMatch(/^\$scrypt\$ln=\d+,r=8,p=3\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(parseHash(stored)?.params).toEqual({ cost: 1024, blockSize: 8, parallelization: 3 });
    expect(await verifyPassword("stored hash check", stored)).toBe(true);
    expect(await verifyPassword("stored hash checK", stored)).toBe(false);
  });

  it("answers 400 for malformed JSON and 415 for a non-JSON body", async () => {
    const bad = await call("/api/auth/register", { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"email": ' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await bad.json()).toEqual(problem(400, "malformed_request"));
    const form = await call("/api/auth/register", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "x" });
    expect(form.status).toBe(415);
    expect(await form.json()).toEqual(problem(415, "unsupported_media_type"));
  });
});

describe("login", () => {
  it("accepts username or email, case-insensitively, and returns a bearer token", async () => {
    const user = await createUser();
    for (const name of [user.username, user.email, user.email.toUpperCase()]) {
      const res = await call("/api/auth/login", { method: "POST", json: { username: name, password: user.password } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ access_token: expect.stringMatching(/^ey/), token_type: "bearer", expires_in: 86400 });
    }
  });

  it("gives the identical 401 for a wrong password and an unknown user", async () => {
    const user = await createUser();
    const wrong = await call("/api/auth/login", { method: "POST", json: { username: user.username, password: "wrong password" } });
    const unknown = await call("/api/auth/login", { method: "POST", json: { username: unique("ghost"), password: "wrong password" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = ({ request_id: _, ...rest }: Record<string, unknown>) => rest;
    const a = strip((await wrong.json()) as Record<string, unknown>);
    expect(a).toEqual(strip((await unknown.json()) as Record<string, unknown>));
    expect(a).toEqual({ type: "about:blank", title: "Unauthorized", status: 401, detail: "Incorrect username or password", code: "invalid_credentials" });
  });
});

describe("me and tokens", () => {
  it("returns the current user", async () => {
    const user = await createUser();
    const res = await call("/api/auth/me", { token: user.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: user.id, email: user.email, username: user.username, full_name: null, is_active: true, created_at: expect.any(String),
    });
  });

  const secret = () => env.SECRET_KEY as string;
  const claims = (sub: string) => ({ sub, iat: now(), exp: now() + 600, iss: ISS, aud: AUD });
  const tamper = (token: string) => token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
  const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

  it.each([
    ["no header", async () => undefined],
    ["garbage", async () => "not.a.token"],
    ["expired", async (sub: string) => sign({ ...claims(sub), iat: now() - 7200, exp: now() - 3600 }, secret(), "HS256")],
    ["without exp", async (sub: string) => { const { exp: _, ...c } = claims(sub); return sign(c, secret(), "HS256"); }],
    ["HS512", async (sub: string) => sign(claims(sub), secret(), "HS512")],
    ["alg none", async (sub: string) => `${b64({ alg: "none", typ: "JWT" })}.${b64(claims(sub))}.`],
    ["wrong signature", async (sub: string) => tamper(await sign(claims(sub), secret(), "HS256"))],
    ["another key", async (sub: string) => sign(claims(sub), "another-secret-key-that-is-long-enough-xx", "HS256")],
    ["wrong audience", async (sub: string) => sign({ ...claims(sub), aud: "other" }, secret(), "HS256")],
    ["wrong issuer", async (sub: string) => sign({ ...claims(sub), iss: "other" }, secret(), "HS256")],
    ["unknown subject", async () => sign(claims(crypto.randomUUID()), secret(), "HS256")],
  ])("401 for a token %s", async (_name, make) => {
    const user = await createUser();
    const token = await make(user.id);
    const res = await call("/api/auth/me", token ? { token } : {});
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect(await res.json()).toEqual(problem(401, token ? "invalid_token" : "not_authenticated"));
  });

  it("401 for the token of a deleted or deactivated user", async () => {
    const gone = await createUser();
    await env.DB.prepare("delete from users where id = ?").bind(gone.id).run();
    expect((await call("/api/auth/me", { token: gone.token })).status).toBe(401);
    const inactive = await createUser();
    await env.DB.prepare("update users set is_active = 0 where id = ?").bind(inactive.id).run();
    expect((await call("/api/auth/me", { token: inactive.token })).status).toBe(401);
  });
});
