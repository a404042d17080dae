import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { jsonByteLength, ROW_BUDGET_BYTES } from "../db/row-size";
import { analyses, type DatasetRow, datasets } from "../db/schema";
import { parseCsv } from "../engine/csv/parse-csv";
import { EngineError } from "../engine/errors";
import { jsonRecord } from "../engine/json-record";
import { profileTable, type ColumnProfile } from "../engine/profile/profile-table";
import { encodeSnapshot } from "../engine/table/snapshot";
import type { ColumnType, Table } from "../engine/table/types";
import { sha256Hex } from "./sha256";
import { ApiError, engineApiError } from "../errors";
import { datasetKeys, deleteDatasetObjects, putDatasetObjects } from "../storage/dataset-objects";
import { measured, timed, type Timing } from "../timing";

/** Longest column name accepted: longer header cells are almost always a data row mistaken for a header. */
export const MAX_COLUMN_NAME_LENGTH = 256;
/** `top` values in the stored profile are shortened to this many characters so a row stays far below D1's 2 MB. */
export const MAX_PROFILE_VALUE_LENGTH = 200;

export interface DatasetMetadata {
  id: string;
  session_id: string;
  filename: string;
  row_count: number;
  column_count: number;
  columns: string[];
  column_types: Record<string, ColumnType>;
  size_bytes: number;
  sha256: string;
  uploaded_at: string;
  expires_at: string;
  profile: Record<string, ColumnProfile>;
}

/** The allowlist of dataset fields a response carries (no R2 keys, owner or status). */
export function toDatasetMetadata(row: DatasetRow): DatasetMetadata {
  return {
    id: row.id,
    session_id: row.sessionId,
    filename: row.filename,
    row_count: row.rowCount,
    column_count: row.columnCount,
    columns: row.columns,
    column_types: row.columnTypes,
    size_bytes: row.sizeBytes,
    sha256: row.sha256,
    uploaded_at: row.uploadedAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
    profile: row.profile as Record<string, ColumnProfile>,
  };
}

/** Parses the CSV, mapping the engine's reasons (with their line) to API errors. */
export function parseUpload(bytes: Uint8Array): Table {
  let table: Table;
  try {
    table = parseCsv(bytes);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    const line = error.details.line;
    throw engineApiError(error, [{ path: line ? `file:line ${line}` : "file", code: error.code, message: error.message }]);
  }
  const long = table.columns.findIndex((c) => c.name.length > MAX_COLUMN_NAME_LENGTH);
  if (long >= 0) {
    const message = `Column ${long + 1} has a header longer than ${MAX_COLUMN_NAME_LENGTH} characters; is the first line a header?`;
    throw new ApiError({ code: "invalid_csv", message, errors: [{ path: "file:line 1", code: "header_too_long", message }] });
  }
  return table;
}

/** The dataset's metadata (names, types, profile) keeps within D1's row budget. */
export const MAX_METADATA_BYTES = ROW_BUDGET_BYTES;

/**
 * The profile as stored: `top` strings shortened to `maxValueLength` characters. The row limit is in UTF-8
 * bytes, so a file of long non-ASCII names and values is measured and its `top` values shortened further
 * (to 40 characters), then its histograms left out (null), before it is refused.
 */
function storedProfile(table: Table, names: string[], types: Record<string, ColumnType>): Record<string, ColumnProfile> {
  const full = profileTable(table);
  for (const [maxValueLength, histograms] of [[MAX_PROFILE_VALUE_LENGTH, true], [40, true], [40, false]] as const) {
    for (const columnProfile of full.values()) {
      for (const entry of columnProfile.top ?? []) {
        if (typeof entry.value === "string" && entry.value.length > maxValueLength) entry.value = `${entry.value.slice(0, maxValueLength - 1)}…`;
      }
      if (!histograms && columnProfile.histogram !== undefined) columnProfile.histogram = null;
    }
    const profile = jsonRecord(full);
    if (jsonByteLength(names) + jsonByteLength(types) + jsonByteLength(profile) <= MAX_METADATA_BYTES) return profile;
  }
  const message = "The column names are too long to store with this many columns; shorten the header or split the file.";
  throw new ApiError({ code: "invalid_csv", message, errors: [{ path: "file:line 1", code: "metadata_too_large", message }] });
}

