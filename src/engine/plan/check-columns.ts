import type { EngineProblem } from "../errors";
import type { Column, ColumnType, Table } from "../table/types";
import { operationModule } from "../operations/registry";
import { groupByName } from "./group-by-item";
import type { ColumnRole, PlanField } from "./operation-rules";
import { makeProblem, quote } from "./plan-problems";
import type { ParsedPlan } from "./plan-schema";
import { suggestClosest } from "./suggest-name";

/** What validation needs to know about a dataset: its columns and, when loaded, the table (for warnings). */
export interface PlanDataset {
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
  readonly table?: Table;
}

/** Column lookups keyed by name. Maps, never plain objects: a column may be called `__proto__`. */
export interface ColumnIndex {
  readonly names: readonly string[];
  readonly types: ReadonlyMap<string, ColumnType>;
  readonly data: ReadonlyMap<string, Column>;
}

/**
 * Indexes a dataset's columns by name.
 *
 * @example
 * indexColumns({ columns: [{ name: "age", type: "integer" }] }).types.get("age"); // "integer"
 */
export function indexColumns(dataset: PlanDataset): ColumnIndex {
  const names = dataset.columns.map((column) => column.name);
  const types = new Map(dataset.columns.map((column) => [column.name, column.type] as const));
  const data = new Map((dataset.table?.columns ?? []).map((column) => [column.name, column] as const));
  return { names, types, data };
}

const ROLES: readonly ColumnRole[] = ["target_column", "x_axis", "y_axis", "time_column"];

/**
 * Resolves every column the operation names against the columns in scope: it must exist (`unknown_column`, with
 * the closest name as `suggestion`) and have a type the operation accepts (`incompatible_type`; a group_by period
 * entry needs a datetime column). Fields that do
 * not apply to the operation are skipped: they already carry a `not_applicable` error. (Filters are
 * check-filters.ts's, steps check-steps.ts's.)
 *
 * @example
 * checkColumns({ operation: "mean", target_column: "Age" }, indexColumns({ columns: [{ name: "age", type: "integer" }] }));
 * // [{ path: "plan.target_column", code: "unknown_column", message: 'No column named "Age"', suggestion: "age" }]
 */
export function checkColumns(plan: ParsedPlan, index: ColumnIndex): EngineProblem[] {
  const problems: EngineProblem[] = [];
  const rule = operationModule(plan.operation).rule;
  const applies = (field: PlanField) => rule.required.includes(field) || rule.optional.includes(field);

  for (const role of ROLES) {
    const name = plan[role];
    if (name === null || name === undefined || !applies(role)) continue;
    const type = index.types.get(name);
    if (type === undefined) {
      problems.push(unknownColumn([role], name, index));
      continue;
    }
    const accepted = rule.columnTypes[role];
    if (accepted !== undefined && !accepted.includes(type)) {
      problems.push(makeProblem([role], "incompatible_type", `${plan.operation} needs ${describeTypes(accepted)} column as ${role}; ${quote(name)} is ${type}`));
    }
  }
  if (applies("group_by")) {
    (plan.group_by ?? []).forEach((item, i) => {
      const name = groupByName(item);
      const path = typeof item === "string" ? ["group_by", i] : ["group_by", i, "column"];
      const type = index.types.get(name);
      if (type === undefined) problems.push(unknownColumn(path, name, index));
      else if (typeof item !== "string" && type !== "datetime") {
        problems.push(makeProblem(path, "incompatible_type", `granularity needs a datetime column; ${quote(name)} is ${type}`));
      }
    });
  }
  return problems;
}

function unknownColumn(path: readonly PropertyKey[], name: string, index: ColumnIndex): EngineProblem {
  return makeProblem(path, "unknown_column", `No column named ${quote(name)}`, suggestClosest(name, index.names));
}

/** "an integer or float", "an integer, float or boolean" */
function describeTypes(types: readonly ColumnType[]): string {
  const list = types.length > 1 ? `${types.slice(0, -1).join(", ")} or ${types[types.length - 1]}` : types.join("");
  return `${/^[aeiou]/.test(list) ? "an" : "a"} ${list}`;
}
