import type { Database } from "../db/client";
import type { DatasetRow } from "../db/schema";
import { buildChart, type Chart } from "../engine/charts/build-chart";
import { EngineError, type EngineProblem } from "../engine/errors";
import { executePlan, type ExecutionResult } from "../engine/execute-plan";
import type { FilterStep } from "../engine/ops/select-rows";
import type { StepRecord } from "../engine/steps/step";
import { canonicalPlanJson } from "../engine/plan/normalize-plan";
import type { Plan } from "../engine/plan/plan-schema";
import { validatePlan } from "../engine/plan/validate-plan";
import type { Table } from "../engine/table/types";
import { ENGINE_VERSION } from "../engine/version";
import { sha256Hex } from "./sha256";
import { ApiError, type ErrorCode } from "../errors";
import { recordAnalysis } from "./analyses";
import { storableChart, storedMessageOf, storedPlanOf } from "./analysis-row-size";
import { loadTable } from "./snapshot-cache";


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
  warnings: EngineProblem[];
  provenance: Provenance;
}

/** The dataset's table, or a 404 when its snapshot is gone (it is being deleted or purged). */
export async function tableOf(bucket: R2Bucket, dataset: DatasetRow): Promise<Table> {
  const table = await loadTable(bucket, dataset.id, dataset.snapshotPath);
  if (!table) throw new ApiError({ code: "not_found", message: "Dataset not found" });
  return table;
}

export function columnsOf(table: Table) {
  return table.columns.map((c) => ({ name: c.name, type: c.type }));
}

const ENGINE_ERROR_CODES: Record<string, ErrorCode> = { plan_too_costly: "plan_too_costly", too_many_groups: "too_many_groups" };

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
}

/**
 * Validates and executes a plan over a dataset the caller owns, and records the call in the dataset's history
 * whatever its outcome: a result is stored only once it is certain to be returned, and a refused or failed call
 * is stored with its reason. Validation failures answer 422 with the same `errors` as /validate.
 */
export async function executeAnalysis(ctx: ExecuteContext, dataset: DatasetRow, planInput: unknown): Promise<ExecutionResponse> {
  const started = performance.now();
  const executedAt = new Date();
  const table = await tableOf(ctx.bucket, dataset);
  const base = { id: crypto.randomUUID(), datasetId: dataset.id, userId: ctx.userId, sessionId: dataset.sessionId, executedAt };
  let attempted: unknown = planInput;
  try {
    const { response, stored } = await compute(ctx, dataset, table, planInput, (plan) => (attempted = plan));
    response.analysis_id = base.id;
    response.provenance.executed_at = executedAt.toISOString();
    response.execution_time_ms = performance.now() - started;
    await recordAnalysis(ctx.db, {
      ...base,
      executionPlan: response.plan,
      result: response.result,
      chart: stored,
      filteredRowCount: response.filtered_row_count,
      executionTimeMs: response.execution_time_ms,
      success: true,
      errorMessage: null,
    });
    return response;
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") throw error;
    if (error instanceof ApiError && error.code === "invalid_plan") await ctx.beforeRecordingRefusal?.();
    const refused = error instanceof ApiError;
    const message = refused
      ? (error.errors?.length ? `${error.message} ${error.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}` : error.message)
      : "An unexpected error occurred.";
    // A failure to record must not hide the original answer, unless the dataset vanished meanwhile (404).
    await recordAnalysis(ctx.db, {
      ...base,
      executionPlan: storedPlanOf(attempted),
      result: null,
      chart: null,
      filteredRowCount: null,
      executionTimeMs: performance.now() - started,
      success: false,
      errorMessage: storedMessageOf(message),
    }).catch((recordError: unknown) => {
      if (recordError instanceof ApiError) throw recordError;
    });
    throw error;
  }
}

/** Everything between loading the table and recording: validate, charge the slot, execute, draw. */
async function compute(
  ctx: ExecuteContext,
  dataset: DatasetRow,
  table: Table,
  planInput: unknown,
  validated: (plan: Plan) => void,
): Promise<{ response: ExecutionResponse; stored: Chart | null }> {
  const validation = validatePlan(planInput, { columns: columnsOf(table), table });
  if (!validation.plan) {
    throw new ApiError({ code: "invalid_plan", message: "The plan is not valid for this dataset.", errors: validation.errors });
  }
  const plan = validation.plan;
  validated(plan);
  await ctx.beforeExecute?.();
  let output: ReturnType<typeof executePlan>;
  try {
    output = executePlan(table, plan);
  } catch (error) {
    if (error instanceof EngineError) {
      throw new ApiError({ code: ENGINE_ERROR_CODES[error.code] ?? "execution_error", message: error.message, errors: error.details.problems });
    }
    throw error;
  }
  const drawn = await buildChart(plan, output, { svg: ctx.renderSvg !== false });
  const stored = storableChart(output.result, plan, drawn.chart);
  if (!stored.fits) {
    throw new ApiError({ code: "execution_error", message: "The result is too large to return and store; add filters or group by fewer columns." });
  }
  const response: ExecutionResponse = {
    success: true,
    analysis_id: "",
    session_id: dataset.sessionId,
    plan,
    result: output.result,
    row_count: table.rowCount,
    filtered_row_count: output.filtered_row_count,
    execution_time_ms: 0,
    chart: drawn.chart,
    warnings: [...validation.warnings, ...output.warnings, ...drawn.warnings, ...stored.warnings],
    provenance: {
      dataset_sha256: dataset.sha256,
      plan_sha256: await sha256Hex(canonicalPlanJson(plan)),
      engine_version: ENGINE_VERSION,
      executed_at: "",
      filter_steps: output.filter_steps,
      ...(output.steps === undefined ? {} : { steps: output.steps }),
    },
  };
  return { response, stored: stored.chart };
}
