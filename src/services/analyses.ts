import { and, desc, eq, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { constraintViolation } from "../db/constraint-violation";
import { type AnalysisRow, analyses } from "../db/schema";
import { ApiError } from "../errors";
import { visibleDatasetOf, visibleDatasetQuery } from "./datasets";

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
export function toAnalysisRecord(row: Omit<AnalysisRow, "datasetId" | "userId">): AnalysisRecord {
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

export interface HistoryPageOptions {
  limit?: number;
  /** The cursor: only rows recorded before this one (a rowid from `nextBefore`). */
  before?: number;
  /** Byte budget of a page (tests lower it). */
  maxBytes?: number;
}

/**
 * Whose history: a user's calls on one dataset, named by its id or by its session id (the same rows: a session id
 * belongs to one dataset, and each row keeps both).
 */
export type HistoryScope = { userId: string } & ({ datasetId: string } | { sessionId: string });

/** UTF-8 bytes a row's JSON columns hold, computed by SQLite so the rows need not be loaded to be measured. */
const storedBytes = sql<number>`length(cast(${analyses.executionPlan} as blob)) + coalesce(length(cast(${analyses.result} as blob)), 0) + coalesce(length(cast(json_remove(${analyses.chart}, '$.svg') as blob)), 0)`;

/**
 * One page of a history, newest recorded first, as one statement (so it can share a D1 batch with the lookups
 * that authorise it): the newest `limit + 1` rows are measured in SQL first (`newest`), numbered with their
 * running byte total (`ranked`), and only the rows within the page's budget (at least one) are loaded. Pages are
 * keyed by the row's insertion order (`before` = the last rowid of the previous page), so calls recorded while a
 * client pages neither repeat nor skip rows. Charts come without their SVG, which can weigh up to 1 MB each.
 * Read the rows with `historyPageOf`.
 */
export function historyPageQuery(db: Database, scope: HistoryScope, { limit = HISTORY_PAGE_SIZE, before, maxBytes = HISTORY_MAX_PAGE_BYTES }: HistoryPageOptions = {}) {
  const where = and(
    "datasetId" in scope ? eq(analyses.datasetId, scope.datasetId) : eq(analyses.sessionId, scope.sessionId),
    eq(analyses.userId, scope.userId),
    before === undefined ? undefined : lt(sql`rowid`, before),
  );
  const newest = db
    .select({ rid: sql<number>`rowid`.as("rid"), bytes: storedBytes.as("bytes") })
    .from(analyses)
    .where(where)
    .orderBy(desc(sql`rowid`))
    .limit(limit + 1)
    .as("newest");
  const ranked = db
    .select({
      rid: newest.rid,
      n: sql<number>`row_number() over (order by ${newest.rid} desc)`.as("n"),
      running: sql<number>`sum(${newest.bytes}) over (order by ${newest.rid} desc rows unbounded preceding)`.as("running"),
      fetched: sql<number>`count(*) over ()`.as("fetched"),
    })
    .from(newest)
    .as("ranked");
  return db
    .select({
      rowid: ranked.rid,
      fetched: ranked.fetched,
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
    .from(ranked)
    .innerJoin(analyses, eq(sql`${analyses}.rowid`, ranked.rid))
    .where(and(lte(ranked.n, limit), or(eq(ranked.n, 1), lte(ranked.running, maxBytes))))
    .orderBy(desc(ranked.rid));
}

type HistoryPageRow = Awaited<ReturnType<typeof historyPageQuery>>[number];

/** The page `historyPageQuery`'s rows make, with the cursor of the next one when rows were left out. */
export function historyPageOf(rows: HistoryPageRow[]): HistoryPage {
  if (rows.length === 0) return { items: [], nextBefore: null };
  const items = rows.map(({ rowid: _rowid, fetched: _fetched, hasSvg, chart, ...row }) =>
    toAnalysisRecord({
      ...row,
      chart: chart === null ? null : { ...JSON.parse(chart), svg: null, svg_url: hasSvg ? `/api/analytics/history/${row.sessionId}/${row.id}/chart.svg` : null },
    }),
  );
  return { items, nextBefore: rows[0].fetched > rows.length ? rows[rows.length - 1].rowid : null };
}

/**
 * One page of the history of a dataset the caller can see (the dataset lookup already checked owner and
 * expiry), newest recorded first: see historyPageQuery.
 */
export async function listAnalyses(db: Database, userId: string, datasetId: string, options: HistoryPageOptions = {}): Promise<HistoryPage> {
  return historyPageOf(await historyPageQuery(db, { userId, datasetId }, options));
}

/**
 * One page of the history of the caller's dataset named by `sessionId` (404 when it is not theirs to see), as
 * historyPageQuery pages it: the dataset check and the page in one D1 batch.
 *
 * @example
 * const { items, nextBefore } = await sessionHistory(db, userId, sessionId, { limit: 50 });
 */
export async function sessionHistory(db: Database, userId: string, sessionId: string, page: HistoryPageOptions = {}): Promise<HistoryPage> {
  const [dataset, rows] = await db.batch([visibleDatasetQuery(db, userId, sessionId), historyPageQuery(db, { userId, sessionId }, page)]);
  visibleDatasetOf(dataset);
  return historyPageOf(rows);
}

/**
 * The chart of one of the caller's analyses on the dataset named by `sessionId` (whether the caller may still see
 * that dataset is the dataset lookup's to say): a query to run alone or in a batch; read it with chartSvgOf.
 */
export function chartSvgQuery(db: Database, userId: string, sessionId: string, analysisId: string) {
  return db
    .select({ chart: analyses.chart })
    .from(analyses)
    .where(and(eq(analyses.id, analysisId), eq(analyses.sessionId, sessionId), eq(analyses.userId, userId)))
    .limit(1);
}

/** The stored SVG in chartSvgQuery's rows, or a 404 when the analysis has none. */
export function chartSvgOf(rows: Array<{ chart: AnalysisRow["chart"] }>): string {
  const svg = (rows[0]?.chart as { svg?: unknown } | null | undefined)?.svg;
  if (typeof svg !== "string") throw new ApiError({ code: "not_found", message: "Chart not found" });
  return svg;
}

/**
 * The stored SVG of one analysis on the caller's dataset named by `sessionId`; 404 when the dataset is not theirs
 * to see or the analysis has no SVG. The dataset check and the chart in one D1 batch.
 *
 * @example
 * const svg = await sessionChartSvg(db, userId, sessionId, analysisId);
 */
export async function sessionChartSvg(db: Database, userId: string, sessionId: string, analysisId: string): Promise<string> {
  const [dataset, chart] = await db.batch([visibleDatasetQuery(db, userId, sessionId), chartSvgQuery(db, userId, sessionId, analysisId)]);
  visibleDatasetOf(dataset);
  return chartSvgOf(chart);
}
