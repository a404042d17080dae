import type { Database } from "../db/client";
import type { AnalysisRow, DatasetRow } from "../db/schema";
import { buildChart, type Chart } from "../engine/charts/build-chart";
import { EngineError } from "../engine/errors";
import { executePlan, type ExecutionOutput, type ExecutionResult } from "../engine/execute-plan";
import type { FilterStep } from "../engine/ops/select-rows";
import type { StepRecord } from "../engine/steps/step";
import { canonicalPlanJson } from "../engine/plan/normalize-plan";
import type { Plan } from "../engine/plan/plan-schema";
import { validatePlan } from "../engine/plan/validate-plan";
import type { Table } from "../engine/table/types";
import { ENGINE_VERSION } from "../engine/version";
import { sha256Hex } from "./sha256";
import { ApiError, engineApiError, type FieldProblem } from "../errors";
import { recordAnalysis } from "./analyses";
import { findDataset } from "./datasets";
import { storableChart, storedMessageOf, storedPlanOf } from "./analysis-row-size";
import { loadTable } from "./snapshot-cache";
import { timed, Timing } from "../timing";

export interface Provenance {
  dataset_sha256: string;
  plan_sha256: string;
  engine_version: string;
  executed_at: string;
  filter_steps: FilterStep[];
  /** Plans with steps: each step as executed, the rows left after it, and the canonical text of expressions. */
  steps?: StepRecord[];
}

export interface ExecutionResponse {
  success: true;
  analysis_id: string;
  session_id: string;
  plan: Plan;
  result: ExecutionResult;
  row_count: number;
  filtered_row_count: number;
  execution_time_ms: number;
  chart: Chart | null;
  warnings: FieldProblem[];
  provenance: Provenance;
}

/** The dataset's table, or a 404 when its snapshot is gone (it is being deleted or purged). */
export async function tableOf(bucket: R2Bucket, dataset: DatasetRow, timing?: Timing): Promise<Table> {
  const table = await loadTable(bucket, dataset.id, dataset.snapshotPath, undefined, timing);
  if (!table) throw new ApiError({ code: "not_found", message: "Dataset not found" });
  return table;
}

export function columnsOf(table: Table) {
  return table.columns.map((c) => ({ name: c.name, type: c.type }));
}

export interface ExecuteContext {
  db: Database;
  bucket: R2Bucket;
  userId: string;
  /** Called once the plan has passed validation, before any work: the place to consume a rate-limit slot. */
  beforeExecute?: () => Promise<unknown>;
  /** Called before a plan refused by validation is recorded; may refuse the call itself (rate limit). */
  beforeRecordingRefusal?: () => Promise<unknown>;
  /** Render the chart's SVG (default true); false returns the Vega-Lite spec only. */
  renderSvg?: boolean;
  /** Where the call's time goes: `storage` (a snapshot read), `engine`, `chart`, `record` (the history row). */
  timing?: Timing;
  /** executeOnSession: how to find the dataset named (default findDataset), e.g. from a lookup made with the user. */
  findDataset?: (sessionId: string) => Promise<DatasetRow>;
  /** executeOnSession: takes the call's rate-limit slot, asked alongside the dataset lookup; may refuse the call. */
  reserveSlot?: () => Promise<unknown>;
}

/**
 * What one execute call came to, recorded once in the history whatever it is: `done` (everything the answer
 * is built from), `refused` (a 4xx: the plan failed validation, the engine refused it, a rate limit) or
 * `failed` (anything unexpected: a 500). `plan` is what was attempted: the normalised plan once it validated,
 * the input as sent before.
 */
type Outcome =
  | { kind: "done"; plan: Plan; output: ExecutionOutput; chart: Chart | null; storedChart: Chart | null; warnings: FieldProblem[]; planSha256: string }
  | { kind: "refused"; plan: unknown; error: ApiError }
  | { kind: "failed"; plan: unknown; error: unknown };

/**
 * Validates and executes a plan over a dataset the caller owns, and records the call in the dataset's history
 * whatever its outcome: a result is stored only once it is certain to be returned, and a refused or failed call
 * is stored with its reason. Validation failures answer 422 with the same `errors` as /validate.
 */
export async function executeAnalysis(ctx: ExecuteContext, dataset: DatasetRow, planInput: unknown): Promise<ExecutionResponse> {
  const started = performance.now();
  const executedAt = new Date();
  const timing = ctx.timing ?? new Timing();
  const table = await tableOf(ctx.bucket, dataset, timing);
  const outcome = await attempt(planInput, () => compute(ctx, timing, table, planInput));
  if (outcome.kind === "refused" && outcome.error.code === "invalid_plan") await ctx.beforeRecordingRefusal?.();
  const analysisId = crypto.randomUUID();
  const executionTimeMs = performance.now() - started;
  const base = { id: analysisId, datasetId: dataset.id, userId: ctx.userId, sessionId: dataset.sessionId, executedAt, executionTimeMs };
  await timing.time("record", () => record(ctx, base, outcome));
  if (outcome.kind !== "done") throw outcome.error;
  return {
    success: true,
    analysis_id: analysisId,
    session_id: dataset.sessionId,
    plan: outcome.plan,
    result: outcome.output.result,
    row_count: table.rowCount,
    filtered_row_count: outcome.output.filtered_row_count,
    execution_time_ms: executionTimeMs,
    chart: outcome.chart,
    warnings: outcome.warnings,
    provenance: {
      dataset_sha256: dataset.sha256,
      plan_sha256: outcome.planSha256,
      engine_version: ENGINE_VERSION,
      executed_at: executedAt.toISOString(),
      filter_steps: outcome.output.filter_steps,
      ...(outcome.output.steps === undefined ? {} : { steps: outcome.output.steps }),
    },
  };
}

