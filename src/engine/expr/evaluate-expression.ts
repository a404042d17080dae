import { tableRowIndexes, type Frame } from "../frame/frame";
import type { Column } from "../table/types";
import type { Compiled, EvalContext } from "./compiled";
import { numbersOf, stringsOf } from "./vector";

/** Window order and partitions for a derive step; frame order and one partition when absent. */
export interface WindowLayout {
  readonly order: Uint32Array;
  readonly segments: Uint32Array;
}

/**
 * The evaluation context of a frame: position p is `frame.rows[p]`; windows walk `layout.order` and restart
 * at each partition.
 */
export function evalContext(frame: Frame, layout?: WindowLayout): EvalContext {
  const size = frame.rows.length;
  if (layout !== undefined) return { frame, size, ...layout };
  // Frame order is the identity over positions: a view of the table's shared index (a frame never has more
  // positions than the table has rows), not a fresh array per evaluation.
  return { frame, size, order: tableRowIndexes(frame.table).subarray(0, size), segments: Uint32Array.of(0, size) };
}

/**
 * Evaluates a compiled expression over the frame's rows and stores the result as a column as long as the table
 * (rows outside the frame are missing), so every kernel keeps indexing columns by row number.
 *
 * @example evaluateToColumn(compiled, frame, "FamilySize").type // "integer"
 */
export function evaluateToColumn(compiled: Compiled, frame: Frame, name: string, layout?: WindowLayout): Column {
  const context = evalContext(frame, layout);
  const value = compiled.evaluate(context);
  const rows = frame.rows;
  const length = frame.table.rowCount;
  if (compiled.type === "string") {
    const { codes, dictionary } = stringsOf(value, context.size);
    const out = new Int32Array(length).fill(-1);
    for (let p = 0; p < rows.length; p++) out[rows[p]] = codes[p];
    const ordered = value.kind === "string" && value.ordered === true;
    return { name, type: "string", codes: out, dictionary, ...(ordered ? { ordered } : {}) };
  }
  const values = numbersOf(value, context.size);
  const out = new Float64Array(length).fill(Number.NaN);
  for (let p = 0; p < rows.length; p++) out[rows[p]] = values[p];
  return { name, type: compiled.type === "null" ? "float" : compiled.type, values: out };
}

/**
 * The frame's rows where a true/false expression is true (missing counts as false, as a pandas mask does), in
 * the frame's order.
 *
 * @example selectWhere(compiled, frame).length
 */
export function selectWhere(compiled: Compiled, frame: Frame): Uint32Array {
  const context = evalContext(frame);
  const mask = numbersOf(compiled.evaluate(context), context.size);
  const rows = frame.rows;
  const kept = new Uint32Array(rows.length);
  let count = 0;
  for (let p = 0; p < rows.length; p++) {
    kept[count] = rows[p];
    count += +(mask[p] === 1);
  }
  return kept.subarray(0, count);
}
