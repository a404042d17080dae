import { Buffer } from "node:buffer";
import type { ContentBlock } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { withExecuteSlot } from "../../rate-limit/rate-limit";
import { ExecutionSchema } from "../../routes/analytics";
import { executeOnSession } from "../../services/execute-analysis";
import { chartSvgUri } from "../resource-uris";
import { defineTool } from "../tool";
import { PlanArgument, SessionIdArgument } from "./arguments";

/** `chart` of the structured result: the Vega-Lite spec, and where the SVG is rather than the SVG itself. */
const ChartSchema = z
  .object({
    type: z.string(),
    spec: z.record(z.string(), z.unknown()).meta({ description: "The chart as a Vega-Lite v6 spec, data included." }),
    svg_uri: z.string().nullable().meta({
      description:
        "The rendered SVG: embedded in this result as a resource with this URI, and readable later with resources/read " +
        "(unless the warning chart_not_stored says it was too large to keep). null when no SVG was drawn.",
    }),
  })
  .nullable()
  .meta({ description: "null when the plan has no chart_type." });

export const executePlanTool = defineTool({
  name: "execute_plan",
  title: "Execute a plan",
  description:
    "Run a plan on a dataset and return the computed answer. The plan is validated first exactly as validate_plan " +
    "does; an invalid plan fails with code invalid_plan and the same errors. Returns `result` (the numbers: " +
    "computed by the service, quote them as given), `warnings` that qualify it, `filtered_row_count` (rows the " +
    "answer is based on), `provenance` (dataset and plan hashes, engine version, rows left after each filter and " +
    "step) and `analysis_id`. With a chart_type in the plan, `chart` holds the Vega-Lite spec and the SVG comes as " +
    "an embedded resource. Every call is recorded in the dataset's history (get_history) and a successful one uses " +
    "one of the user's hourly executions (EXECUTE_RATE_LIMIT); over the limit it fails with code rate_limited and " +
    "retry_after_seconds.",
  input: z.strictObject({
    session_id: SessionIdArgument,
    plan: PlanArgument,
    chart: z
      .enum(["spec", "svg", "image"])
      .default("svg")
      .meta({
        description:
          "How a chart comes back: `spec` the Vega-Lite spec only (fastest, nothing rendered); `svg` also the SVG as an " +
          "embedded resource (default); `image` also an image content block (image/svg+xml) for clients that display " +
          "images. Ignored when the plan has no chart_type.",
      }),
  }),
  output: ExecutionSchema.extend({ chart: ChartSchema }),
  // Each call appends a history row and may use a rate-limit slot: not read-only, not idempotent, never destructive.
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run({ session_id, plan, chart }, c) {
    // The slot is taken alongside the dataset lookup and kept once the plan validated, as on the execute route.
    const response = await withExecuteSlot(c, (hooks) =>
      executeOnSession(
        { db: c.get("db"), bucket: c.env.UPLOADS, userId: c.get("userId"), ...hooks, renderSvg: chart !== "spec", timing: c.get("timing") },
        session_id,
        plan,
      ),
    );
    const svg = response.chart?.svg ?? null;
    const svgUri = svg === null ? null : chartSvgUri(response.session_id, response.analysis_id);
    const content: ContentBlock[] = [];
    if (svg !== null && svgUri !== null) {
      // For the person looking at the conversation; the model has the spec and the numbers.
      content.push({ type: "resource", resource: { uri: svgUri, mimeType: "image/svg+xml", text: svg }, annotations: { audience: ["user"] } });
      if (chart === "image") content.push({ type: "image", mimeType: "image/svg+xml", data: Buffer.from(svg).toString("base64"), annotations: { audience: ["user"] } });
    }
    const structured = {
      ...response,
      chart: response.chart === null ? null : { type: response.chart.type, spec: response.chart.spec, svg_uri: svgUri },
    };
    return { structured, content };
  },
});
