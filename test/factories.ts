import { exports } from "cloudflare:workers";
import { expect } from "vitest";

export const BASE = "http://wake.test";

let counter = 0;
/** A unique suffix per call, so every test makes its own users and data. */
export function unique(prefix = "u"): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
}

export function call(path: string, init: RequestInit & { json?: unknown; token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  return exports.default.fetch(new Request(`${BASE}${path}`, { ...init, headers, body }));
}

export interface TestUser {
  id: string;
  username: string;
  email: string;
  password: string;
  token: string;
}

/** Registers and logs in a fresh user. */
export async function createUser(overrides: Partial<{ username: string; email: string; password: string }> = {}): Promise<TestUser> {
  const username = overrides.username ?? unique("user");
  const email = overrides.email ?? `${username}@example.com`;
  const password = overrides.password ?? "correct horse battery";
  const reg = await call("/api/auth/register", { method: "POST", json: { email, username, password } });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${await reg.text()}`);
  const user = (await reg.json()) as { id: string };
  const token = await login(username, password);
  return { id: user.id, username, email, password, token };
}

export async function login(username: string, password: string): Promise<string> {
  const res = await call("/api/auth/login", { method: "POST", json: { username, password } });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The contract's problem+json body, with any title/detail/request id. */
export const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  type: "about:blank",
  title: expect.any(String),
  status,
  detail: expect.any(String),
  code,
  request_id: expect.any(String),
  ...extra,
});

/** Uploads `content` as the multipart field `file`. */
export function upload(token: string, content: string | Uint8Array, filename = "data.csv", init: RequestInit = {}): Promise<Response> {
  const form = new FormData();
  form.append("file", new File([content as string], filename, { type: "text/csv" }));
  return call("/api/analytics/upload", { method: "POST", body: form, token, ...init });
}

export interface UploadedDataset {
  session_id: string;
  metadata: { id: string; columns: string[]; column_types: Record<string, string>; row_count: number };
}

export async function uploadOk(token: string, content: string, filename = "data.csv"): Promise<UploadedDataset> {
  const res = await upload(token, content, filename);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as UploadedDataset;
}
