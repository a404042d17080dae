import { EngineError } from "../errors";
import type { Column } from "../table/types";
import type { AggregateOp } from "./aggregate-op";

/**
 * The column an op runs on, checked against the op's accepted types: EngineError `missing_field` when a column
 * is needed and absent, `incompatible_type` when its type is not accepted. `path` is the plan path reported in
 * the problem (the caller knows it; validation normally catches both earlier).
 *
 * @example checkColumn(findAggregateOp("sum"), labelColumn) // throws incompatible_type: sum of a string column
 */
export function checkColumn(op: AggregateOp, column: Column | null, path = "plan.aggregations"): void {
  if (column === null) {
    if (op.columnOptional) return;
    const message = `${op.name} needs a column.`;
    throw new EngineError("missing_field", message, { problems: [{ path, code: "missing_field", message }] });
  }
  if (op.accepts.includes(column.type)) return;
  const message = `Cannot compute ${op.name} of ${column.type} column "${column.name}" (it accepts ${op.accepts.join(", ")} columns).`;
  throw new EngineError("incompatible_type", message, { problems: [{ path, code: "incompatible_type", message }] });
}
