import type { Database } from "../db/client";
import { validatePlan } from "../engine/plan/validate-plan";
import type { FieldProblem } from "../errors";
import { findDataset } from "./datasets";
import { columnsOf, tableOf } from "./execute-analysis";

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
  if (request.session_id === undefined) return reportOf(validatePlan(request.plan));
  const dataset = await findDataset(ctx.db, ctx.userId, request.session_id);
  const table = await tableOf(ctx.bucket, dataset);
  return reportOf(validatePlan(request.plan, { columns: columnsOf(table), table }));
}

function reportOf({ errors, warnings }: { errors: FieldProblem[]; warnings: FieldProblem[] }): ValidationReport {
  return { valid: errors.length === 0, errors, warnings };
}
