import { z } from "zod";
import { SessionIdSchema } from "../../routes/datasets";

/** The `session_id` argument: the same bounds as the API's path parameter and body field. */
export const SessionIdArgument = SessionIdSchema.meta({
  description: "The dataset's session_id, as list_datasets and upload_csv return it.",
});

/**
 * The `plan` argument. Any JSON is accepted here and judged by the plan validator, as the HTTP API judges the
 * `plan` of a body, so a wrong plan answers with the validator's field problems rather than a bare type error.
 * Its schema is pointed to rather than inlined: the generic plan schema is about 30 KB, and a client that puts
 * every tool definition into the model's context would pay for it on every turn, twice; the dataset's own
 * schema (describe_dataset) is also the stricter one.
 */
export const PlanArgument = z.unknown().meta({
  type: "object",
  description:
    "An execution plan: a JSON object with an `operation` and the fields that operation needs. Its JSON Schema is " +
    "the `plan_schema` that describe_dataset returns for the dataset (column names listed per role), or the generic " +
    "one in the resource wake://plan-schema. Column names must be written exactly as the dataset has them.",
});
