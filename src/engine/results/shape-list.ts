import type { Frame } from "../frame/frame";
import type { OperationOutput } from "../operations/operation";
import { operationModule } from "../operations/registry";
import type { ParsedPlan, Plan } from "../plan/plan-schema";
import { resultColumns } from "./check-shaping";
import { selectGroups } from "./select-groups";
import { shapeGroupOrder, shapesResult } from "./shape-order";

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
  if (output.shaped || !shapesResult(plan) || module.shaping?.list !== "groups" || output.grouping === null || !Array.isArray(result?.groups)) return output;
  const groups = result.groups;
  const columns = resultColumns(plan as unknown as ParsedPlan, (name) => frame.columns.get(name)?.type) ?? [];
  const { order, matched } = shapeGroupOrder(plan, columns, output.grouping, (name) => groups.map((group) => group[name]));
  const shaped: Record<string, unknown> = { ...result, groups: Array.from(order, (g) => groups[g]) };
  if (plan.limit !== undefined) shaped.total_groups = matched;
  return { ...output, result: shaped, grouping: selectGroups(output.grouping, order) };
}
