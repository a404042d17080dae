import { z } from "zod";

/**
 * The building blocks of the plan schema that every operation shares. A leaf module (it imports no operation),
 * so operation modules can use these schemas while the plan schema is assembled from the operation registry.
 */
/** The comparisons of the first plan language; they take one value. */
export const COMPARISON_OPERATORS = ["==", "!=", ">", "<", ">=", "<="] as const;
export const FILTER_OPERATORS = [
  ...COMPARISON_OPERATORS, "in", "not_in", "between", "is_null", "not_null", "contains", "starts_with", "ends_with",
] as const;
/** Operators that only apply to strings, and those whose match can ignore case. */
export const TEXT_OPERATORS = ["contains", "starts_with", "ends_with"] as const;
export const CASE_OPERATORS = ["==", "!=", "in", "not_in", "contains", "starts_with", "ends_with"] as const;
export const MAX_FILTER_VALUES = 1000;
export const CHART_TYPES = ["line", "bar", "scatter", "heatmap", "box", "histogram"] as const;

export const MAX_FILTERS = 20;
export const MAX_GROUP_BY = 3;
export const MAX_COLUMN_NAME = 1024;
export const MAX_FILTER_STRING = 65536;

export type ChartType = (typeof CHART_TYPES)[number];

export const ColumnRefSchema = z.string().min(1).max(MAX_COLUMN_NAME).meta({ description: "A column name of the dataset, exactly as listed in its `columns`." });

const FilterScalarSchema = z.union([z.string().max(MAX_FILTER_STRING), z.number(), z.boolean()]);

export const FilterSchema = z
  .strictObject({
    column: ColumnRefSchema,
    operator: z.enum(FILTER_OPERATORS).meta({
      description:
        "==, !=, >, <, >=, <= compare with `value`; in / not_in test membership in a list `value` (null in the list " +
        "matches missing values); between keeps low <= x <= high for `value` [low, high]; is_null / not_null take no " +
        "value; contains / starts_with / ends_with match a literal string in a string column.",
    }),
    value: z
      .union([FilterScalarSchema, z.array(z.union([FilterScalarSchema, z.null()])).max(MAX_FILTER_VALUES)])
      .optional()
      .meta({ description: "Compared with the column's values after coercion to the column's type (numbers, ISO 8601 for datetimes, true/false for booleans); a list for in, not_in and between; absent for is_null and not_null." }),
    case_sensitive: z.boolean().optional().meta({ description: "String columns, ==, !=, in, not_in, contains, starts_with, ends_with: false compares ignoring case (default true)." }),
  })
  .meta({ id: "Filter", description: "Keeps the rows whose `column` passes the test; a missing value fails every test except !=, not_in and is_null." });

export const FilterGroupSchema = z
  .strictObject({ any: z.array(FilterSchema).min(1).max(MAX_FILTERS).meta({ description: "Filters of which at least one must pass (OR)." }) })
  .meta({ id: "FilterGroup", description: "Keeps the rows that pass at least one of the filters in `any`." });

/** One entry of `filters`: a filter, or an OR group of filters. */
export const FilterConditionSchema = z.union([FilterSchema, FilterGroupSchema]);

export type Filter = z.output<typeof FilterSchema>;
export type FilterGroup = z.output<typeof FilterGroupSchema>;
export type FilterCondition = z.output<typeof FilterConditionSchema>;
export type FilterScalar = string | number | boolean;

/** The interval level of regression and forecast (one field, shared, so both describe it alike). */
export const ConfidenceSchema = z.number().gt(0).lt(1).nullish().meta({ description: "Interval level for forecast, regression, ols and logistic with penalty none (default 0.95)." });
