import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { genericPlanJsonSchema } from "../engine/plan/plan-json-schema";
import { sessionChartSvg } from "../services/analyses";
import { type DatasetSummary, findDataset, listDatasetSummaries, toDatasetMetadata } from "../services/datasets";
import { datasetPlanSchema } from "../services/plan-schemas";
import {
  CHART_SVG_URI_TEMPLATE,
  GENERIC_PLAN_SCHEMA_URI,
  PLAN_SCHEMA_URI_TEMPLATE,
  planSchemaUri,
  PROFILE_URI_TEMPLATE,
  profileUri,
} from "./resource-uris";
import type { McpContext } from "./tool";
import { protocolError } from "./tool-error";

const SCHEMA_TYPE = "application/schema+json";

/**
 * Registers the resources: the generic plan schema, and per dataset (templates over the session_id) its profile,
 * its plan schema and the SVG of each recorded chart. Listing names the caller's datasets by session_id only:
 * titles and descriptions are fixed text, never a file name, column name or value. Every read acts as the
 * request's user; another user's session_id is "Resource not found", exactly as a missing one.
 */
export function registerResources(server: McpServer, c: McpContext): void {
  const db = c.get("db");
  const userId = c.get("userId");
  let listed: Promise<DatasetSummary[]> | undefined;
  const datasets = () =>
    (listed ??= listDatasetSummaries(db, userId).catch((error: unknown) => {
      throw protocolError(error, c);
    }));
  const sessionOf = (variables: Record<string, string | string[]>, name = "session_id") => String(variables[name]);

  server.registerResource(
    "plan-schema",
    GENERIC_PLAN_SCHEMA_URI,
    { title: "Plan JSON Schema", description: "The JSON Schema (draft 2020-12) of an execution plan, for any dataset.", mimeType: SCHEMA_TYPE },
    guard(c, async (uri) => json(uri.href, genericPlanJsonSchema(), SCHEMA_TYPE)),
  );

  server.registerResource(
    "dataset-profile",
    new ResourceTemplate(PROFILE_URI_TEMPLATE, {
      list: async () => ({
        resources: (await datasets()).map((d) => ({ uri: profileUri(d.session_id), name: `dataset-${d.session_id}-profile`, title: "Dataset profile" })),
      }),
    }),
    {
      title: "Dataset profile",
      description: "One dataset's metadata as describe_dataset returns it: columns, types, row count and per-column profile.",
      mimeType: "application/json",
    },
    guard(c, async (uri, variables) => json(uri.href, toDatasetMetadata(await findDataset(db, userId, sessionOf(variables))))),
  );

  server.registerResource(
    "dataset-plan-schema",
    new ResourceTemplate(PLAN_SCHEMA_URI_TEMPLATE, {
      list: async () => ({
        resources: (await datasets()).map((d) => ({ uri: planSchemaUri(d.session_id), name: `dataset-${d.session_id}-plan-schema`, title: "Dataset plan schema" })),
      }),
    }),
    {
      title: "Dataset plan schema",
      description: "The JSON Schema of a plan for one dataset, with the columns each plan field accepts.",
      mimeType: SCHEMA_TYPE,
    },
    guard(c, async (uri, variables) => json(uri.href, datasetPlanSchema(await findDataset(db, userId, sessionOf(variables))), SCHEMA_TYPE)),
  );

  server.registerResource(
    "chart-svg",
    // Not listed: get_history and execute_plan name the charts that exist.
    new ResourceTemplate(CHART_SVG_URI_TEMPLATE, { list: undefined }),
    { title: "Chart SVG", description: "The SVG chart of one recorded analysis.", mimeType: "image/svg+xml" },
    guard(c, async (uri, variables) => {
      const svg = await sessionChartSvg(db, userId, sessionOf(variables), sessionOf(variables, "analysis_id"));
      return { contents: [{ uri: uri.href, mimeType: "image/svg+xml", text: svg }] };
    }),
  );
}

function json(uri: string, value: unknown, mimeType = "application/json"): ReadResourceResult {
  return { contents: [{ uri, mimeType, text: JSON.stringify(value) }] };
}

/** A read whose failures answer as JSON-RPC errors that say what the API would, never a 500's reason. */
function guard<A extends unknown[]>(c: McpContext, read: (uri: URL, ...rest: A) => Promise<ReadResourceResult>) {
  return async (uri: URL, ...rest: A): Promise<ReadResourceResult> => {
    try {
      return await read(uri, ...rest);
    } catch (error) {
      throw protocolError(error, c, uri.href);
    }
  };
}
