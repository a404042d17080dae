import { EngineError } from "../errors";
import { frameColumn, type Frame } from "../frame/frame";
import type { GroupByItem } from "../plan/group-by-item";
import type { Column, ValueColumn } from "../table/types";
import { periodStart } from "./period-start";

/**
 * The key column of each group_by entry over the frame: the named column itself, or for a period entry a
 * datetime column holding each selected row's period start ({@link periodStart}), named like its source so the
 * group's key reads `{"day": "2024-03-01T00:00:00.000Z"}`. The period column is as long as the table (as derived
 * columns are) and filled only at the frame's rows, which are the only positions grouping reads; it is valid
 * until the next call (its buffer is reused), so callers group (or cross-tabulate) and let it go.
 *
 * @example groupKeyColumns(frame, ["region", { column: "day", granularity: "month" }]).map((c) => c.type) // ["string", "datetime"]
 */
export function groupKeyColumns(frame: Frame, items: readonly GroupByItem[]): Column[] {
  return items.map((item, i) => {
    if (typeof item === "string") return frameColumn(frame, item, `plan.group_by[${i}]`);
    const source = frameColumn(frame, item.column, `plan.group_by[${i}].column`);
    if (source.type !== "datetime") {
      const message = `granularity needs a datetime column; "${item.column}" is ${source.type}.`;
      throw new EngineError("incompatible_type", message, { problems: [{ path: `plan.group_by[${i}].column`, code: "incompatible_type", message }] });
    }
    return periodColumn(source, frame.rows, item.granularity, i);
  });
}

/** One reusable buffer per group_by position, up to this many rows (8 MB a buffer at most stays allocated). */
const MAX_POOLED_ROWS = 1 << 20;
const pool: Float64Array[] = [];

/**
 * A period column lives only while its plan groups (its keys are copied out), so its buffer is reused by the next
 * plan: a fresh table-long array costs more in page faults than computing the periods.
 */
function bufferFor(position: number, length: number): Float64Array {
  if (length > MAX_POOLED_ROWS) return new Float64Array(length);
  let buffer = pool[position];
  if (buffer === undefined || buffer.length < length) buffer = pool[position] = new Float64Array(length);
  return buffer.subarray(0, length);
}

function periodColumn(source: ValueColumn, rows: Uint32Array, granularity: Parameters<typeof periodStart>[1], position: number): ValueColumn {
  const values = bufferFor(position, source.values.length);
  const from = source.values;
  for (let i = 0; i < rows.length; i++) values[rows[i]] = periodStart(from[rows[i]], granularity);
  return { name: source.name, type: "datetime", values };
}
