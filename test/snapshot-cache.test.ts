import { describe, expect, it } from "vitest";
import type { Table } from "../src/engine/table/types";
import { estimateTableBytes, SnapshotCache } from "../src/services/snapshot-cache";

const table = (rows: number): Table => ({ rowCount: rows, columns: [] });

describe("SnapshotCache", () => {
  it("evicts the least recently used entries to stay within its byte budget", () => {
    const cache = new SnapshotCache(100);
    cache.set("a", table(1), 40);
    cache.set("b", table(2), 40);
    expect(cache.get("a")?.rowCount).toBe(1); // a is now the most recent
    cache.set("c", table(3), 40); // evicts b
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.rowCount).toBe(1);
    expect(cache.get("c")?.rowCount).toBe(3);
    expect(cache.usedBytes).toBe(80);
  });

  it("never holds an entry larger than the whole budget and replaces an existing key", () => {
    const cache = new SnapshotCache(100);
    cache.set("big", table(1), 101);
    expect(cache.size).toBe(0);
    cache.set("a", table(1), 30);
    cache.set("a", table(2), 50);
    expect(cache.size).toBe(1);
    expect(cache.usedBytes).toBe(50);
    expect(cache.get("a")?.rowCount).toBe(2);
  });
});

describe("estimateTableBytes", () => {
  it("adds the decoded dictionary strings to the snapshot bytes", () => {
    const t: Table = {
      rowCount: 2,
      columns: [
        { name: "s", type: "string", codes: new Int32Array([0, 1]), dictionary: ["ab", "cdef"] },
        { name: "x", type: "float", values: new Float64Array([1, 2]) },
      ],
    };
    expect(estimateTableBytes(t, 100)).toBe(100 + (32 + 4) + (32 + 8));
  });
});
