import type { CallToolResult, ContentBlock, Tool as ToolDefinition, ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { Context } from "hono";
import { z } from "zod";
import { zodIssuesToProblems } from "../engine/plan/zod-issue-problems";
import { ApiError } from "../errors";
import type { AuthedEnv } from "../http/app-env";
import { toolError } from "./tool-error";

/** The authenticated /mcp request a tool runs in: its user, settings, database, bucket and rate limiters. */
export type McpContext = Context<AuthedEnv>;

/** What a tool returns: the structured result (its outputSchema) and content blocks shown after its JSON text. */
export interface ToolOutput {
  structured: Record<string, unknown>;
  content?: ContentBlock[];
}

/**
 * One MCP tool. `input` is a strict zod object: it validates the arguments (failures answer as the HTTP API's
 * 422 `validation_error`, with the same field problems) and, converted to JSON Schema, is the tool's
 * `inputSchema`; `output` is its `outputSchema`. Descriptions are fixed text: nothing from a dataset is ever
 * spliced into them.
 */
export interface McpTool<I extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: z.ZodObject;
  annotations: Required<Pick<ToolAnnotations, "readOnlyHint" | "destructiveHint" | "idempotentHint" | "openWorldHint">>;
  run(args: z.output<I>, c: McpContext): Promise<ToolOutput>;
}

/**
 * Declares a tool with its argument types inferred from `input`.
 *
 * @example
 * export const listDatasetsTool = defineTool({ name: "list_datasets", input: z.strictObject({}), ... });
 */
export function defineTool<I extends z.ZodObject>(tool: McpTool<I>): McpTool {
  return tool as unknown as McpTool;
}

const definitions = new WeakMap<McpTool, ToolDefinition>();

/**
 * The `tools/list` entry of a tool: JSON Schemas (draft 2020-12, the MCP default) of its input and output,
 * computed once per isolate since they never change.
 */
export function toolDefinition(tool: McpTool): ToolDefinition {
  let definition = definitions.get(tool);
  if (definition === undefined) {
    definition = {
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: jsonSchemaOf(tool.input, "input") as ToolDefinition["inputSchema"],
      outputSchema: jsonSchemaOf(tool.output, "output") as ToolDefinition["outputSchema"],
      annotations: { title: tool.title, ...tool.annotations },
    };
    definitions.set(tool, definition);
  }
  return definition;
}

function jsonSchemaOf(schema: z.ZodObject, io: "input" | "output"): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io }) as Record<string, unknown>;
  delete json.$schema;
  return withoutSafeIntegerBounds(json) as Record<string, unknown>;
}

/**
 * The schema without the ±(2^53 - 1) bounds zod gives every integer: they constrain nothing a JSON number could
 * hold, and a client that puts tool definitions into the model's context pays for each.
 */
function withoutSafeIntegerBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutSafeIntegerBounds);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === "minimum" && value === Number.MIN_SAFE_INTEGER) || (key === "maximum" && value === Number.MAX_SAFE_INTEGER)) continue;
    out[key] = withoutSafeIntegerBounds(value);
  }
  return out;
}

/**
 * Runs a tool call: the arguments checked against `input`, then `run`. Every failure of the call itself is a
 * tool error (`isError: true`) carrying the code, message and field problems the HTTP API would answer, so the
 * model can read it and correct its call; a 5xx is logged with its reason and answered without it.
 *
 * @example
 * const result = await callTool(executePlanTool, { session_id, plan }, c);
 */
export async function callTool(tool: McpTool, args: Record<string, unknown> | undefined, c: McpContext): Promise<CallToolResult> {
  try {
    const parsed = tool.input.safeParse(args ?? {});
    if (!parsed.success) {
      // As the API names a body's fields (src/http/openapi.ts), so the same mistake reads the same either way.
      const errors = zodIssuesToProblems(parsed.error.issues, args ?? {}, { name: "arguments" });
      throw new ApiError({ code: "validation_error", message: "The request does not match the schema.", errors });
    }
    const output = await tool.run(parsed.data, c);
    return {
      content: [{ type: "text", text: JSON.stringify(output.structured) }, ...(output.content ?? [])],
      structuredContent: output.structured,
    };
  } catch (error) {
    return toolError(error, c);
  }
}
