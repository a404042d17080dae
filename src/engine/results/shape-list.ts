import type { Frame } from "../frame/frame";
import type { OperationOutput } from "../operations/operation";
import { operationModule } from "../operations/registry";
import type { Grouping } from "../ops/group-rows";
import type { ParsedPlan, Plan } from "../plan/plan-schema";
import type { Table } from "../table/types";
import { resultColumns } from "./check-shaping";
import { resultColumn, shapeOrder, shapesResult } from "./shape-order";

type Groups = { groups: Array<Record<string, unknown> & { key: Record<string, unknown> }> };

/**
 * having / sort / limit over the groups of a grouped result (any operation whose module declares `groups`
 * shaping), applied to the result and to the grouping alike so a chart draws the groups the answer lists. With
 * `limit` the result also says how many groups passed having: `total_groups`. Other results, and plans without
 * shaping, are returned unchanged.
 *
 * @example shapeGroups(plan, frame, output).result // { groups: [top 3], total_groups: 12 }
 */
export function shapeGroups(plan: Plan, frame: Frame, output: OperationOutput): OperationOutput {
  const result = output.result as Groups;
  const module = operationModule(plan.operation);
  if (!shapesResult(plan) || module.shaping?.list !== "groups" || output.grouping === null || !Array.isArray(result?.groups)) return output;
  const columns = resultColumns(plan as unknown as ParsedPlan, (name) => frame.columns.get(name)?.type) ?? [];
  const groups = result.groups;
  // Only the columns having and sort name are built (a key column of 5,000 ISO dates is parsed only if sorted on).
  const named = new Set([...(plan.sort ?? []).map((key) => key.column), ...(plan.having ?? []).flatMap((c) => ("any" in c ? c.any : [c]).map((f) => f.column))]);
  const table: Table = {
    rowCount: groups.length,
    columns: columns.flatMap((column, i) =>
      !named.has(column.name)
        ? []
        : [resultColumn(column.name, column.type, column.key ? output.grouping!.keys.map((key) => key[i]) : groups.map((group) => group[column.name]))],
    ),
  };
  const { order, matched } = shapeOrder(table, plan);
  const shaped: Record<string, unknown> = { ...result, groups: Array.from(order, (g) => groups[g]) };
  if (plan.limit !== undefined) shaped.total_groups = matched;
  return { ...output, result: shaped, grouping: selectGroups(output.grouping, order) };
}

/**
 * The grouping restricted to the groups at `order`, renumbered in that order (rows of other groups get -1, as
 * rows with a missing key do).
 *
 * @example selectGroups(grouping, Uint32Array.of(2, 0)).keys // [keys[2], keys[0]]
 */
export function selectGroups(grouping: Grouping, order: Uint32Array): Grouping {
  let groupOf: Int32Array | undefined;
  // The renumbered group of every row is as long as the rows: made when a chart asks for it, not per plan.
  const renumbered = (): Int32Array => {
    const renumber = new Int32Array(grouping.keys.length).fill(-1);
    order.forEach((g, k) => (renumber[g] = k));
    const out = new Int32Array(grouping.groupOf.length);
    for (let i = 0; i < out.length; i++) out[i] = grouping.groupOf[i] < 0 ? -1 : renumber[grouping.groupOf[i]];
    return out;
  };
  return {
    rows: grouping.rows,
    get groupOf() {
      return (groupOf ??= renumbered());
    },
    keys: Array.from(order, (g) => grouping.keys[g]),
    sizes: Uint32Array.from(order, (g) => grouping.sizes[g]),
  };
}
