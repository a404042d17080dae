import { z } from "zod";
import { frameColumn, type Frame } from "../frame/frame";
import { ColumnRefSchema } from "../plan/plan-fields";
import type { Column } from "../table/types";

export const MAX_STEP_COLUMNS = 50;

/** A step's list of columns (duplicates are refused by the step's check). */
export const ColumnListSchema = z.array(ColumnRefSchema).min(1).max(MAX_STEP_COLUMNS);

/** The named columns of the frame, or every column of the frame when `names` is absent. */
export function columnsOf(frame: Frame, names: readonly string[] | undefined, path: string): Column[] {
  if (names === undefined) return [...frame.columns.values()];
  return names.map((name, i) => frameColumn(frame, name, `${path}[${i}]`));
}
