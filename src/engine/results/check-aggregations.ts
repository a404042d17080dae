import { findAggregateOp } from "../aggregates/aggregate-ops";
import type { EngineProblem } from "../errors";
import type { ColumnIndex } from "../plan/check-columns";
import { groupByNames } from "../plan/group-by-item";
import type { PlanFields } from "../operations/operation";
import { makeProblem, quote } from "../plan/plan-problems";
import { suggestClosest } from "../plan/suggest-name";
import { aggregationName, DDOF_OPS, type Aggregation } from "./aggregation-spec";

/**
 * Checks a plan's `aggregations` (the schema has checked each item's shape):
 * - each op gets the fields it reads: a column unless it is count (`missing_field`), ddof only for std/var/sem
 *   and q/interpolation only for quantile (`not_applicable`);
 * - result names (`as`, or the default name) are unique, and differ from the group_by columns and from `key`,
 *   the name of each group's key object (`duplicate_name`, suggesting a free name);
 * - with the columns in scope (after the steps): the column exists (`unknown_column`, with the closest name) and
 *   the op accepts its type (`incompatible_type`, naming the types the op takes).
 *
 * @example checkAggregations({ operation: "aggregate", aggregations: [{ op: "mean" }] }).map((p) => p.path)
 * // ["plan.aggregations[0].column"]
 */
export function checkAggregations(plan: PlanFields, index?: ColumnIndex): EngineProblem[] {
  const aggregations = (plan.aggregations ?? []) as Aggregation[];
  const problems: EngineProblem[] = [];
  const keys = groupByNames(plan.group_by);
  const taken = new Map<string, number>();
  aggregations.forEach((aggregation, i) => {
    const at = (field?: string) => (field === undefined ? ["aggregations", i] : ["aggregations", i, field]);
    const { op } = aggregation;
    if (aggregation.column === undefined && op !== "count") problems.push(makeProblem(at("column"), "missing_field", `${op} needs a column`));
    if (aggregation.ddof !== undefined && !DDOF_OPS.includes(op)) problems.push(makeProblem(at("ddof"), "not_applicable", `ddof applies to std, var and sem, not ${op}; remove it`));
    for (const field of ["q", "interpolation"] as const) {
      if (aggregation[field] !== undefined && op !== "quantile") problems.push(makeProblem(at(field), "not_applicable", `${field} applies to quantile, not ${op}; remove it`));
    }
    const name = aggregationName(aggregation);
    const namePath = aggregation.as === undefined ? at() : at("as");
    const how = aggregation.as === undefined ? `The default name ${quote(name)} of aggregations[${i}]` : `as ${quote(name)}`;
    const free = freeName(name, taken, keys);
    if (taken.has(name)) {
      problems.push(makeProblem(namePath, "duplicate_name", `${how} is already the name of aggregations[${taken.get(name)}]; give this one another "as"`, free));
    } else if (keys.includes(name)) {
      problems.push(makeProblem(namePath, "duplicate_name", `${how} is also a group_by column; give this aggregation another "as"`, free));
    } else if (name === "key" && keys.length > 0) {
      problems.push(makeProblem(namePath, "duplicate_name", `"key" names each group's key object in a grouped result; give this aggregation another "as"`, free));
    }
    if (!taken.has(name)) taken.set(name, i);
    if (index !== undefined && aggregation.column !== undefined) problems.push(...checkColumn(aggregation, at("column"), index));
  });
  return problems;
}

function checkColumn(aggregation: Aggregation, path: readonly PropertyKey[], index: ColumnIndex): EngineProblem[] {
  const name = aggregation.column as string;
  const type = index.types.get(name);
  if (type === undefined) return [makeProblem(path, "unknown_column", `No column named ${quote(name)}`, suggestClosest(name, index.names))];
  const op = findAggregateOp(aggregation.op);
  if (op === undefined || op.accepts.includes(type)) return [];
  return [makeProblem(path, "incompatible_type", `${aggregation.op} takes ${describeTypes(op.accepts)} columns; ${quote(name)} is ${type}`)];
}

/** `name_2`, `name_3`... the first not yet used. */
function freeName(name: string, taken: ReadonlyMap<string, number>, keys: readonly string[]): string {
  for (let k = 2; ; k++) {
    const candidate = `${name}_${k}`;
    if (!taken.has(candidate) && !keys.includes(candidate)) return candidate;
  }
}

/** "integer, float, boolean or datetime" */
function describeTypes(types: readonly string[]): string {
  return types.length > 1 ? `${types.slice(0, -1).join(", ")} or ${types[types.length - 1]}` : types.join("");
}
