import type { z } from "zod";
import type { ChartDraft, ChartInput } from "../charts/chart-context";
import type { EngineProblem } from "../errors";
import type { Frame } from "../frame/frame";
import type { TimeSeries } from "../forecast/average-by-time";
import type { Grouping } from "../ops/group-rows";
import type { ColumnIndex } from "../plan/check-columns";
import type { ChartType } from "../plan/plan-fields";
import type { GroupByItem } from "../plan/group-by-item";
import type { Plan } from "../plan/plan-schema";
import type { ColumnType } from "../table/types";

/**
 * A plan's fields by name as validation sees them (parsed; null means absent) and as execution sees them
 * (normalised): what the hooks below read. Declared apart from the plan schema, which is built from the modules.
 */
export interface PlanFields {
  readonly operation: string;
  readonly group_by?: readonly GroupByItem[] | null;
  readonly target_column?: string | null;
  readonly [field: string]: unknown;
}

/** Plan fields that name exactly one column; group_by and filters name columns of any type. */
export type ColumnRole = "target_column" | "x_axis" | "y_axis" | "time_column";

/**
 * What an operation needs and accepts, by plan field name: the one table behind validation, normalisation
 * defaults and the JSON Schemas, so the three cannot disagree.
 */
export interface OperationRule {
  /** Must be present (else `missing_field`). */
  readonly required: readonly string[];
  /** May be present; a field in neither list is `not_applicable`. */
  readonly optional: readonly string[];
  /** Column types each column role accepts for this operation (else `incompatible_type`). */
  readonly columnTypes: Readonly<Partial<Record<ColumnRole, readonly ColumnType[]>>>;
  /** Filled in by normalizePlan when absent. */
  readonly defaults: Readonly<Record<string, unknown>>;
}

/** What a chart rule looks at. Types are undefined when the plan was validated without a dataset. */
export interface ChartContext {
  /** One entry per group_by column, in order; empty when the plan is not grouped. */
  readonly groupKeyTypes: readonly (ColumnType | undefined)[];
  /** The type of target_column (aggregations, forecast), undefined when absent or unknown. */
  readonly targetType: ColumnType | undefined;
  readonly hasTarget: boolean;
  /** The plan as parsed, and the type of a column in scope (undefined without a dataset), for operations whose
   * columns are not target_column (aggregations, crosstab, tests, models). */
  readonly plan?: PlanFields;
  readonly typeOf?: (name: string) => ColumnType | undefined;
}

/**
 * How one chart type shows an operation's result. A chart that cannot be drawn for the result is a validation
 * error (`chart_unsupported`), so the client learns before anything runs; one that can be drawn but suits the
 * result poorly is a `chart_mismatch` warning: the result is right, only the picture is odd.
 */
export interface ChartSupport {
  /** True when the chart suits this result; unknown types count as fitting (no warning on a guess). */
  readonly fits: (context: ChartContext) => boolean;
  /** False when the chart cannot be drawn at all for this result. Absent: always drawable. */
  readonly drawable?: (context: ChartContext) => boolean;
  /** Completes "<chart> charts need ..." in the warning. */
  readonly needs: string;
  /** Draws the chart from the execution output; absent when the chart is never drawable. */
  readonly build?: (input: ChartInput) => ChartDraft;
}

/** The number of a result that bars, lines and heatmap cells show, and how the axis names it. */
export interface DrawnStatistic {
  readonly field: "value" | "coefficient" | "slope";
  readonly label: (plan: Plan) => string;
}

/** A field of one item of a list result (a group's fields, a value_counts entry, a row) that having and sort name. */
export interface ResultField {
  readonly name: string;
  /** Its type where the dataset is known (numbers are integer or float, ISO strings datetime). */
  readonly type: ColumnType | undefined;
  /** A list of values (mode): neither compared nor sorted. */
  readonly list?: boolean;
}

/**
 * How the pipeline fields `having`, `sort` and `limit` reach an operation's result. `groups`: the groups of a
 * grouped result (key columns and these fields; an ungrouped result has nothing to shape); `items`: the
 * operation's own list (value_counts entries, rows), which it shapes itself.
 */
