import { CASE_OPERATORS, COMPARISON_OPERATORS, FILTER_OPERATORS, TEXT_OPERATORS } from "./plan-fields";

/** A JSON Schema document (draft 2020-12) as a plain JSON object. */
export type JsonSchema = { [keyword: string]: unknown };

const whenOperator = (operators: readonly string[], then: JsonSchema): JsonSchema => ({
  if: { properties: { operator: { enum: [...operators] } }, required: ["operator"] },
  then,
});

const SCALAR: JsonSchema = { type: ["string", "number", "boolean"] };

/**
 * The value each filter operator takes, as JSON Schema rules on the filter object (so a model learns them from
 * the schema, and a validator refuses what validatePlan refuses): one value for comparisons and the text
 * operators (a string for those), a non-empty list for in/not_in, [low, high] for between, none for
 * is_null/not_null; `case_sensitive` only where text is compared.
 */
export const FILTER_VALUE_RULES: readonly JsonSchema[] = [
  whenOperator(COMPARISON_OPERATORS, { required: ["value"], properties: { value: SCALAR } }),
  whenOperator(["in", "not_in"], { required: ["value"], properties: { value: { type: "array", minItems: 1 } } }),
  whenOperator(["between"], { required: ["value"], properties: { value: { type: "array", minItems: 2, maxItems: 2, items: SCALAR } } }),
  whenOperator(["is_null", "not_null"], { not: { required: ["value"] } }),
  whenOperator(TEXT_OPERATORS, { required: ["value"], properties: { value: { type: "string" } } }),
  whenOperator(FILTER_OPERATORS.filter((op) => !(CASE_OPERATORS as readonly string[]).includes(op)), { not: { required: ["case_sensitive"] } }),
];

/**
 * A filter object schema with the operator rules added, and with a dataset the column limited to its columns
 * (text operators and `case_sensitive` to its string columns; with none, those can only be left out).
 */
export function withFilterRules(filter: JsonSchema, columns?: FilterColumns, conditional = true): JsonSchema {
  const rules: JsonSchema[] = [...FILTER_VALUE_RULES];
  let properties = filter.properties as Record<string, JsonSchema>;
  if (columns !== undefined) {
    properties = { ...properties, column: { type: "string", enum: [...columns.all], description: properties.column.description } };
    const stringColumn: JsonSchema = columns.strings.length > 0 ? { properties: { column: { enum: [...columns.strings] } } } : { not: {} };
    rules.push(whenOperator(TEXT_OPERATORS, stringColumn), { if: { required: ["case_sensitive"] }, then: stringColumn });
  }
  return conditional ? { ...filter, properties, allOf: rules } : { ...filter, properties };
}

/** A dataset's column names for filters: all of them, and the string ones (text operators, case_sensitive). */
export interface FilterColumns {
  readonly all: readonly string[];
  readonly strings: readonly string[];
}

/**
 * The `filters` property's schema with the rules above (unless `conditional` is false, for tool APIs that take no
 * if/then) and the dataset's columns, on both a filter and the filters of an {any} group.
 */
export function filtersWithRules(filters: JsonSchema, columns?: FilterColumns, conditional = true): JsonSchema {
  const [array, nullable] = filters.anyOf as JsonSchema[];
  const [filter, group] = (array.items as JsonSchema).anyOf as JsonSchema[];
  const groupFields = group.properties as Record<string, JsonSchema>;
  const groupWithRules = { ...group, properties: { ...groupFields, any: { ...groupFields.any, items: withFilterRules(groupFields.any.items as JsonSchema, columns, conditional) } } };
  return { ...filters, anyOf: [{ ...array, items: { anyOf: [withFilterRules(filter, columns, conditional), groupWithRules] } }, nullable] };
}
