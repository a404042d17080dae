import { z } from "zod";
import { ColumnRefSchema, FilterConditionSchema, MAX_FILTERS } from "../plan/plan-fields";

/** The most items `limit` keeps (also the largest page of `rows`). */
export const MAX_RESULT_LIMIT = 1000;
/** Sort keys of `sort`. */
export const MAX_RESULT_SORT_KEYS = 5;
/** Rows a `rows` page holds when the plan gives no `limit`. */
export const DEFAULT_ROWS_LIMIT = 100;

/**
 * The pipeline fields that shape a list result after the operation: `having` keeps the items that pass filters
 * over the result's columns, `sort` orders them, `limit` keeps the first N. A list result is the groups of a
 * grouped result (its columns: the group_by keys and the result fields, e.g. an aggregation's name, `value`,
 * `count`, `coefficient`), the entries of value_counts (`value`, `count`, `proportion`) or the rows of `rows`
 * (their columns; no having there).
 */
export const HavingSchema = z.array(FilterConditionSchema).max(MAX_FILTERS).nullish().meta({
  description:
    "Grouped results and value_counts: keeps the groups (entries) whose result columns pass these filters, ANDed, after the operation: " +
    "`column` names a group_by column or a result field (an aggregation's name; value, count; coefficient...; value_counts: value, count, proportion). " +
    "Same operators and value rules as filters; a null result fails every test except !=, not_in and is_null.",
});

export const ResultSortKeySchema = z
  .strictObject({
    column: ColumnRefSchema.meta({ description: "A group_by column or a result field of a grouped result; value, count or proportion for value_counts; a returned column for rows." }),
    direction: z.enum(["asc", "desc"]).meta({ description: "asc or desc, always stated; missing (null) values sort last either way." }),
  })
  .meta({ id: "ResultSortKey", description: "One sort key of the result." });

export const ResultSortSchema = z.array(ResultSortKeySchema).max(MAX_RESULT_SORT_KEYS).nullish().meta({
  description:
    "Grouped results, value_counts and rows: orders the result by these keys, most significant first; stable, so ties keep the operation's order " +
    "(groups: key ascending; value_counts: count descending, then first appearance; rows: row order). Applied after having, before limit.",
});

export const LimitSchema = z.number().int().min(1).max(MAX_RESULT_LIMIT).nullish().meta({
  description:
    `Grouped results and value_counts: keep the first N groups (entries) after having and sort, e.g. top 5 with a descending sort; the result ` +
    `then says how many there were before the limit (total_groups, total_entries). rows: the page size (default ${DEFAULT_ROWS_LIMIT}, at most ${MAX_RESULT_LIMIT}).`,
});

export type ResultSortKey = z.output<typeof ResultSortKeySchema>;
