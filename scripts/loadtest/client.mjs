// The one way the load test talks HTTP to the service, so every request is timed and bounded the same way.
import { performance } from "node:perf_hooks";

/**
 * Returns `call(method, path, { token, json, form })`, which never throws: a network failure or timeout comes
 * back as status 0 with an `error` string, so the request loop can count it instead of aborting the run.
 * `ms` covers the whole body being read, which is what a client waits for.
 */
export function createClient(base, requestTimeoutS) {
  return async function call(method, path, { token, json, form } = {}) {
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    let body;
    if (json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(json);
    } else if (form) {
      body = form;
    }
    const started = performance.now();
    try {
      const res = await fetch(base + path, { method, headers, body, signal: AbortSignal.timeout(requestTimeoutS * 1000) });
      const text = await res.text();
      const ms = performance.now() - started;
      let data = null;
      try { data = text ? JSON.parse(text) : null; } catch { data = text; }
      return { status: res.status, ms, data, requestId: res.headers.get("x-request-id"), link: res.headers.get("link") };
    } catch (error) {
      return { status: 0, ms: performance.now() - started, data: null, error: `${error.name}: ${error.cause?.code ?? error.message}` };
    }
  };
}
