import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BASE, call } from "./factories";

/**
 * The pages are static assets (wrangler.jsonc `assets`, built from web/): served before the Worker runs, with the
 * headers of web/public/_headers. Read here through the ASSETS binding, which applies the same rules.
 */
const page = (path: string) => env.ASSETS.fetch(new Request(`${BASE}${path}`));

const csp = (res: Response) =>
  Object.fromEntries(
    (res.headers.get("Content-Security-Policy") ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== "")
      .map(([name, ...values]) => [name, values]),
  );

describe("web pages (static assets)", () => {
  it.each(["/", "/docs", "/redoc"])("%s is HTML with the security headers and scripts from this origin only", async (path) => {
    const res = await page(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
    const policy = csp(res);
    expect(policy["default-src"]).toEqual(["'none'"]);
    expect(policy["script-src"]).toEqual(["'self'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'none'"]);
    expect(JSON.stringify(policy)).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(policy["style-src"]).toEqual(path === "/redoc" ? ["'self'", "'unsafe-inline'"] : ["'self'"]);

    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/\bsrc="\/assets\/[\w.-]+-[\w-]{8}\.js"/);
    const references = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    for (const reference of references) {
      expect(reference).toMatch(/^\/(?!\/)/);
      const asset = await page(reference);
      expect(asset.status, reference).toBe(200);
      if (reference.startsWith("/assets/")) expect(asset.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
      await asset.body?.cancel();
    }
  });

  it("leaves the API to the Worker: its routes still answer JSON, and an unknown path a problem", async () => {
    const health = await call("/health");
    expect(health.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(((await health.json()) as { status: string }).status).toBe("healthy");
    const openapi = await call("/openapi.json");
    expect(openapi.status).toBe(200);
    await openapi.body?.cancel();
    const missing = await page("/api/analytics/datasets");
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
  });
});
