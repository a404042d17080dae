import { z } from "zod";
import { ValidationReportSchema } from "../../routes/analytics";
import { validatePlanRequest } from "../../services/validate-plan";
import { defineTool } from "../tool";
import { PlanArgument, SessionIdArgument } from "./arguments";

export const validatePlanTool = defineTool({
  name: "validate_plan",
  title: "Validate a plan",
  description:
    "Check a plan without running it. With a session_id the plan is checked against that dataset's columns, types " +
    "and values, exactly as execute_plan will check it; without one, only its structure and per-operation rules. " +
    "Returns `valid` and every problem found: each error and warning has a `path` into the plan, a stable `code`, a " +
    "`message` and sometimes a `suggestion` (e.g. the closest column name). Fix every error and validate again " +
    "before executing. Free: no rate limit, nothing recorded.",
  input: z.strictObject({ session_id: SessionIdArgument.optional(), plan: PlanArgument }),
  output: ValidationReportSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run({ session_id, plan }, c) {
    const report = await validatePlanRequest(
      { db: c.get("db"), bucket: c.env.UPLOADS, userId: c.get("userId"), timing: c.get("timing") },
      session_id === undefined ? { plan } : { session_id, plan },
    );
    return { structured: { ...report } };
  },
});