export interface UploadContext {
  db: Database;
  bucket: R2Bucket;
  userId: string;
  ttlMs: number;
  /** Where the upload's time goes: `engine` (parse, profile, snapshot), `db`, `storage`. */
  timing?: Timing;
}

/** A CSV as a client sends it: the multipart file of the upload route, or the text of the upload_csv tool. */
export interface CsvFile {
  filename: string;
  bytes: Uint8Array;
}

/**
 * Accepts a CSV however it arrived: at most `maxBytes` bytes (413) under a `.csv` name (415), the name kept to its
 * last 255 characters; then parsed and stored by createDataset with the same errors whatever the way in.
 *
 * @example
 * const metadata = await uploadCsv({ db, bucket, userId, ttlMs, maxBytes: config.maxUploadSize }, { filename: "sales.csv", bytes });
 */
export async function uploadCsv(ctx: UploadContext & { maxBytes: number }, file: CsvFile): Promise<DatasetMetadata> {
  if (file.bytes.byteLength > ctx.maxBytes) {
    throw new ApiError({ code: "payload_too_large", message: `The file exceeds the limit of ${ctx.maxBytes} bytes.` });
  }
  if (!/\.csv$/i.test(file.filename)) {
    throw new ApiError({ code: "unsupported_media_type", message: "Only CSV files are accepted: the file name must end in .csv." });
  }
  return createDataset(ctx, file.filename.slice(-255), file.bytes);
}

/**
 * Stores an upload so that a failure at any step leaves nothing visible and nothing the purge cannot find:
 * the row is written `pending` first, then the objects are put, then the row is marked `ready`. A pending
 * row older than an hour, and any object without a row, is removed by the hourly purge.
 */
export async function createDataset(ctx: UploadContext, filename: string, bytes: Uint8Array): Promise<DatasetMetadata> {
  const { table, columns, columnTypes, profile, snapshot } = measured(ctx.timing, "engine", () => {
    const table = parseUpload(bytes);
    const columns = table.columns.map((c) => c.name);
    const columnTypes = jsonRecord(table.columns.map((c) => [c.name, c.type] as const));
    return { table, columns, columnTypes, profile: storedProfile(table, columns, columnTypes), snapshot: encodeSnapshot(table) };
  });
  const sha256 = await sha256Hex(bytes);
  const id = crypto.randomUUID();
  const keys = datasetKeys(ctx.userId, id);
  const uploadedAt = new Date();
  const row: DatasetRow = {
    id,
    sessionId: crypto.randomUUID(),
    userId: ctx.userId,
    filename,
    status: "pending",
    filePath: keys.source,
    snapshotPath: keys.snapshot,
    rowCount: table.rowCount,
    columnCount: table.columns.length,
    columns,
    columnTypes,
    profile,
    sizeBytes: bytes.byteLength,
    sha256,
    uploadedAt,
    expiresAt: new Date(uploadedAt.getTime() + ctx.ttlMs),
  };
  await timed(ctx.timing, "db", () => ctx.db.insert(datasets).values(row));
  try {
    await timed(ctx.timing, "storage", () => putDatasetObjects(ctx.bucket, keys, bytes, snapshot, sha256));
    await timed(ctx.timing, "db", () => ctx.db.update(datasets).set({ status: "ready" }).where(eq(datasets.id, id)));
  } catch (error) {
    // Best effort now; whatever remains is found by the purge (stale pending row, or objects without a row).
    await Promise.allSettled([deleteDatasetObjects(ctx.bucket, keys), ctx.db.delete(datasets).where(eq(datasets.id, id))]);
    throw error;
  }
  return toDatasetMetadata({ ...row, status: "ready" });
}

/** Owner, readiness and expiry in one condition, so no query can forget one of them. */
function visibleTo(userId: string, now: Date) {
  return and(eq(datasets.userId, userId), eq(datasets.status, "ready"), gt(datasets.expiresAt, now));
}

/** The caller's visible datasets, newest first: a query to run alone or in a batch. */
export function listDatasetsQuery(db: Database, userId: string, now = new Date()) {
  return db.select().from(datasets).where(visibleTo(userId, now)).orderBy(desc(datasets.uploadedAt), desc(datasets.id));
}

export async function listDatasets(db: Database, userId: string, now = new Date()): Promise<DatasetMetadata[]> {
  return (await listDatasetsQuery(db, userId, now)).map(toDatasetMetadata);
}

