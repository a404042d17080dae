import { z } from "zod";
import { deleteDataset } from "../../services/datasets";
import { defineTool } from "../tool";
import { SessionIdArgument } from "./arguments";

export const deleteDatasetTool = defineTool({
  name: "delete_dataset",
  title: "Delete a dataset",
  description:
    "Permanently delete a dataset: its stored file, its profile and its whole history of analyses. It cannot be " +
    "undone; ask the user before calling this. A dataset that is already gone fails with code not_found.",
  input: z.strictObject({ session_id: SessionIdArgument }),
  output: z.object({ deleted: z.literal(true), session_id: z.string() }),
  // Repeating the call changes nothing more (the second one answers not_found): destructive but idempotent.
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async run({ session_id }, c) {
    const { unfinished } = await deleteDataset(c.get("db"), c.env.UPLOADS, c.get("userId"), session_id, new Date(), c.get("timing"));
    if (unfinished) c.set("failure", unfinished);
    return { structured: { deleted: true, session_id } };
  },
});