/**
 * Executes a plan on the caller's dataset named by `sessionId` (404 when it is not theirs to see), as
 * executeAnalysis does: the execute route and the execute_plan tool both come through here. The dataset is found
 * by `ctx.findDataset` (e.g. from a lookup made with the user), else looked up now, alongside `ctx.reserveSlot`
 * (the rate limit's slot), whose refusal answers first.
 *
 * @example
 * await executeOnSession({ db, bucket, userId, ...executeLimitHooks(c) }, sessionId, { operation: "count" });
 */
export async function executeOnSession(ctx: ExecuteContext, sessionId: string, planInput: unknown): Promise<ExecutionResponse> {
  const lookup = ctx.findDataset ? ctx.findDataset(sessionId) : timed(ctx.timing, "db", () => findDataset(ctx.db, ctx.userId, sessionId));
  const [found, reserved] = await Promise.allSettled([lookup, ctx.reserveSlot?.()]);
  if (reserved.status === "rejected") throw reserved.reason;
  if (found.status === "rejected") throw found.reason;
  return executeAnalysis(ctx, found.value, planInput);
}

/** Validate; then, on the plan that validated: charge the slot, execute, draw, check the result can be stored. */
async function compute(ctx: ExecuteContext, timing: Timing, table: Table, planInput: unknown): Promise<Outcome> {
  const validation = timing.measure("engine", () => validatePlan(planInput, { columns: columnsOf(table), table }));
  if (!validation.plan) {
    const error = new ApiError({ code: "invalid_plan", message: "The plan is not valid for this dataset.", errors: validation.errors });
    return { kind: "refused", plan: planInput, error };
  }
  const plan = validation.plan;
  return attempt(plan, async () => {
    await ctx.beforeExecute?.();
    const output = timing.measure("engine", () => executePlan(table, plan));
    const draw = () => buildChart(plan, output, { svg: ctx.renderSvg !== false });
    const drawn = await (plan.chart_type === undefined ? draw() : timing.time("chart", draw));
    const stored = timing.measure("record", () => storableChart(output.result, plan, drawn.chart));
    if (!stored.fits) {
      const error = new ApiError({ code: "execution_error", message: "The result is too large to return and store; add filters or group by fewer columns." });
      return { kind: "refused", plan, error };
    }
    const warnings = [...validation.warnings, ...output.warnings, ...drawn.warnings, ...stored.warnings];
    return { kind: "done", plan, output, chart: drawn.chart, storedChart: stored.chart, warnings, planSha256: await sha256Hex(canonicalPlanJson(plan)) };
  });
}

/** Runs a step of the call on `plan`; what it throws becomes the outcome (an engine error answers as mapped). */
async function attempt(plan: unknown, step: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof EngineError) return { kind: "refused", plan, error: engineApiError(error) };
    if (error instanceof ApiError) return { kind: "refused", plan, error };
    return { kind: "failed", plan, error };
  }
}

type RecordBase = Pick<AnalysisRow, "id" | "datasetId" | "userId" | "sessionId" | "executedAt" | "executionTimeMs">;

/**
 * Writes the call's one history row. A failure to record a refused or failed call must not hide its answer,
 * unless the dataset vanished meanwhile (404); recording a result that then cannot be returned is impossible,
 * since the row is written before the answer.
 */
async function record(ctx: ExecuteContext, base: RecordBase, outcome: Outcome): Promise<void> {
  if (outcome.kind === "done") {
    const { plan, output, storedChart } = outcome;
    await recordAnalysis(ctx.db, {
      ...base,
      executionPlan: plan,
      result: output.result,
      chart: storedChart,
      filteredRowCount: output.filtered_row_count,
      success: true,
      errorMessage: null,
    });
    return;
  }
  await recordAnalysis(ctx.db, {
    ...base,
    executionPlan: storedPlanOf(outcome.plan),
    result: null,
    chart: null,
    filteredRowCount: null,
    success: false,
    errorMessage: storedMessageOf(outcome.kind === "refused" ? reasonOf(outcome.error) : "An unexpected error occurred."),
  }).catch((recordError: unknown) => {
    if (recordError instanceof ApiError) throw recordError;
  });
}

/** A refusal as the history keeps it: the message, then each field problem. */
function reasonOf(error: ApiError): string {
  return error.errors?.length ? `${error.message} ${error.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}` : error.message;
}