export interface ResultShaping {
  readonly list: "groups" | "items";
  /** Whether `having` applies (rows are filtered by filters and steps instead). */
  readonly having: boolean;
  /** `sort` names columns in scope rather than result fields (rows: sort by any column, returned or not). */
  readonly sortsByColumn?: boolean;
  /** The item's fields (besides a group's key), typed through `typeOf` when the dataset is known. */
  readonly fields: (plan: PlanFields, typeOf: (name: string) => ColumnType | undefined) => ResultField[];
}

/**
 * Picks the column an example plan names: the `nth` column of one of these types in the dataset, or `fallback`
 * when there is no dataset; undefined when the dataset has too few such columns.
 */
export type ExamplePicker = (types: readonly ColumnType[], fallback: string, nth?: number) => string | undefined;

/** What an operation hands back: its result and what it computed on the way, so charts never redo the work. */
export interface OperationOutput {
  result: unknown;
  /** The groups the operation made (group_by), null when ungrouped. */
  grouping: Grouping | null;
  /** The series a forecast was fitted on. */
  series?: TimeSeries;
  /** What a chart draws that the result does not carry (a test's samples, a model's predicted and actual values). */
  chartData?: unknown;
  warnings?: EngineProblem[];
  /** The operation applied having / sort / limit itself (before building its result objects). */
  shaped?: boolean;
}

/** What execution offers an operation besides the frame. */
export interface ExecuteContext {
  /** Checks the plan's cost again once a size known only while running (Holt's series length) is known. */
  readonly checkCost: (seriesLength: number) => void;
}

/** What the cost estimate knows before running: rows in the table and, for Holt, the series length. */
export interface CostContext {
  readonly rows: number;
  readonly log2Rows: number;
  readonly grouped: boolean;
  readonly seriesLength: number;
}

/**
 * One operation of the plan language, everything about it in one module: its plan fields and rules, its cost,
 * how it runs over a frame, its result's words and the charts that can show it. Registered once in
 * `registry.ts`; validation, normalisation, the JSON Schemas, the cost cap, execution and charts all read it from
 * there.
 */
export interface OperationModule {
  readonly name: string;
  /** One line for the plan JSON Schema: what it computes. */
  readonly summary?: string;
  readonly rule: OperationRule;
  /** zod schemas of the plan fields that only some operations use (e.g. forecast's `horizon`). */
  readonly params?: Readonly<Record<string, z.ZodType>>;
  /** Work units of the operation itself (filters and group keys are counted by the caller). */
  readonly cost: (plan: Plan, context: CostContext) => number;
  readonly execute: (frame: Frame, plan: Plan, context: ExecuteContext) => OperationOutput;
  /** The operation in words for chart titles: "Mean of price", "Pearson correlation of x and y". */
  readonly describe: (plan: Plan) => string;
  readonly statistic?: DrawnStatistic;
  readonly charts: Readonly<Record<ChartType, ChartSupport>>;
  /** having / sort / limit on the result; absent: they do not apply. */
  readonly shaping?: ResultShaping;
  /**
   * Checks of the operation's own fields beyond the rule table: without `index` what needs no dataset (names,
   * parameters), with it the columns against the scope after the steps.
   */
  readonly check?: (plan: PlanFields, index?: ColumnIndex) => EngineProblem[];
  /** An example plan for the JSON Schemas (generic, or naming a dataset's columns); undefined when none fits. */
  readonly example?: (pick: ExamplePicker) => Record<string, unknown> | undefined;
  /** The operation's own fields in stored form (defaults filled, keys in order), applied by normalizePlan. */
  readonly normalize?: (plan: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/**
 * A chart this operation never draws: a validation error naming what the chart would need.
 *
 * @example neverDrawn("an ordered series; a correlation is one coefficient (use scatter)")
 */
export function neverDrawn(needs: string): ChartSupport {
  return { fits: () => false, drawable: () => false, needs };
}
