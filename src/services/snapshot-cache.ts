import { decodeSnapshot } from "../engine/table/snapshot";
import type { Table } from "../engine/table/types";
import { readSnapshot } from "../storage/dataset-objects";

/**
 * Decoded tables kept in the isolate between requests, keyed by the dataset's sha256 (identical uploads share
 * one entry) and bounded by snapshot bytes, least recently used first out. An isolate has 128 MB; 48 MB of
 * snapshots leaves room for one upload being parsed and a plan being executed.
 */
export const SNAPSHOT_CACHE_BYTES = 48 * 1024 * 1024;

interface Entry {
  table: Table;
  bytes: number;
}

export class SnapshotCache {
  private readonly entries = new Map<string, Entry>();
  private used = 0;

  constructor(private readonly capacity = SNAPSHOT_CACHE_BYTES) {}

  get(key: string): Table | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-insert to mark as most recently used (Map iterates in insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.table;
  }

  set(key: string, table: Table, bytes: number): void {
    if (bytes > this.capacity) return;
    const existing = this.entries.get(key);
    if (existing) {
      this.used -= existing.bytes;
      this.entries.delete(key);
    }
    while (this.used + bytes > this.capacity) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(oldestKey);
      this.used -= oldest.bytes;
    }
    this.entries.set(key, { table, bytes });
    this.used += bytes;
  }

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.used;
  }
}

const isolateCache = new SnapshotCache();

/**
 * The dataset's table: from the isolate cache, else decoded from its R2 snapshot (never the CSV).
 * Returns null when the snapshot object is missing.
 */
export async function loadTable(bucket: R2Bucket, snapshotKey: string, sha256: string, cache = isolateCache): Promise<{ table: Table; cached: boolean } | null> {
  const hit = cache.get(sha256);
  if (hit) return { table: hit, cached: true };
  const bytes = await readSnapshot(bucket, snapshotKey);
  if (!bytes) return null;
  const table = decodeSnapshot(bytes);
  cache.set(sha256, table, bytes.byteLength);
  return { table, cached: false };
}
