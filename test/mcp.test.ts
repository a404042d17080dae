/**
 * The MCP endpoint through the SDK's own Client and StreamableHTTPClientTransport, against the Worker in workerd:
 * the handshake, what is listed, every tool, and that execute_plan answers what POST /api/analytics/execute
 * answers and leaves the same history row.
 */
import { Buffer } from "node:buffer";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { LATEST_PROTOCOL_VERSION, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createUser, type TestUser, uploadOk } from "./factories";
import { connectMcp, resourceText, textJson } from "./mcp-client";

const CSV = "region,amount,day\neast,10,2026-01-01\nwest,20,2026-01-02\neast,5,2026-01-03\nwest,7,2026-01-04\n";
const TOOLS = ["list_datasets", "describe_dataset", "validate_plan", "execute_plan", "get_history", "upload_csv", "delete_dataset"];

let user: TestUser;
let sessionId: string;
let client: Client;

beforeAll(async () => {
  user = await createUser();
  sessionId = (await uploadOk(user.token, CSV, "sales.csv")).session_id;
  client = await connectMcp(user.token);
});

const callOk = async (name: string, args: Record<string, unknown>) => {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError, JSON.stringify(result.content).slice(0, 500)).toBeFalsy();
  // The text block is the structured result serialised, for clients that read only text.
  expect(textJson(result)).toEqual(result.structuredContent);
  return result;
};

async function httpExecute(plan: unknown, query = ""): Promise<Record<string, unknown>> {
  const res = await call(`/api/analytics/execute${query}`, { method: "POST", token: user.token, json: { session_id: sessionId, plan } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** An execution without what differs between two runs of the same plan: ids, timings and the SVG's placement. */
function comparable(execution: Record<string, unknown>): Record<string, unknown> {
  const { analysis_id: _id, execution_time_ms: _ms, provenance, chart, ...rest } = execution as {
    analysis_id: string; execution_time_ms: number; provenance: Record<string, unknown>; chart: Record<string, unknown> | null;
  };
  const { executed_at: _at, ...stableProvenance } = provenance;
  return { ...rest, provenance: stableProvenance, chart: chart === null ? null : { type: chart.type, spec: chart.spec } };
}

describe("MCP handshake and listings", () => {
  it("initialises with the current protocol revision, the server's identity, capabilities and instructions", () => {
    expect(client.getServerVersion()).toMatchObject({ name: "wake-analyzer", title: "Wake Analyzer", version: expect.any(String) });
    expect(client.getServerCapabilities()).toEqual({ tools: { listChanged: false }, resources: { listChanged: false }, prompts: { listChanged: false } });
    expect(client.getInstructions()).toContain("execute_plan");
    expect((client.transport as StreamableHTTPClientTransport).protocolVersion).toBe(LATEST_PROTOCOL_VERSION);
  });

  it("lists every tool with an object input schema, an output schema and truthful annotations", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOLS);
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe("object");
      expect(tool.inputSchema.additionalProperties, tool.name).toBe(false);
      expect(tool.outputSchema?.type, tool.name).toBe("object");
      expect(tool.description?.length, tool.name).toBeGreaterThan(80);
    }
    const hints = Object.fromEntries(tools.map((t) => [t.name, [t.annotations?.readOnlyHint, t.annotations?.destructiveHint, t.annotations?.idempotentHint]]));
    expect(hints).toEqual({
      list_datasets: [true, false, true],
      describe_dataset: [true, false, true],
      validate_plan: [true, false, true],
      execute_plan: [false, false, false],
      get_history: [true, false, true],
      upload_csv: [false, false, false],
      delete_dataset: [false, true, true],
    });
  });

  it("lists the plan schema, each dataset's profile and plan schema, and the templates with the session id", async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(
      expect.arrayContaining(["wake://plan-schema", `wake://datasets/${sessionId}/profile`, `wake://datasets/${sessionId}/plan-schema`]),
    );
    // Names and titles never carry the file name (data the user uploaded).
    expect(JSON.stringify(resources)).not.toContain("sales.csv");
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual([
      "wake://datasets/{session_id}/analyses/{analysis_id}/chart.svg",
      "wake://datasets/{session_id}/plan-schema",
      "wake://datasets/{session_id}/profile",
    ]);
  });

  it("reads the plan schemas the service generates and a dataset's profile", async () => {
    const generic = await client.readResource({ uri: "wake://plan-schema" });
    const plan = await call("/api/analytics/plan-schema");
    expect(JSON.parse(resourceText(generic))).toEqual(await plan.json());
    const own = await client.readResource({ uri: `wake://datasets/${sessionId}/plan-schema` });
    const ownHttp = await call(`/api/analytics/datasets/${sessionId}/plan-schema`, { token: user.token });
    expect(own.contents[0]).toMatchObject({ mimeType: "application/schema+json" });
    expect(JSON.parse(resourceText(own))).toEqual(await ownHttp.json());
    const profile = await client.readResource({ uri: `wake://datasets/${sessionId}/profile` });
    const metadata = await call(`/api/analytics/datasets/${sessionId}`, { token: user.token });
    expect(JSON.parse(resourceText(profile))).toEqual(await metadata.json());
  });

  it("offers the answer_question prompt, with the question and dataset as given and nothing from the data", async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts).toEqual([expect.objectContaining({ name: "answer_question", arguments: expect.arrayContaining([expect.objectContaining({ name: "question", required: true })]) })]);
    const prompt = await client.getPrompt({ name: "answer_question", arguments: { question: "Which region sold most?", session_id: sessionId } });
    const [method, question] = prompt.messages.map((m) => (m.content.type === "text" ? m.content.text : ""));
    expect(method).toContain("must be copied from a tool result");
    for (const fromData of ["region", "amount", "sales.csv", "east", "2026"]) expect(method).not.toContain(fromData);
    expect(question).toBe(`Dataset: session_id "${sessionId}".\nQuestion: Which region sold most?`);
  });
});

