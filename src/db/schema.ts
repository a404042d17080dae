import { sql } from "drizzle-orm";
import type { ColumnType } from "../engine/table/types";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * The original service's three tables (users, datasets, analyses) with the same columns, UUID text ids and
 * JSON columns, plus what the Workers design needs: a dataset status for the pending -> ready protocol, the R2
 * object keys, sha256, size and profile. Timestamps are epoch milliseconds so expiry is one integer compare.
 */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    username: text("username").notNull(),
    hashedPassword: text("hashed_password").notNull(),
    fullName: text("full_name"),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    // Case-insensitive uniqueness is enforced by the database, so two concurrent registrations cannot both win.
    uniqueIndex("users_email_lower_unique").on(sql`lower(${t.email})`),
    uniqueIndex("users_username_lower_unique").on(sql`lower(${t.username})`),
  ],
);

export type DatasetStatus = "pending" | "ready" | "deleting";

export const datasets = sqliteTable(
  "datasets",
  {
    id: text("id").primaryKey(),
    sessionId: text("session_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    status: text("status").$type<DatasetStatus>().notNull().default("pending"),
    /** R2 key of the original CSV bytes. */
    filePath: text("file_path").notNull(),
    /** R2 key of the columnar snapshot (Arrow IPC). */
    snapshotPath: text("snapshot_path").notNull(),
    rowCount: integer("row_count").notNull().default(0),
    columnCount: integer("column_count").notNull().default(0),
    columns: text("columns", { mode: "json" }).$type<string[]>().notNull(),
    columnTypes: text("column_types", { mode: "json" }).$type<Record<string, ColumnType>>().notNull(),
    profile: text("profile", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    sizeBytes: integer("size_bytes").notNull().default(0),
    sha256: text("sha256").notNull().default(""),
    uploadedAt: integer("uploaded_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("datasets_session_id_unique").on(t.sessionId),
    index("datasets_user_uploaded_idx").on(t.userId, t.uploadedAt),
    index("datasets_expires_at_idx").on(t.expiresAt),
    index("datasets_status_idx").on(t.status, t.uploadedAt),
  ],
);

export const analyses = sqliteTable(
  "analyses",
  {
    id: text("id").primaryKey(),
    datasetId: text("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sessionId: text("session_id").notNull(),
    // Nullable: a call whose plan is missing or null is still recorded.
    executionPlan: text("execution_plan", { mode: "json" }).$type<unknown>(),
    result: text("result", { mode: "json" }).$type<unknown>(),
    chart: text("chart", { mode: "json" }).$type<unknown>(),
    filteredRowCount: integer("filtered_row_count"),
    executionTimeMs: real("execution_time_ms"),
    success: integer("success", { mode: "boolean" }).notNull(),
    errorMessage: text("error_message"),
    executedAt: integer("executed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("analyses_dataset_executed_idx").on(t.datasetId, t.executedAt),
    index("analyses_user_idx").on(t.userId),
    index("analyses_session_id_idx").on(t.sessionId),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type DatasetRow = typeof datasets.$inferSelect;
export type AnalysisRow = typeof analyses.$inferSelect;
