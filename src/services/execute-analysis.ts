import type { Database } from "../db/client";
import type { AnalysisRow, DatasetRow } from "../db/schema";
import { buildChart, type Chart } from "../engine/charts/build-chart";
import { EngineError, type EngineProblem } from "../engine/errors";
import { executePlan, type ExecutionResult } from "../engine/execute-plan";
import type { FilterStep } from "../engine/ops/select-rows";
import { canonicalPlanJson } from "../engine/plan/normalize-plan";
import type { Plan } from "../engine/plan/plan-schema";
import { validatePlan } from "../engine/plan/validate-plan";
import type { Table } from "../engine/table/types";
import { ENGINE_VERSION } from "../engine/version";
import { sha256Hex } from "./sha256";
import { ApiError, type ErrorCode } from "../errors";
import { recordAnalysis } from "./analyses";
import { loadTable } from "./snapshot-cache";

/** More groups than this make a result too large to return and store; the plan is refused. */
export const MAX_RESULT_GROUPS = 5000;
/** D1 rows hold at most 2 MB; a stored analysis keeps well under it (the SVG is left out of the row first). */
export const MAX_STORED_ANALYSIS_BYTES = 1_800_000;

export interface Provenance {
  dataset_sha256: string;
  plan_sha256: string;
  engine_version: string;
  executed_at: string;
  filter_steps: FilterStep[];
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
  const loaded = await loadTable(bucket, dataset.snapshotPath, dataset.sha256);
  if (!loaded) throw new ApiError({ code: "not_found", message: "Dataset not found" });
  return loaded.table;
}

export function columnsOf(table: Table) {
  return table.columns.map((c) => ({ name: c.name, type: c.type }));
}

const ENGINE_ERROR_CODES: Record<string, ErrorCode> = { plan_too_costly: "plan_too_costly" };

export interface ExecuteContext {
  db: Database;
  bucket: R2Bucket;
  userId: string;
  /** Called once the plan has passed validation, before any work: the place to consume a rate-limit slot. */
  beforeExecute?: () => Promise<unknown>;
  /** Render the chart's SVG (default true); false returns the Vega-Lite spec only. */
  renderSvg?: boolean;
}

/**
 * Validates and executes a plan over a dataset the caller owns, and records the call in the dataset's history
 * whatever its outcome: a result is stored only when it is also returned, and a refused plan is stored with its
 * reason. Validation failures answer 422 with the same `errors` as /validate.
 */
export async function executeAnalysis(ctx: ExecuteContext, dataset: DatasetRow, planInput: unknown): Promise<ExecutionResponse> {
  const started = performance.now();
  const executedAt = new Date();
  const table = await tableOf(ctx.bucket, dataset);
  const validation = validatePlan(planInput, { columns: columnsOf(table), table });
  const base = {
    id: crypto.randomUUID(),
    datasetId: dataset.id,
    userId: ctx.userId,
    sessionId: dataset.sessionId,
    chart: null,
    executedAt,
  };
  const fail = async (code: ErrorCode, message: string, plan: unknown, errors?: EngineProblem[]): Promise<never> => {
    const row: AnalysisRow = {
      ...base,
      executionPlan: plan ?? null,
      result: null,
      filteredRowCount: null,
      executionTimeMs: performance.now() - started,
      success: false,
      errorMessage: errors?.length ? `${message} ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}` : message,
    };
    await recordAnalysis(ctx.db, row);
    throw new ApiError({ code, message, errors });
  };

  if (!validation.plan) {
    return fail("invalid_plan", "The plan is not valid for this dataset.", planInput, validation.errors);
  }
  const plan = validation.plan;
  await ctx.beforeExecute?.();
  let output: ReturnType<typeof executePlan>;
  try {
    output = executePlan(table, plan);
  } catch (error) {
    if (error instanceof EngineError) {
      return fail(ENGINE_ERROR_CODES[error.code] ?? "execution_error", error.message, plan, error.details.problems);
    }
    throw error;
  }
  if ("groups" in output.result && output.result.groups.length > MAX_RESULT_GROUPS) {
    return fail(
      "execution_error",
      `The plan produces ${output.result.groups.length} groups, more than the ${MAX_RESULT_GROUPS} a result may hold; add filters or group by fewer columns.`,
      plan,
    );
  }
  const drawn = await buildChart(table, plan, output, { svg: ctx.renderSvg !== false });
  const stored = storableChart(output.result, drawn.chart);
  if (!stored.fits) {
    return fail("execution_error", "The result is too large to return and store; add filters or group by fewer columns.", plan);
  }
  const warnings = [...validation.warnings, ...output.warnings, ...drawn.warnings, ...stored.warnings];
  const executionTimeMs = performance.now() - started;
  const response: ExecutionResponse = {
    success: true,
    analysis_id: base.id,
    session_id: dataset.sessionId,
    plan,
    result: output.result,
    row_count: table.rowCount,
    filtered_row_count: output.filtered_row_count,
    execution_time_ms: executionTimeMs,
    chart: drawn.chart,
    warnings,
    provenance: {
      dataset_sha256: dataset.sha256,
      plan_sha256: await sha256Hex(canonicalPlanJson(plan)),
      engine_version: ENGINE_VERSION,
      executed_at: executedAt.toISOString(),
      filter_steps: output.filter_steps,
    },
  };
  await recordAnalysis(ctx.db, {
    ...base,
    chart: stored.chart,
    executionPlan: plan,
    result: output.result,
    filteredRowCount: output.filtered_row_count,
    executionTimeMs,
    success: true,
    errorMessage: null,
  });
  return response;
}

/**
 * What of the chart fits in the analysis row beside the result: all of it, the spec without the SVG, or none
 * (the response still carries the whole chart; a warning says the history copy is partial). Only a result that
 * cannot be stored at all is refused.
 */
function storableChart(result: unknown, chart: Chart | null): { fits: boolean; chart: Chart | null; warnings: EngineProblem[] } {
  const size = (value: unknown) => JSON.stringify(value ?? null).length;
  const resultBytes = size(result);
  if (resultBytes > MAX_STORED_ANALYSIS_BYTES) return { fits: false, chart: null, warnings: [] };
  if (!chart || resultBytes + size(chart) <= MAX_STORED_ANALYSIS_BYTES) return { fits: true, chart, warnings: [] };
  const specOnly = { ...chart, svg: null };
  if (resultBytes + size(specOnly) <= MAX_STORED_ANALYSIS_BYTES) {
    return {
      fits: true,
      chart: specOnly,
      warnings: [{ path: "plan.chart_type", code: "chart_not_stored", message: "The chart SVG is too large to keep in the history; it is returned here only." }],
    };
  }
  return {
    fits: true,
    chart: null,
    warnings: [{ path: "plan.chart_type", code: "chart_not_stored", message: "The chart is too large to keep in the history; it is returned here only." }],
  };
}
