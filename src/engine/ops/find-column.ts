import { EngineError } from "../errors";
import type { Column, Table, ValueColumn } from "../table/types";

/**
 * The column a plan names. Validation has already checked names and types against the dataset, so a miss here
 * means the plan was executed without validation; it still fails with a precise, mappable error.
 *
 * @example findColumn(table, "price", "plan.target_column")
 */
export function findColumn(table: Table, name: string, path: string): Column {
  for (const column of table.columns) if (column.name === name) return column;
  throw new EngineError("unknown_column", `Column "${name}" does not exist in this dataset.`, {
    problems: [{ path, code: "unknown_column", message: `Column "${name}" does not exist.` }],
  });
}

/** The column a numeric computation reads; string columns cannot be averaged, regressed or forecast. */
export function findValueColumn(table: Table, name: string, path: string): ValueColumn {
  const column = findColumn(table, name, path);
  if (column.type === "string") {
    throw new EngineError("incompatible_type", `Column "${name}" holds text; this operation needs numbers.`, {
      problems: [{ path, code: "incompatible_type", message: `Column "${name}" is a string column.` }],
    });
  }
  return column;
}
