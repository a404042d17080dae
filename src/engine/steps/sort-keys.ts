import { z } from "zod";
import { frameColumn, tableRowIndexes, type Frame } from "../frame/frame";
import { encodeKeyColumn } from "../ops/encode-key-column";
import { sortRows, type SortKey } from "../ops/sort-rows";
import { ColumnRefSchema } from "../plan/plan-fields";
import type { WindowLayout } from "../expr/evaluate-expression";

export const MAX_SORT_KEYS = 5;

export const SortKeySchema = z.strictObject({
  column: ColumnRefSchema,
  direction: z.enum(["asc", "desc"]).optional().meta({ description: "asc (default) or desc; missing values sort last either way." }),
});
export type SortKeyInput = z.output<typeof SortKeySchema>;

/** Sort keys with their direction spelled out (the stored form). */
export function normalizeSortKeys(keys: readonly SortKeyInput[]): Array<{ column: string; direction: "asc" | "desc" }> {
  return keys.map((key) => ({ column: key.column, direction: key.direction ?? "asc" }));
}

/** The frame's columns for sort keys. */
export function sortKeysOf(frame: Frame, keys: readonly SortKeyInput[], path: string): SortKey[] {
  return keys.map((key, i) => ({ column: frameColumn(frame, key.column, `${path}[${i}].column`), descending: key.direction === "desc" }));
}

/**
 * The order and partitions a derive step's windows walk: positions (indexes into frame.rows) sorted stably by
 * the partition columns and then by `order_by`, frame order breaking ties; rows whose partition key is missing
 * are left out (pandas `groupby(dropna=True)`: their window values are missing). Without either option, frame
 * order and one partition.
 *
 * @example windowLayout(frame, [{ column: "date" }], ["store"], "plan.steps[0].derive")
 */
export function windowLayout(frame: Frame, orderBy: readonly SortKeyInput[], partitionBy: readonly string[], path: string): WindowLayout | undefined {
  if (orderBy.length === 0 && partitionBy.length === 0) return undefined;
  const size = frame.rows.length;
  const all = tableRowIndexes(frame.table).subarray(0, size);
  // Key columns viewed by position (index p reads row frame.rows[p]), so positions can be sorted directly.
  const view = (column: ReturnType<typeof frameColumn>): SortKey["column"] =>
    column.type === "string" ? { ...column, codes: gather(column.codes, frame.rows, new Int32Array(size)) } : { ...column, values: gather(column.values, frame.rows, new Float64Array(size)) };
  const partitionColumns = partitionBy.map((name, i) => view(frameColumn(frame, name, `${path}.partition_by[${i}]`)));
  const ranks = partitionColumns.map((column) => encodeKeyColumn(column, all)!.ranks);
  const positions = ranks.length === 0 ? all : all.filter((p) => ranks.every((r) => r[p] >= 0));
  const keys: SortKey[] = [
    ...partitionColumns.map((column) => ({ column, descending: false })),
    ...sortKeysOf(frame, orderBy, `${path}.order_by`).map((key) => ({ ...key, column: view(key.column) })),
  ];
  const order = sortRows(positions, keys);
  const segments: number[] = [0];
  for (let k = 1; k < order.length; k++) {
    if (ranks.some((r) => r[order[k]] !== r[order[k - 1]])) segments.push(k);
  }
  segments.push(order.length);
  return { order, segments: Uint32Array.from(segments) };
}

/** `out[p] = source[rows[p]]`: a plain loop, as typed-array `from` with a map function goes through an iterator. */
function gather<T extends Int32Array | Float64Array>(source: T, rows: Uint32Array, out: T): T {
  for (let p = 0; p < rows.length; p++) out[p] = source[rows[p]];
  return out;
}
