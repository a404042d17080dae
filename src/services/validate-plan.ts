import type { Database } from "../db/client";
import type { DatasetRow } from "../db/schema";
import { validatePlan } from "../engine/plan/validate-plan";
import type { FieldProblem } from "../errors";
import { findDataset } from "./datasets";
import { columnsOf, tableOf } from "./execute-analysis";
import { Timing } from "../timing";

/** The answer of /validate: every problem found; `valid` when there is no error (warnings never block). */
export interface ValidationReport {
  valid: boolean;
  errors: FieldProblem[];
  warnings: FieldProblem[];
}

/** A plan to check: on its own, or against the dataset of `session_id`. */
export interface PlanToValidate {
  session_id?: string;
  plan: unknown;
}

export interface ValidateContext {
  db: Database;
  bucket: R2Bucket;
  userId: string;
  /** How to find the dataset the request names (default: findDataset), e.g. from a lookup made with the user. */
  findDataset?: (sessionId: string) => Promise<DatasetRow>;
  /** Where the call's time goes: `storage` (a snapshot read) and `engine`. */
  timing?: Timing;
}

/**
 * Checks a plan without executing it. On its own, only its structure and per-operation rules; with a
 * `session_id`, also against that dataset's columns, types and values (the same checks /execute makes, so a
 * plan that validates here is not refused there). A bad plan is a report, not an error: the only error is a
 * dataset the caller cannot see (404).
 *
 * @example
 * await validatePlanRequest({ db, bucket, userId }, { plan: { operation: "mean" } });
 * // { valid: false, errors: [{ path: "plan.target_column", code: "missing_field", ... }], warnings: [] }
 */
export async function validatePlanRequest(ctx: ValidateContext, request: PlanToValidate): Promise<ValidationReport> {
  const timing = ctx.timing ?? new Timing();
  if (request.session_id === undefined) return reportOf(timing.measure("engine", () => validatePlan(request.plan)));
  const sessionId = request.session_id;
  const dataset = await (ctx.findDataset ? ctx.findDataset(sessionId) : findDataset(ctx.db, ctx.userId, sessionId));
  const table = await tableOf(ctx.bucket, dataset, timing);
  return reportOf(timing.measure("engine", () => validatePlan(request.plan, { columns: columnsOf(table), table })));
}

function reportOf({ errors, warnings }: { errors: FieldProblem[]; warnings: FieldProblem[] }): ValidationReport {
  return { valid: errors.length === 0, errors, warnings };
}
