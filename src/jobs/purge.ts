import { and, eq, inArray, lte, ne, or } from "drizzle-orm";
import type { Database } from "../db/client";
import { datasets } from "../db/schema";
import { removeDatasets } from "../services/datasets";
import { DATASET_PREFIX, datasetIdOfKey } from "../storage/dataset-objects";

/** Work bounds of one run, so a backlog is drained over several runs instead of blowing one invocation. */
export interface PurgeLimits {
  /** Datasets removed per batch (2 keys each in one R2 delete; ids stay under D1's 100 bound parameters). */
  batchSize: number;
  /** Batches per run. */
  maxBatches: number;
  /** R2 objects inspected per run for orphans. */
  maxListed: number;
  /** A pending upload older than this is abandoned. */
  stalePendingMs: number;
  /** An object younger than this is left alone (its upload may still be writing the row). */
  orphanGraceMs: number;
}

export const DEFAULT_PURGE_LIMITS: PurgeLimits = {
  batchSize: 50,
  maxBatches: 20,
  maxListed: 5000,
  stalePendingMs: 3_600_000,
  orphanGraceMs: 3_600_000,
};

export interface PurgeReport {
  expired: number;
  stale: number;
  orphanObjects: number;
  /** true when a bound was hit and the next run has more to do. */
  more: boolean;
}

/**
 * The hourly purge: expired datasets, stale `pending` uploads and interrupted deletions (objects, analyses,
 * rows), then R2 objects that have no row. Every step is idempotent: rerunning after an interruption finds
 * what is left and finishes it.
 *
 * @example
 * const report = await purgeDatasets(db, env.UPLOADS); // { expired: 3, stale: 0, orphanObjects: 0, more: false }
 */
export async function purgeDatasets(db: Database, bucket: R2Bucket, now = new Date(), limits = DEFAULT_PURGE_LIMITS): Promise<PurgeReport> {
  const report: PurgeReport = { expired: 0, stale: 0, orphanObjects: 0, more: false };
  const staleBefore = new Date(now.getTime() - limits.stalePendingMs);
  const doomed = or(
    and(eq(datasets.status, "ready"), lte(datasets.expiresAt, now)),
    and(ne(datasets.status, "ready"), lte(datasets.uploadedAt, staleBefore)),
    eq(datasets.status, "deleting"),
  );
  for (let batch = 0; batch < limits.maxBatches; batch++) {
    const rows = await db
      .select({ id: datasets.id, status: datasets.status, filePath: datasets.filePath, snapshotPath: datasets.snapshotPath })
      .from(datasets)
      .where(doomed)
      .limit(limits.batchSize);
    if (rows.length === 0) break;
    // Hide first: an expired row is already invisible, a stale pending one must not turn ready mid-purge.
    await db.update(datasets).set({ status: "deleting" }).where(inArray(datasets.id, rows.map((r) => r.id)));
    await removeDatasets(db, bucket, rows);
    for (const row of rows) {
      if (row.status === "ready") report.expired += 1;
      else report.stale += 1;
    }
    if (batch === limits.maxBatches - 1 && rows.length === limits.batchSize) report.more = true;
  }
  const orphans = await purgeOrphanObjects(db, bucket, now, limits);
  report.orphanObjects = orphans.removed;
  report.more ||= orphans.more;
  return report;
}

/**
 * Where the orphan sweep stopped when a run hit `maxListed`: the next run continues after this key, so every
 * object is eventually inspected however large the bucket; at the end of the keys the marker is removed and
 * the sweep starts over.
 */
export const ORPHAN_SWEEP_MARKER = "system/orphan-sweep-resume-after";

async function purgeOrphanObjects(db: Database, bucket: R2Bucket, now: Date, limits: PurgeLimits): Promise<{ removed: number; more: boolean }> {
  const marker = await bucket.get(ORPHAN_SWEEP_MARKER);
  const startAfter = marker ? await marker.text() : undefined;
  let cursor: string | undefined;
  let lastKey: string | undefined;
  let listed = 0;
  let removed = 0;
  const graceBefore = now.getTime() - limits.orphanGraceMs;
  do {
    const page = await bucket.list({ prefix: DATASET_PREFIX, cursor, startAfter: cursor ? undefined : startAfter, limit: Math.min(1000, limits.maxListed - listed) });
    listed += page.objects.length;
    lastKey = page.objects.at(-1)?.key ?? lastKey;
    const candidates = page.objects.filter((o) => o.uploaded.getTime() <= graceBefore);
    for (let i = 0; i < candidates.length; i += limits.batchSize) {
      const chunk = candidates.slice(i, i + limits.batchSize);
      const ids = [...new Set(chunk.map((o) => datasetIdOfKey(o.key)).filter((id): id is string => id !== null))];
      const known = new Set(
        ids.length ? (await db.select({ id: datasets.id }).from(datasets).where(inArray(datasets.id, ids))).map((r) => r.id) : [],
      );
      const orphanKeys = chunk.filter((o) => !known.has(datasetIdOfKey(o.key) ?? "")).map((o) => o.key);
      if (orphanKeys.length) {
        await bucket.delete(orphanKeys);
        removed += orphanKeys.length;
      }
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor && listed < limits.maxListed);
  const more = cursor !== undefined;
  if (more && lastKey) await bucket.put(ORPHAN_SWEEP_MARKER, lastKey);
  else if (marker) await bucket.delete(ORPHAN_SWEEP_MARKER);
  return { removed, more };
}
