import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app";
import { call, problem } from "./factories";

describe("health", () => {
  it("is healthy when D1 and R2 answer", async () => {
    const res = await call("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "healthy", database: "ok", storage: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it("answers 503 naming the failing part when a binding is broken", async () => {
    const app = createApp();
    const brokenR2 = { head: () => Promise.reject(new Error("r2 down")) } as unknown as R2Bucket;
    const res = await app.request("/health", {}, { ...env, UPLOADS: brokenR2 });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unhealthy", database: "ok", storage: "error", version: expect.any(String) });

    const brokenD1 = { prepare: () => { throw new Error("d1 down"); } } as unknown as D1Database;
    const res2 = await app.request("/health", {}, { ...env, DB: brokenD1 });
    expect(res2.status).toBe(503);
    expect(await res2.json()).toMatchObject({ status: "unhealthy", database: "error", storage: "ok" });
  });
});

describe("errors", () => {
  it("answers unknown routes with a 404 problem and a request id", async () => {
    const res = await call("/nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    const body = (await res.json()) as { request_id: string };
    expect(body).toEqual(problem(404, "not_found"));
    expect(res.headers.get("X-Request-Id")).toBe(body.request_id);
  });

  it("answers every route called with a method it does not have with 405 and the methods it has in Allow", async () => {
    const doc = (await (await call("/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes: Array<[string, string[]]> = [
      ...Object.entries(doc.paths).map(([path, operations]): [string, string[]] => [path, Object.keys(operations).map((m) => m.toUpperCase())]),
      ["/openapi.json", ["GET"]],
      ["/docs", ["GET"]],
      ["/redoc", ["GET"]],
    ];
    expect(routes.length).toBeGreaterThan(14);
    for (const [template, methods] of routes) {
      const path = template.replaceAll(/\{[^}]+\}/g, "x");
      const allow = [...methods, ...(methods.includes("GET") ? ["HEAD"] : [])].sort().join(", ");
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !methods.includes(m))) {
        const res = await call(path, { method });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get("Allow"), `${method} ${path}`).toBe(allow);
        expect(res.headers.get("Content-Type")).toBe("application/problem+json");
        expect(await res.json()).toEqual(problem(405, "method_not_allowed", { title: "Method Not Allowed" }));
      }
    }
    // A path no route has stays a 404 whatever the method, and preflight is CORS's as before.
    expect((await call("/nope", { method: "DELETE" })).status).toBe(404);
    expect((await call("/api/analytics/datasets/x/nope", { method: "POST" })).status).toBe(404);
    expect((await call("/api/auth/login", { method: "OPTIONS", headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST" } })).status).toBe(204);
  });

  it("echoes a well-formed caller request id and replaces a malformed one", async () => {
    const mine = await call("/health", { headers: { "X-Request-Id": "client-abc-12345" } });
    expect(mine.headers.get("X-Request-Id")).toBe("client-abc-12345");
    const bad = await call("/health", { headers: { "X-Request-Id": "<script>" } });
    expect(bad.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("turns an unexpected failure into a generic logged 500 without internals", async () => {
    const log = vi.spyOn(console, "log");
    const app = createApp();
    const exploding = { prepare: () => { throw new Error("SQLITE secret detail at binding DB"); } } as unknown as D1Database;
    const res = await app.request("/api/auth/login", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username: "someone", password: "whatever1" }),
    }, { ...env, DB: exploding });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual(problem(500, "internal_error", { detail: "An unexpected error occurred." }));
    expect(text).not.toMatch(/SQLITE|binding|DB|stack/);
    const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.includes('"status":500'));
    expect(JSON.parse(line!)).toMatchObject({ level: "error", method: "POST", path: "/api/auth/login", status: 500, error: expect.stringContaining("SQLITE") });
    expect(line).not.toContain("whatever1");
    log.mockRestore();
  });

  it("refuses token work with a logged 500 when SECRET_KEY is missing or a placeholder", async () => {
    const app = createApp();
    for (const SECRET_KEY of [undefined, "change-me-to-a-long-random-string", "short"]) {
      const res = await app.request("/api/auth/login", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username: "someone", password: "whatever1" }),
      }, { ...env, SECRET_KEY, ENVIRONMENT: "production" });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual(problem(500, "misconfigured"));
    }
  });
});

describe("CORS", () => {
  it("allows a configured origin exactly", async () => {
    const res = await call("/health", { headers: { Origin: "https://app.example.com" } });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("https://app.example.com");
    // Browsers may read only exposed headers: the request id, the rate-limit state, the history's next page and
    // the bearer challenge (an MCP client reads the resource metadata's URL there) and the phases of Server-Timing
    // (which the Resource Timing API also shows the origin: Timing-Allow-Origin).
    expect(res.headers.get("Access-Control-Expose-Headers")?.split(",").sort()).toEqual([
      "Link",
      "RateLimit",
      "RateLimit-Policy",
      "Retry-After",
      "Server-Timing",
      "WWW-Authenticate",
      "X-Request-Id",
    ]);
    expect(res.headers.get("Timing-Allow-Origin")).toBe("https://app.example.com");
    const pre = await call("/api/auth/login", {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,authorization" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("Access-Control-Allow-Origin")).toBe("http://localhost:5173");
    expect(pre.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("authorization");
  });

  it.each(["https://evil.example.com", "https://app.example.com.evil.com", "null", "http://app.example.com"])(
    "gives no allow header to the foreign origin %s",
    async (origin) => {
      const res = await call("/health", { headers: { Origin: origin } });
      expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
      expect(res.headers.get("Timing-Allow-Origin")).toBeNull();
    },
  );
});

describe("body limits", () => {
  it("answers 413 for a JSON body over 2 MiB, counted on the bytes read, before any route reads it", async () => {
    const big = JSON.stringify({ username: "a".repeat(2 * 1024 * 1024), password: "x" });
    const res = await call("/api/auth/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: big });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(problem(413, "payload_too_large"));
    const payload = new TextEncoder().encode(big);
    const streamed = await call("/api/auth/register", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": "10" },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < payload.length; i += 65536) controller.enqueue(payload.subarray(i, i + 65536));
          controller.close();
        },
      }),
    });
    expect(streamed.status).toBe(413);
  });

  it("lets a browser read the 413 (CORS headers on it too)", async () => {
    const res = await call("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://app.example.com" },
      body: JSON.stringify({ username: "a".repeat(3 * 1024 * 1024), password: "x" }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("https://app.example.com");
  });

  it("lets a body under the cap through to the route", async () => {
    const res = await call("/api/auth/login", { method: "POST", json: { username: "nobody-here", password: "x".repeat(100_000) } });
    expect(res.status).toBe(422);
  });
});
