import type { Grouping } from "../ops/group-rows";
import type { Column } from "../table/types";
import type { AggregateOp, AggregateParams, AggregateValue } from "./aggregate-op";
import { checkColumn } from "./check-column";

/** An op as written in its module: kernels that may assume an accepted column (non-null unless optional). */
export interface OpSpec<C extends Column | null> extends Omit<AggregateOp, "ungrouped" | "grouped"> {
  ungrouped(column: C, rows: Uint32Array, params: AggregateParams): AggregateValue;
  grouped(column: C, grouping: Grouping, params: AggregateParams): AggregateValue[];
}

/**
 * The registry form of an op: both kernels first check the column against `accepts` (EngineError
 * `incompatible_type` / `missing_field`), so a kernel body only ever sees a column it accepts.
 *
 * @example defineOp<Column>({ name: "first", accepts: ALL_TYPES, ... })
 */
export function defineOp<C extends Column | null>(spec: OpSpec<C>): AggregateOp {
  const op: AggregateOp = {
    ...spec,
    ungrouped(column, rows, params) {
      checkColumn(op, column);
      return spec.ungrouped(column as C, rows, params);
    },
    grouped(column, grouping, params) {
      checkColumn(op, column);
      return spec.grouped(column as C, grouping, params);
    },
  };
  return op;
}

/** Every column type. */
export const ALL_TYPES = ["integer", "float", "boolean", "datetime", "string"] as const;
/** Numbers, and booleans as 0/1 (pandas treats True as 1 in every numeric reduction). */
export const NUMERIC_TYPES = ["integer", "float", "boolean"] as const;
/** Numbers, booleans as 0/1, and datetimes (their instants on the time line). */
export const ORDERED_NUMERIC_TYPES = ["integer", "float", "boolean", "datetime"] as const;
