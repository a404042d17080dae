import { z } from "zod";
import { AnalysisSchema } from "../../routes/analytics";
import { HISTORY_MAX_PAGE_SIZE, HISTORY_PAGE_SIZE, sessionHistory } from "../../services/analyses";
import { timed } from "../../timing";
import { defineTool } from "../tool";
import { SessionIdArgument } from "./arguments";

export const getHistoryTool = defineTool({
  name: "get_history",
  title: "Get a dataset's history",
  description:
    "The execute_plan calls recorded on a dataset, newest first, successful or not: each with its plan, result " +
    "(or error_message), filtered_row_count and time. Use it to find an earlier answer instead of recomputing it. " +
    `Paged: at most \`limit\` calls (default ${HISTORY_PAGE_SIZE}, at most ${HISTORY_MAX_PAGE_SIZE}); when \`next_before\` ` +
    "is not null, pass it as `before` for the next page. Charts are listed without their SVG; an SVG is the resource " +
    "wake://datasets/{session_id}/analyses/{analysis_id}/chart.svg.",
  input: z.strictObject({
    session_id: SessionIdArgument,
    limit: z.number().int().min(1).max(HISTORY_MAX_PAGE_SIZE).optional().meta({ description: "Calls per page." }),
    before: z.number().int().min(1).optional().meta({ description: "The `next_before` of the previous page." }),
  }),
  output: z.object({
    analyses: z.array(AnalysisSchema),
    next_before: z.number().int().nullable().meta({ description: "The cursor of the next page, or null on the last page." }),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run({ session_id, limit = HISTORY_PAGE_SIZE, before }, c) {
    const page = await timed(c.get("timing"), "db", () => sessionHistory(c.get("db"), c.get("userId"), session_id, { limit, before }));
    return { structured: { analyses: page.items, next_before: page.nextBefore } };
  },
});
