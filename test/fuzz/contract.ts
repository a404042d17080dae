/** The HTTP contract every answer of the fuzz suites (test/fuzz-*.test.ts and friends) must keep. */
import { expect } from "vitest";
import { ERROR_STATUS } from "../../src/errors";

const PROBLEM_KEYS = new Set(["type", "title", "status", "detail", "code", "request_id", "errors"]);
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Never a 5xx (unless `allow5xx`), always an `X-Request-Id`, and every 4xx/5xx is an RFC 9457 problem with the
 * contract's body whose `code` maps to the HTTP status and whose `request_id` is the header's. Returns the body
 * text (the response is consumed).
 */
export async function checkContract(res: Response, options: { allow5xx?: boolean } = {}): Promise<string> {
  const text = await res.text();
  const requestId = res.headers.get("X-Request-Id");
  expect(requestId, "X-Request-Id").toMatch(REQUEST_ID);
  if (!options.allow5xx) expect(res.status, `unexpected ${res.status}: ${text.slice(0, 500)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toEqual({
      type: "about:blank",
      title: expect.any(String),
      status: res.status,
      detail: expect.stringMatching(/\S/),
      code: expect.any(String),
      request_id: requestId,
      ...(body.errors === undefined ? {} : { errors: expect.any(Array) }),
    });
    for (const key of Object.keys(body)) expect(PROBLEM_KEYS.has(key), `problem key ${key}`).toBe(true);
    expect(ERROR_STATUS[body.code as keyof typeof ERROR_STATUS], `code ${String(body.code)} for ${res.status}`).toBe(res.status);
    for (const problem of (body.errors ?? []) as Array<Record<string, unknown>>) {
      expect(problem).toEqual({
        path: expect.any(String),
        code: expect.any(String),
        message: expect.any(String),
        ...(problem.suggestion === undefined ? {} : { suggestion: expect.any(String) }),
      });
    }
    if (res.status === 401) expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
    if (res.status === 429) expect(res.headers.get("Retry-After")).toMatch(/^\d+$/);
  }
  return text;
}

/** The problem `code` of a body returned by {@link checkContract}, or undefined for a success. */
export const codeOf = (text: string, status: number): string | undefined =>
  status >= 400 ? (JSON.parse(text) as { code: string }).code : undefined;
