import { decodeSnapshot } from "../engine/table/snapshot";
import type { Table } from "../engine/table/types";
import { readSnapshot } from "../storage/dataset-objects";
import { timed, type Timing } from "../timing";

/**
 * Decoded tables kept in the isolate between requests, keyed by dataset id and bounded by their estimated
 * memory (snapshot bytes plus the decoded dictionary strings), least recently used first out. An isolate has
 * 128 MB; 48 MB of tables leaves room for one upload being parsed and a plan being executed. Not keyed by
 * content hash: a cache shared between users would let one user time whether another uploaded the same file.
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

/** Bytes a V8 string of `length` UTF-16 units costs, header included (two bytes per unit is the upper bound). */
const STRING_OVERHEAD = 32;

/**
 * Memory a decoded table holds: the snapshot bytes it views plus every dictionary string, which decoding
 * materialises (one million short distinct strings add ~20 MB to a 15 MB snapshot).
 *
 * @example estimateTableBytes(table, snapshot.byteLength) // >= snapshot.byteLength
 */
export function estimateTableBytes(table: Table, snapshotBytes: number): number {
  let bytes = snapshotBytes;
  for (const column of table.columns) {
    if (column.type !== "string") continue;
    for (const value of column.dictionary) bytes += STRING_OVERHEAD + 2 * value.length;
  }
  return bytes;
}

/**
 * The dataset's table: from the isolate cache, else decoded from its R2 snapshot (never the CSV), the read and
 * the decoding timed as `storage`. Returns null when the snapshot object is missing.
 */
export async function loadTable(bucket: R2Bucket, datasetId: string, snapshotKey: string, cache = isolateCache, timing?: Timing): Promise<Table | null> {
  const hit = cache.get(datasetId);
  if (hit) return hit;
  return timed(timing, "storage", async () => {
    const bytes = await readSnapshot(bucket, snapshotKey);
    if (!bytes) return null;
    const table = decodeSnapshot(bytes);
    cache.set(datasetId, table, estimateTableBytes(table, bytes.byteLength));
    return table;
  });
}
