import { operationModule } from "../operations/registry";
import { normalizeResultFields } from "../results/normalize-result-fields";
import { stepEntry, stepModule } from "../steps/registry";
import { PLAN_KEYS, type Filter, type FilterCondition, type ParsedPlan, type Plan } from "./plan-schema";

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
  const module = operationModule(parsed.operation);
  const defaults = module.rule.defaults;
  const filled: Record<string, unknown> = {
    ...defaults,
    filters: ((parsed.filters ?? []) as FilterCondition[]).map(normalizeCondition),
    group_by: [...(parsed.group_by ?? [])],
  };
  for (const key of PLAN_KEYS) {
    const value = (parsed as Record<string, unknown>)[key];
    if (value !== null && value !== undefined && key !== "filters" && key !== "group_by") filled[key] = value;
  }
  // An empty step list means no steps: left out, so the plan (and its hash) is the one without steps.
  if (Array.isArray(filled.steps)) filled.steps = filled.steps.length === 0 ? undefined : (filled.steps as Array<Record<string, unknown>>).map(normalizeStep);
  Object.assign(filled, normalizeResultFields(filled), module.normalize?.(filled));
  const plan: Record<string, unknown> = {};
  for (const key of PLAN_KEYS) if (filled[key] !== undefined) plan[key] = filled[key];
  return plan as unknown as Plan;
}

/**
 * A filter in canonical key order. The first plan language's comparisons stay exactly as sent
 * ({column, operator, value}); the text operators get their `case_sensitive` default filled in.
 */
export function normalizeCondition(condition: FilterCondition): FilterCondition {
  if ("any" in condition) return { any: condition.any.map(normalizeFilter) };
  return normalizeFilter(condition);
}

function normalizeFilter(filter: Filter): Filter {
  const text = filter.operator === "contains" || filter.operator === "starts_with" || filter.operator === "ends_with";
  const out: Filter = { column: filter.column, operator: filter.operator };
  if (filter.value !== undefined) out.value = filter.value;
  if (filter.case_sensitive !== undefined || text) out.case_sensitive = filter.case_sensitive ?? true;
  return out;
}

function normalizeStep(step: Record<string, unknown>): Record<string, unknown> {
  const { kind, body } = stepEntry(step);
  return { [kind]: stepModule(kind).normalize(body) };
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