describe("MCP tools", () => {
  it("list_datasets and describe_dataset give the dataset, its profile and its own plan schema", async () => {
    const listed = await callOk("list_datasets", {});
    expect(listed.structuredContent).toEqual({
      datasets: [{
        session_id: sessionId, filename: "sales.csv", row_count: 4, column_count: 3, columns: ["region", "amount", "day"],
        column_types: { region: "string", amount: "integer", day: "datetime" }, uploaded_at: expect.any(String), expires_at: expect.any(String),
      }],
    });
    const described = await callOk("describe_dataset", { session_id: sessionId });
    const metadata = await (await call(`/api/analytics/datasets/${sessionId}`, { token: user.token })).json();
    const schema = await (await call(`/api/analytics/datasets/${sessionId}/plan-schema`, { token: user.token })).json();
    expect(described.structuredContent).toEqual({ dataset: metadata, plan_schema: schema });
  });

  it("validate_plan reports what /validate reports, with and without a dataset", async () => {
    for (const args of [
      { session_id: sessionId, plan: { operation: "mean", target_column: "amout" } },
      { session_id: sessionId, plan: { operation: "sum", target_column: "amount", group_by: ["region"] } },
      { plan: { operation: "mean" } },
    ]) {
      const result = await callOk("validate_plan", args);
      const http = await call("/api/analytics/validate", { method: "POST", token: user.token, json: args.session_id === undefined ? args.plan : args });
      expect(result.structuredContent).toEqual(await http.json());
    }
    const typo = await callOk("validate_plan", { session_id: sessionId, plan: { operation: "mean", target_column: "amout" } });
    expect(typo.structuredContent).toMatchObject({ valid: false, errors: [{ path: "plan.target_column", code: "unknown_column", suggestion: "amount" }] });
  });

  it("execute_plan answers exactly what /api/analytics/execute answers, for plain plans and plans with steps", async () => {
    const plans = [
      { operation: "sum", target_column: "amount", group_by: ["region"] },
      { operation: "mean", target_column: "amount", filters: [{ column: "amount", operator: ">", value: 6 }] },
      { operation: "correlation", x_axis: "amount", y_axis: "amount" },
      {
        operation: "mean",
        target_column: "doubled",
        group_by: ["region"],
        steps: [{ derive: { name: "doubled", expr: "amount * 2" } }, { filter: { expr: "doubled > 10" } }],
        chart_type: "bar",
      },
    ];
    for (const plan of plans) {
      const result = await callOk("execute_plan", { session_id: sessionId, plan, chart: "spec" });
      const http = await httpExecute(plan, "?chart=spec");
      expect(comparable(result.structuredContent as Record<string, unknown>), JSON.stringify(plan)).toEqual(comparable(http));
    }
    const stepped = await callOk("execute_plan", { session_id: sessionId, plan: plans[3], chart: "spec" });
    expect((stepped.structuredContent as { provenance: { steps: unknown[] } }).provenance.steps).toHaveLength(2);
  });

  it("leaves one history row per execute, successful or refused, as the HTTP API does", async () => {
    const before = (await (await call(`/api/analytics/history/${sessionId}?limit=500`, { token: user.token })).json()) as unknown[];
    const done = await callOk("execute_plan", { session_id: sessionId, plan: { operation: "count" } });
    const refused = (await client.callTool({ name: "execute_plan", arguments: { session_id: sessionId, plan: { operation: "mean", target_column: "nope" } } })) as CallToolResult;
    expect(refused.isError).toBe(true);
    const history = await callOk("get_history", { session_id: sessionId, limit: 2 });
    const page = history.structuredContent as { analyses: Array<Record<string, unknown>>; next_before: number | null };
    expect(page.analyses).toEqual([
      expect.objectContaining({ success: false, result: null, execution_plan: { operation: "mean", target_column: "nope" }, error_message: expect.stringContaining("plan.target_column") }),
      expect.objectContaining({ id: (done.structuredContent as { analysis_id: string }).analysis_id, success: true, result: { value: 4, count: 4 }, filtered_row_count: 4 }),
    ]);
    const http = (await (await call(`/api/analytics/history/${sessionId}?limit=500`, { token: user.token })).json()) as unknown[];
    expect(http).toHaveLength(before.length + 2);
    expect(http.slice(0, 2)).toEqual(page.analyses);
    // Paging: the cursor leads on to the older calls.
    expect(page.next_before).toEqual(expect.any(Number));
    const next = await callOk("get_history", { session_id: sessionId, limit: 500, before: page.next_before });
    expect((next.structuredContent as { analyses: unknown[] }).analyses).toEqual(http.slice(2));
  });

  it("returns a chart as its Vega-Lite spec, the SVG as an embedded resource and, when asked, as an image", async () => {
    const plan = { operation: "sum", target_column: "amount", group_by: ["region"], chart_type: "bar" };
    const withSvg = await callOk("execute_plan", { session_id: sessionId, plan });
    const structured = withSvg.structuredContent as { analysis_id: string; chart: { type: string; spec: { $schema: string }; svg_uri: string } };
    const uri = `wake://datasets/${sessionId}/analyses/${structured.analysis_id}/chart.svg`;
    expect(structured.chart).toEqual({ type: "bar", spec: expect.objectContaining({ $schema: expect.stringContaining("vega-lite") }), svg_uri: uri });
    expect(withSvg.content).toHaveLength(2);
    const embedded = withSvg.content[1] as { type: string; resource: { uri: string; mimeType: string; text: string }; annotations: unknown };
    expect(embedded).toMatchObject({ type: "resource", resource: { uri, mimeType: "image/svg+xml" }, annotations: { audience: ["user"] } });
    expect(embedded.resource.text).toMatch(/^<svg/);
    // The SVG stays readable as a resource, as the history's chart.svg route serves it.
    const read = await client.readResource({ uri });
    expect(resourceText(read)).toBe(await (await call(`/api/analytics/history/${sessionId}/${structured.analysis_id}/chart.svg`, { token: user.token })).text());

    const withImage = await callOk("execute_plan", { session_id: sessionId, plan, chart: "image" });
    expect(withImage.content.map((c) => c.type)).toEqual(["text", "resource", "image"]);
    const image = withImage.content[2] as { data: string; mimeType: string };
    expect(image.mimeType).toBe("image/svg+xml");
    expect(Buffer.from(image.data, "base64").toString("utf8")).toBe((withImage.content[1] as typeof embedded).resource.text);

    const specOnly = await callOk("execute_plan", { session_id: sessionId, plan, chart: "spec" });
    expect(specOnly.content).toHaveLength(1);
    expect((specOnly.structuredContent as typeof structured).chart.svg_uri).toBeNull();
  });

  it("upload_csv stores a dataset as the upload route does, and delete_dataset removes it with its history", async () => {
    const uploaded = await callOk("upload_csv", { csv: CSV, filename: "again.csv" });
    const body = uploaded.structuredContent as { success: true; session_id: string; metadata: Record<string, unknown> };
    const viaHttp = await uploadOk(user.token, CSV, "again.csv");
    const { id: _a, session_id: _b, uploaded_at: _c, expires_at: _d, ...stored } = body.metadata;
    const { id: _e, session_id: _f, uploaded_at: _g, expires_at: _h, ...storedHttp } = viaHttp.metadata as unknown as Record<string, unknown>;
    expect(stored).toEqual(storedHttp);
    expect(body).toMatchObject({ success: true, session_id: body.metadata.session_id });

    await callOk("execute_plan", { session_id: body.session_id, plan: { operation: "count" } });
    const deleted = await callOk("delete_dataset", { session_id: body.session_id });
    expect(deleted.structuredContent).toEqual({ deleted: true, session_id: body.session_id });
    expect((await call(`/api/analytics/datasets/${body.session_id}`, { token: user.token })).status).toBe(404);
    const again = (await client.callTool({ name: "delete_dataset", arguments: { session_id: body.session_id } })) as CallToolResult;
    expect(again.isError).toBe(true);
    expect(textJson(again)).toEqual({ error: { code: "not_found", status: 404, message: "Dataset not found" } });
  });
});
