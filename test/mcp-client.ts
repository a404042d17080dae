import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { exports } from "cloudflare:workers";
import { BASE } from "./factories";

/** Sends a request to the Worker as a client would reach it: the app (or a test's own) behind the real entry point. */
export type WorkerFetch = (request: Request) => Promise<Response>;
const throughEntryPoint: WorkerFetch = (request) => exports.default.fetch(request);

/**
 * The SDK's own Client over its StreamableHTTPClientTransport, talking to the Worker in this isolate: the
 * transport's `fetch` hands each request to the Worker's fetch handler instead of the network. The client checks
 * every structuredContent against the tool's outputSchema (with the SDK's @cfworker/json-schema validator: Ajv
 * cannot compile in workerd).
 */
export async function connectMcp(token: string | undefined, options: { headers?: Record<string, string>; worker?: WorkerFetch } = {}): Promise<Client> {
  const worker = options.worker ?? throughEntryPoint;
  const headers: Record<string, string> = { ...options.headers };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  const transport = new StreamableHTTPClientTransport(new URL(`${BASE}/mcp`), {
    requestInit: { headers },
    fetch: (url, init) => worker(new Request(url, init)),
  });
  const client = new Client({ name: "wake-analyzer-tests", version: "1.0.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  await client.connect(transport);
  return client;
}

/** The JSON of a tool result's first (text) content block. */
export function textJson(result: CallToolResult | Record<string, unknown>): unknown {
  const first = (result as CallToolResult).content[0];
  if (first?.type !== "text") throw new Error(`no text content: ${JSON.stringify(result).slice(0, 300)}`);
  return JSON.parse(first.text);
}

/** The text of a resource read's first contents entry. */
export function resourceText(result: { contents: Array<{ uri: string } & ({ text: string } | { blob: string })> }): string {
  const first = result.contents[0];
  if (first === undefined || !("text" in first)) throw new Error(`no text contents: ${JSON.stringify(result).slice(0, 300)}`);
  return first.text;
}
