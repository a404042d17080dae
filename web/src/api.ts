// The playground's HTTP client: the same public API as any other client (see /openapi.json), nothing more.
import type { Analysis, Dataset, Execution, FieldProblem, Problem, User, ValidationReport } from "./types";

/** An error answer of the API (RFC 9457 problem+json), or a network failure (status 0). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldProblem[];
  readonly retryAfter: string | null;

  constructor(status: number, body: Partial<Problem>, retryAfter: string | null = null) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = body.code ?? "unknown";
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.retryAfter = retryAfter;
  }
}

/** Called when the API answers 401 to a signed-in call: the token expired or was revoked. */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

async function problemOf(res: Response): Promise<ApiProblem> {
  let body: Partial<Problem> = {};
  try {
    body = (await res.json()) as Partial<Problem>;
  } catch {
    body = { detail: `${res.status} ${res.statusText}` };
  }
  return new ApiProblem(res.status, body, res.headers.get("Retry-After"));
}

interface CallOptions {
  method?: string;
  token?: string | null;
  json?: unknown;
}

async function call(path: string, { method = "GET", token, json }: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json), cache: "no-store" });
  } catch {
    throw new ApiProblem(0, { code: "network_error", detail: "The service could not be reached. Is `npm run dev` still running?" });
  }
  if (!res.ok) {
    const problem = await problemOf(res);
    if (res.status === 401 && token) onUnauthorized();
    throw problem;
  }
  return res;
}

const asJson = async <T>(res: Promise<Response>): Promise<T> => (await (await res).json()) as T;

export const api = {
  register: (body: { email: string; username: string; password: string }) => asJson<User>(call("/api/auth/register", { method: "POST", json: body })),
  login: (username: string, password: string) =>
    asJson<{ access_token: string; expires_in: number }>(call("/api/auth/login", { method: "POST", json: { username, password } })),
  me: (token: string) => asJson<User>(call("/api/auth/me", { token })),
  datasets: (token: string) => asJson<Dataset[]>(call("/api/analytics/datasets", { token })),
  dataset: (token: string, sessionId: string) => asJson<Dataset>(call(`/api/analytics/datasets/${encodeURIComponent(sessionId)}`, { token })),
  deleteDataset: async (token: string, sessionId: string) => {
    await call(`/api/analytics/datasets/${encodeURIComponent(sessionId)}`, { method: "DELETE", token });
  },
  planSchema: (token: string, sessionId: string) =>
    asJson<Record<string, unknown>>(call(`/api/analytics/datasets/${encodeURIComponent(sessionId)}/plan-schema`, { token })),
  validate: (token: string, sessionId: string, plan: unknown) =>
    asJson<ValidationReport>(call("/api/analytics/validate", { method: "POST", token, json: { session_id: sessionId, plan } })),
  execute: (token: string, sessionId: string, plan: unknown) =>
    asJson<Execution>(call("/api/analytics/execute", { method: "POST", token, json: { session_id: sessionId, plan } })),
  /** One page of the history; `next` is the path of the following page (from `Link: <...>; rel="next"`). */
  history: async (token: string, pathOrSession: { sessionId: string } | { next: string }) => {
    const path = "next" in pathOrSession ? pathOrSession.next : `/api/analytics/history/${encodeURIComponent(pathOrSession.sessionId)}?limit=20`;
    const res = await call(path, { token });
    const link = res.headers.get("Link") ?? "";
    const next = /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null;
    return { items: (await res.json()) as Analysis[], next: next !== null && next.startsWith("/api/") ? next : null };
  },
  /** A stored chart as an object URL for an <img> (the chart route needs the bearer token, so no plain src). */
  chartUrl: async (token: string, svgPath: string) => {
    if (!svgPath.startsWith("/api/")) throw new ApiProblem(0, { detail: "Unexpected chart address." });
    const blob = await (await call(svgPath, { token })).blob();
    return URL.createObjectURL(new Blob([blob], { type: "image/svg+xml" }));
  },
};

/**
 * Uploads a CSV with XMLHttpRequest, the one browser API that reports upload progress. Resolves to the stored
 * dataset; rejects with the API's problem (413, 415, 400 ragged_row with its line, ...).
 */
export function uploadCsv(token: string, file: File, onProgress: (fraction: number) => void): Promise<Dataset> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/analytics/upload");
    xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.responseType = "text";
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener("load", () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { detail: `${xhr.status} ${xhr.statusText}` };
      }
      if (xhr.status === 201) {
        onProgress(1);
        resolve((body as { metadata: Dataset }).metadata);
      } else {
        if (xhr.status === 401) onUnauthorized();
        reject(new ApiProblem(xhr.status, body as Partial<Problem>, xhr.getResponseHeader("Retry-After")));
      }
    });
    xhr.addEventListener("error", () => reject(new ApiProblem(0, { code: "network_error", detail: "The upload did not reach the service." })));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}
