import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { type AnalysisRow, analyses } from "../db/schema";
import { ApiError } from "../errors";

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
    const text = `${(error as Error)?.message ?? error} ${(error as Error)?.cause ?? ""}`;
    if (text.includes("FOREIGN KEY")) throw new ApiError({ code: "not_found", message: "Dataset not found", cause: error });
    throw error;
  }
}

export const HISTORY_PAGE_SIZE = 100;
export const HISTORY_MAX_PAGE_SIZE = 500;
/** A page stops early past this many bytes of JSON, so a long history never has to fit in one response. */
export const HISTORY_MAX_PAGE_BYTES = 8 * 1024 * 1024;

export interface HistoryPage {
  items: AnalysisRecord[];
  /** Offset of the next page, or null when this page reaches the end. */
  nextOffset: number | null;
}

/**
 * One page of the history of a dataset the caller can see (the dataset lookup already checked owner and
 * expiry), newest first. Charts come without their SVG, which can weigh up to 1 MB each; `svg_url` names
 * where to fetch it.
 */
export async function listAnalyses(
  db: Database,
  userId: string,
  datasetId: string,
  { limit = HISTORY_PAGE_SIZE, offset = 0 }: { limit?: number; offset?: number } = {},
): Promise<HistoryPage> {
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
    .where(and(eq(analyses.datasetId, datasetId), eq(analyses.userId, userId)))
    // rowid breaks ties between calls in the same millisecond in insertion order.
    .orderBy(desc(analyses.executedAt), desc(sql`rowid`))
    .limit(limit + 1)
    .offset(offset);
  const items: AnalysisRecord[] = [];
  let bytes = 0;
  for (const row of rows.slice(0, limit)) {
    const chart = row.chart === null ? null : { ...JSON.parse(row.chart), svg: null, svg_url: row.hasSvg ? `/api/analytics/history/${row.sessionId}/${row.id}/chart.svg` : null };
    const item = toAnalysisRecord({ ...row, chart, datasetId, userId });
    bytes += JSON.stringify(item).length;
    if (items.length > 0 && bytes > HISTORY_MAX_PAGE_BYTES) return { items, nextOffset: offset + items.length };
    items.push(item);
  }
  return { items, nextOffset: rows.length > limit ? offset + limit : null };
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