/** A dataset as a listing shows it: DatasetMetadata without `id`, size, hash and profile. */
export interface DatasetSummary {
  session_id: string;
  filename: string;
  row_count: number;
  column_count: number;
  columns: string[];
  column_types: Record<string, ColumnType>;
  uploaded_at: string;
  expires_at: string;
}

/**
 * The caller's visible datasets, newest first, without their profiles (each can be most of a D1 row): what a
 * listing by name and shape needs (the list_datasets tool, the MCP resource lists).
 */
export async function listDatasetSummaries(db: Database, userId: string, now = new Date()): Promise<DatasetSummary[]> {
  const rows = await db
    .select({
      sessionId: datasets.sessionId,
      filename: datasets.filename,
      rowCount: datasets.rowCount,
      columnCount: datasets.columnCount,
      columns: datasets.columns,
      columnTypes: datasets.columnTypes,
      uploadedAt: datasets.uploadedAt,
      expiresAt: datasets.expiresAt,
    })
    .from(datasets)
    .where(visibleTo(userId, now))
    .orderBy(desc(datasets.uploadedAt), desc(datasets.id));
  return rows.map((row) => ({
    session_id: row.sessionId,
    filename: row.filename,
    row_count: row.rowCount,
    column_count: row.columnCount,
    columns: row.columns,
    column_types: row.columnTypes,
    uploaded_at: row.uploadedAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
  }));
}

/** The dataset of `sessionId` if the caller can see it (no row otherwise): a query to run alone or in a batch. */
export function visibleDatasetQuery(db: Database, userId: string, sessionId: string, now = new Date()) {
  return db
    .select()
    .from(datasets)
    .where(and(eq(datasets.sessionId, sessionId), visibleTo(userId, now)))
    .limit(1);
}

/** The row of `visibleDatasetQuery`, or a 404 that does not say whether it exists for someone else. */
export function visibleDatasetOf(rows: DatasetRow[]): DatasetRow {
  const [row] = rows;
  if (!row) throw new ApiError({ code: "not_found", message: "Dataset not found" });
  return row;
}

/** The caller's visible dataset, or a 404 that does not say whether it exists for someone else. */
export async function findDataset(db: Database, userId: string, sessionId: string, now = new Date()): Promise<DatasetRow> {
  return visibleDatasetOf(await visibleDatasetQuery(db, userId, sessionId, now));
}

/**
 * Deletes a dataset: hide the row (status `deleting`) in the same statement that checks the owner, delete the
 * objects, then delete the analyses and the row in one batch. Once hidden, the deletion has taken effect for
 * every route, so a failure of the later steps is not the caller's problem: it is returned (to be logged) and
 * the hourly purge finishes the job.
 */
export async function deleteDataset(
  db: Database,
  bucket: R2Bucket,
  userId: string,
  sessionId: string,
  now = new Date(),
  timing?: Timing,
): Promise<{ unfinished: string | null }> {
  const hidden = await timed(timing, "db", () =>
    db
      .update(datasets)
      .set({ status: "deleting" })
      .where(and(eq(datasets.sessionId, sessionId), visibleTo(userId, now)))
      .returning({ id: datasets.id, filePath: datasets.filePath, snapshotPath: datasets.snapshotPath }),
  );
  if (hidden.length === 0) throw new ApiError({ code: "not_found", message: "Dataset not found" });
  try {
    await removeDatasets(db, bucket, hidden, timing);
    return { unfinished: null };
  } catch (error) {
    return { unfinished: `delete of dataset ${hidden[0].id} left for the purge: ${(error as Error)?.message ?? error}` };
  }
}

/** Removes objects, then analyses and rows, for datasets already hidden from every route. */
export async function removeDatasets(
  db: Database,
  bucket: R2Bucket,
  rows: ReadonlyArray<{ id: string; filePath: string; snapshotPath: string }>,
  timing?: Timing,
): Promise<void> {
  if (rows.length === 0) return;
  await timed(timing, "storage", () => bucket.delete(rows.flatMap((r) => [r.filePath, r.snapshotPath])));
  const ids = rows.map((r) => r.id);
  await timed(timing, "db", () => db.batch([db.delete(analyses).where(inArray(analyses.datasetId, ids)), db.delete(datasets).where(inArray(datasets.id, ids))]));
}
