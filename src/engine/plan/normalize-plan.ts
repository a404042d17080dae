import { operationModule } from "../operations/registry";
import { PLAN_KEYS, type Filter, type ParsedPlan, type Plan } from "./plan-schema";

/**
 * The form the engine executes, hashes and stores: `null` and absent fields removed, `filters`/`group_by`
 * always arrays, the operation's defaults filled in (forecast: horizon 12, linear, confidence 0.95;
 * correlation: pearson; regression: confidence 0.95), keys in one canonical order.
 *
 * It fills defaults but removes nothing else: a field that does not apply to the operation is kept (and is a
 * `not_applicable` error in validatePlan), because dropping it would be a silent fix. Idempotent:
 * `normalizePlan(normalizePlan(p))` deep-equals `normalizePlan(p)`. Filter values are kept as sent; the
 * executor coerces them with coerceFilterValue, as validation did.
 *
 * @example
 * normalizePlan({ operation: "forecast", target_column: "sales", time_column: "day", chart_type: null });
 * // { operation: "forecast", target_column: "sales", filters: [], group_by: [], time_column: "day",
 * //   horizon: 12, forecast_method: "linear", confidence: 0.95 }
 */
export function normalizePlan(parsed: ParsedPlan): Plan {
  const defaults = operationModule(parsed.operation).rule.defaults;
  const filled: Record<string, unknown> = {
    ...defaults,
    filters: ((parsed.filters ?? []) as Filter[]).map(normalizeFilter),
    group_by: [...(parsed.group_by ?? [])],
  };
  for (const key of PLAN_KEYS) {
    const value = (parsed as Record<string, unknown>)[key];
    if (value !== null && value !== undefined && key !== "filters" && key !== "group_by") filled[key] = value;
  }
  const plan: Record<string, unknown> = {};
  for (const key of PLAN_KEYS) if (filled[key] !== undefined) plan[key] = filled[key];
  return plan as unknown as Plan;
}

function normalizeFilter(filter: Filter): Filter {
  return { column: filter.column, operator: filter.operator, value: filter.value };
}

/**
 * Deterministic JSON of a plan for hashing (provenance `plan_sha256`): object keys sorted by code unit at every
 * depth, no whitespace, array order kept (filter and group_by order are meaningful). Two plans that mean the
 * same normalised thing give the same string whatever order their keys arrived in.
 *
 * @example
 * canonicalPlanJson(normalizePlan({ operation: "count" }));
 * // '{"filters":[],"group_by":[],"operation":"count"}'
 */
export function canonicalPlanJson(plan: Plan): string {
  return stringifySorted(plan);
}

function stringifySorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : stringifySorted(item))).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stringifySorted((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}
