import { z } from "zod";
import { OPERATION_MODULES, OPERATIONS, type Operation } from "../operations/registry";
import { HavingSchema, LimitSchema, ResultSortSchema, type ResultSortKey } from "../results/shaping-schema";
import { StepsSchema } from "../steps/step-schema";
import { GroupByItemSchema, type GroupByItem } from "./group-by-item";
import { CHART_TYPES, ColumnRefSchema, FilterConditionSchema, MAX_FILTERS, MAX_GROUP_BY, type ChartType, type FilterCondition } from "./plan-fields";

export { CHART_TYPES, FILTER_OPERATORS, FilterSchema, MAX_COLUMN_NAME, MAX_FILTER_STRING, MAX_FILTERS, MAX_GROUP_BY } from "./plan-fields";
export type { ChartType, Filter, FilterCondition } from "./plan-fields";
export type { GroupByItem } from "./group-by-item";
export { OPERATIONS } from "../operations/registry";
export type { Operation } from "../operations/registry";

/** The fields every plan may carry, whatever its operation. */
const COMMON_SHAPE = {
  operation: z.enum(OPERATIONS),
  target_column: ColumnRefSchema.nullish().meta({ description: "Aggregations except count (optional there) and forecast. mean/sum accept numeric and boolean columns, std/median numeric ones, min/max numeric and datetime ones. test: the column tested (see test). ols, logistic: the column modelled." }),
  filters: z.array(FilterConditionSchema).max(MAX_FILTERS).nullish().meta({ description: "ANDed, applied before anything else (an {any: [...]} entry passes when one of its filters does)." }),
  group_by: z.array(GroupByItemSchema).max(MAX_GROUP_BY).nullish().meta({ description: "Aggregations, correlation and regression (crosstab: its two columns); each entry a column name or {column, granularity} for calendar periods of a datetime column; rows with a missing key are dropped; groups sorted by key ascending." }),
  x_axis: ColumnRefSchema.nullish().meta({ description: "Numeric column: correlation and regression (the regressor); test kendalltau." }),
  y_axis: ColumnRefSchema.nullish().meta({ description: "Numeric column: correlation and regression (the response); test kendalltau." }),
  time_column: ColumnRefSchema.nullish().meta({ description: "Datetime or numeric column: forecast." }),
  chart_type: z.enum(CHART_TYPES).nullish(),
};

/** Pipeline fields: they apply to every operation and come after the operation's own options. */
const PIPELINE_SHAPE = {
  steps: StepsSchema.nullish().meta({ description: "Data preparation, in order, after `filters` and before the operation: each step is {\"<kind>\": {...}}." }),
  having: HavingSchema,
  sort: ResultSortSchema,
  limit: LimitSchema,
};

/** The option fields of the first operations keep their historical order; later ones follow in registry order. */
const FIRST_PARAMS = ["horizon", "forecast_method", "method", "confidence"];

/**
 * The operation-specific fields, gathered from the registry. Two operations may share a field (regression and
 * forecast both take `confidence`) only by declaring the same schema, so a field means one thing everywhere.
 */
function collectParams(): Record<string, z.ZodType> {
  const found = new Map<string, z.ZodType>();
  for (const module of OPERATION_MODULES) {
    for (const [name, schema] of Object.entries((module as { params?: Record<string, z.ZodType> }).params ?? {})) {
      const known = found.get(name);
      if (known !== undefined && known !== schema) throw new Error(`Plan field ${name} is declared twice with different schemas`);
      if (Object.hasOwn(COMMON_SHAPE, name)) throw new Error(`Plan field ${name} is already a common field`);
      found.set(name, schema);
    }
  }
  const names = [...FIRST_PARAMS.filter((name) => found.has(name)), ...[...found.keys()].filter((name) => !FIRST_PARAMS.includes(name))];
  return Object.fromEntries(names.map((name) => [name, found.get(name)!]));
}

/**
 * The execution plan as clients send it. Strict: an unknown key is an error naming the key. Optional fields
 * accept `null` (as FastAPI clients send it) and mean "absent"; per-operation defaults are filled in by
 * `normalizePlan`, so the stored plan says exactly what was computed.
 */
export const PlanSchema = z
  .strictObject({ ...COMMON_SHAPE, ...collectParams(), ...PIPELINE_SHAPE })
  .meta({ id: "ExecutionPlan", description: "A JSON execution plan: what to compute over one dataset." });

/** Fields every operation accepts because they shape the rows before it runs (not part of operation rules). */
export const PIPELINE_FIELDS: readonly string[] = Object.keys(PIPELINE_SHAPE);

/** Every top-level plan key, in the order normalised plans, schemas and messages list them. */
export const PLAN_KEYS: readonly string[] = Object.keys(PlanSchema.shape);

export type PlanInput = z.input<typeof PlanSchema>;
export type ParsedPlan = z.output<typeof PlanSchema>;

/**
 * A validated plan with the defaults of its operation filled in: what the engine executes, what is hashed for
 * provenance and what is stored in the history. Fields that do not apply to the operation are absent. An
 * operation's own options (e.g. forecast's `horizon`) are read, typed, by its module.
 */
export interface Plan {
  operation: Operation;
  target_column?: string;
  filters: FilterCondition[];
  /** Column names, or `{column, granularity}` periods of a datetime column (key names: groupByNames). */
  group_by: GroupByItem[];
  x_axis?: string;
  y_axis?: string;
  time_column?: string;
  chart_type?: ChartType;
  /** Data-preparation steps, each `{"<kind>": body}` with its defaults filled in. */
  steps?: Array<Record<string, unknown>>;
  /** Shaping of a list result (results/shaping-schema.ts). */
  having?: FilterCondition[];
  sort?: ResultSortKey[];
  limit?: number;
  [option: string]: unknown;
}
