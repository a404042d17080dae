import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { constraintViolation } from "../db/constraint-violation";
import { type AnalysisRow, analyses } from "../db/schema";
import { ApiError } from "../errors";
import { findDataset } from "./datasets";

export interface AnalysisRecord {
  id: string;
  session_id: string;
  execution_plan: unknown;
  result: unknown;
  chart: unknown;
  filtered_row_count: number | null;
  execution_time_ms: number | null;
  success: boolean;
  error_message: string | null;
  executed_at: string;
}

/** The allowlist of analysis fields a response carries. */
export function toAnalysisRecord(row: AnalysisRow): AnalysisRecord {
  return {
    id: row.id,
    session_id: row.sessionId,
    execution_plan: row.executionPlan,
    result: row.result ?? null,
    chart: row.chart ?? null,
    filtered_row_count: row.filteredRowCount,
    execution_time_ms: row.executionTimeMs,
    success: row.success,
    error_message: row.errorMessage,
    executed_at: row.executedAt.toISOString(),
  };
}

/**
 * Stores one execute call. The dataset row can vanish between the lookup and this insert (a concurrent DELETE
 * or the purge): the foreign key then refuses the row, and the call answers 404 like any other request on a
 * dataset that no longer exists.
 */
export async function recordAnalysis(db: Database, row: AnalysisRow): Promise<void> {
  try {
    await db.insert(analyses).values(row);
  } catch (error) {
    if (constraintViolation(error)?.kind === "foreign_key") throw new ApiError({ code: "not_found", message: "Dataset not found", cause: error });
    throw error;
  }
}

export const HISTORY_PAGE_SIZE = 100;
export const HISTORY_MAX_PAGE_SIZE = 500;
/** A page stops early past this many bytes of stored JSON, so no page has to fit more than this in memory. */
export const HISTORY_MAX_PAGE_BYTES = 8 * 1024 * 1024;

export interface HistoryPage {
  items: AnalysisRecord[];
  /** Cursor of the next page (`before`), or null when this page reaches the end. */
  nextBefore: number | null;
}

/** UTF-8 bytes a row's JSON columns hold, computed by SQLite so the rows need not be loaded to be measured. */
const storedBytes = sql<number>`length(cast(${analyses.executionPlan} as blob)) + coalesce(length(cast(${analyses.result} as blob)), 0) + coalesce(length(cast(json_remove(${analyses.chart}, '$.svg') as blob)), 0)`;

/**
 * One page of the history of a dataset the caller can see (the dataset lookup already checked owner and
 * expiry), newest recorded first. Pages are keyed by the row's insertion order (`before` = the last rowid of
 * the previous page), so calls recorded while a client pages neither repeat nor skip rows. The rows' sizes are
 * summed in SQL first and only the rows within HISTORY_MAX_PAGE_BYTES (at least one) are loaded. Charts come
 * without their SVG, which can weigh up to 1 MB each; `svg_url` names where to fetch it.
 */
export async function listAnalyses(
  db: Database,
  userId: string,
  datasetId: string,
  { limit = HISTORY_PAGE_SIZE, before }: { limit?: number; before?: number } = {},
): Promise<HistoryPage> {
  const scope = and(
    eq(analyses.datasetId, datasetId),
    eq(analyses.userId, userId),
    before === undefined ? undefined : lt(sql`rowid`, before),
  );
  const sizes = await db
    .select({ rowid: sql<number>`rowid`, bytes: storedBytes })
    .from(analyses)
    .where(scope)
    .orderBy(desc(sql`rowid`))
    .limit(limit + 1);
  let taken = 0;
  let total = 0;
  for (const { bytes } of sizes.slice(0, limit)) {
    if (taken > 0 && total + bytes > HISTORY_MAX_PAGE_BYTES) break;
    total += bytes;
    taken += 1;
  }
  if (taken === 0) return { items: [], nextBefore: null };
  const last = sizes[taken - 1].rowid;
  const rows = await db
    .select({
      id: analyses.id,
      sessionId: analyses.sessionId,
      executionPlan: analyses.executionPlan,
      result: analyses.result,
      chart: sql<string | null>`json_remove(${analyses.chart}, '$.svg')`,
      hasSvg: sql<number>`coalesce(json_type(${analyses.chart}, '$.svg') = 'text', 0)`,
      filteredRowCount: analyses.filteredRowCount,
      executionTimeMs: analyses.executionTimeMs,
      success: analyses.success,
      errorMessage: analyses.errorMessage,
      executedAt: analyses.executedAt,
    })
    .from(analyses)
    .where(and(scope, gte(sql`rowid`, last)))
    .orderBy(desc(sql`rowid`));
  const items = rows.map((row) => {
    const chart = row.chart === null ? null : { ...JSON.parse(row.chart), svg: null, svg_url: row.hasSvg ? `/api/analytics/history/${row.sessionId}/${row.id}/chart.svg` : null };
    return toAnalysisRecord({ ...row, chart, datasetId, userId });
  });
  return { items, nextBefore: sizes.length > taken ? last : null };
}

/**
 * One page of the history of the caller's dataset named by `sessionId` (404 when it is not theirs to see), as
 * listAnalyses pages it.
 *
 * @example
 * const { items, nextBefore } = await sessionHistory(db, userId, sessionId, { limit: 50 });
 */
export async function sessionHistory(db: Database, userId: string, sessionId: string, page: { limit?: number; before?: number } = {}): Promise<HistoryPage> {
  const dataset = await findDataset(db, userId, sessionId);
  return listAnalyses(db, userId, dataset.id, page);
}

/** The stored SVG of one analysis on a dataset the caller can see, or null when it has none. */
export async function findChartSvg(db: Database, userId: string, datasetId: string, analysisId: string): Promise<string | null> {
  const [row] = await db
    .select({ chart: analyses.chart })
    .from(analyses)
    .where(and(eq(analyses.id, analysisId), eq(analyses.datasetId, datasetId), eq(analyses.userId, userId)))
    .limit(1);
  const svg = (row?.chart as { svg?: unknown } | null | undefined)?.svg;
  return typeof svg === "string" ? svg : null;
}

/**
 * The stored SVG of one analysis on the caller's dataset named by `sessionId`; 404 when the dataset is not theirs
 * to see or the analysis has no SVG.
 *
 * @example
 * const svg = await sessionChartSvg(db, userId, sessionId, analysisId);
 */
export async function sessionChartSvg(db: Database, userId: string, sessionId: string, analysisId: string): Promise<string> {
  const dataset = await findDataset(db, userId, sessionId);
  const svg = await findChartSvg(db, userId, dataset.id, analysisId);
  if (svg === null) throw new ApiError({ code: "not_found", message: "Chart not found" });
  return svg;
}
