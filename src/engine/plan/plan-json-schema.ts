import { z } from "zod";
import type { ColumnType } from "../table/types";
import { OPERATION_RULES, PLAN_FIELDS, type ColumnRole, type PlanField } from "./operation-rules";
import { MAX_COLUMN_NAME, OPERATIONS, PlanSchema, type Operation } from "./plan-schema";

/** A JSON Schema document (draft 2020-12) as a plain JSON object. */
export type JsonSchema = { [keyword: string]: unknown };

export interface PlanJsonSchemaOptions {
  /**
   * Add the per-operation rules as a top-level `allOf` of `if`/`then` (required fields, inapplicable fields
   * null, and with a dataset the column enums each operation accepts). Default true. Turn it off for tool APIs
   * that reject combinators at the top level; the plain object still constrains every field on its own.
   */
  readonly perOperationRules?: boolean;
}

const ROLES: readonly ColumnRole[] = ["target_column", "x_axis", "y_axis", "time_column"];
const isRole = (field: PlanField): field is ColumnRole => (ROLES as readonly string[]).includes(field);

/**
 * The plan's JSON Schema (draft 2020-12) with descriptions, for an LLM tool definition or any validator.
 * Generated from PlanSchema with zod's `toJSONSchema`, so it accepts what the schema accepts, then made
 * self-contained (no `$ref`: the root must be a plain object for tool definitions), `group_by` marked
 * `uniqueItems`, and the per-operation rules of OPERATION_RULES added (see PlanJsonSchemaOptions). Which
 * chart can draw which result (CHART_RULES) is not encoded: the server answers `chart_unsupported`.
 *
 * @example
 * const tool = { name: "execute_plan", input_schema: genericPlanJsonSchema() };
 */
export function genericPlanJsonSchema(options: PlanJsonSchemaOptions = {}): JsonSchema {
  const generated = z.toJSONSchema(PlanSchema, { target: "draft-2020-12", io: "input" }) as JsonSchema;
  const root = inlineRefs(generated, generated) as JsonSchema;
  delete root.$defs;
  const properties = root.properties as Record<string, JsonSchema>;
  properties.operation.description = describeOperations(OPERATIONS);
  properties.chart_type.description = "Optional chart of the result: line, bar, scatter, heatmap, box or histogram.";
  ((properties.group_by.anyOf as JsonSchema[])[0]).uniqueItems = true;
  const schema: JsonSchema = { $schema: "https://json-schema.org/draft/2020-12/schema", ...root };
  delete schema.$ref;
  if (options.perOperationRules !== false) schema.allOf = OPERATIONS.map((operation) => operationBranch(operation));
  return schema;
}

/**
 * The plan's JSON Schema for one dataset: every column field is an `enum` of the columns that can fill it,
 * so a model can only name real columns of a usable type.
 * - x_axis, y_axis: integer/float columns; time_column: datetime/integer/float; target_column: every column
 *   (count takes any), narrowed per operation in the `allOf` rules (mean/sum: integer/float/boolean,
 *   min/max: integer/float/datetime, std/median and forecast: integer/float); group_by, filter column: all.
 * - No `enum: []` is ever emitted (it is unsatisfiable and some tool APIs reject it): an operation whose
 *   required column has no candidate is left out of the `operation` enum (`count` always stays: it needs no
 *   column), and a field with no candidate becomes `{"type": "null"}` (arrays: null or empty), i.e. "leave it out".
 * - Names longer than the schema allows are left out (PlanSchema would refuse them anyway).
 * Enums are arrays, never objects keyed by column name, so `__proto__` is an ordinary column.
 *
 * @example
 * datasetPlanJsonSchema([{ name: "city", type: "string" }, { name: "sales", type: "float" }]);
 * // properties.x_axis.anyOf[0].enum = ["sales"]; properties.group_by.anyOf[0].items.enum = ["city", "sales"]
 */
export function datasetPlanJsonSchema(
  columns: readonly { readonly name: string; readonly type: ColumnType }[],
  options: PlanJsonSchemaOptions = {},
): JsonSchema {
  const usable = columns.filter((column) => column.name.length >= 1 && column.name.length <= MAX_COLUMN_NAME);
  const all = usable.map((column) => column.name);
  const candidates = (operation: Operation, role: ColumnRole): string[] => {
    const types = OPERATION_RULES[operation].columnTypes[role];
    return types === undefined ? all : usable.filter((column) => types.includes(column.type)).map((column) => column.name);
  };
  const operations = OPERATIONS.filter((operation) =>
    OPERATION_RULES[operation].required.every((field) => !isRole(field) || candidates(operation, field).length > 0),
  );

  const schema = genericPlanJsonSchema({ perOperationRules: false });
  const properties = schema.properties as Record<string, JsonSchema>;
  properties.operation = { ...properties.operation, enum: [...operations], description: describeOperations(operations) };
  for (const role of ROLES) {
    const users = operations.filter((operation) => usesField(operation, role));
    const names = all.filter((name) => users.some((operation) => candidates(operation, role).includes(name)));
    properties[role] = columnProperty(properties[role].description as string, names, true);
  }
  const groupBy = properties.group_by;
  properties.group_by = all.length === 0
    ? emptyArrayProperty(groupBy.description as string)
    : { ...groupBy, anyOf: [{ ...(groupBy.anyOf as JsonSchema[])[0], items: { type: "string", enum: all } }, { type: "null" }] };
  const filters = properties.filters;
  const filterArray = (filters.anyOf as JsonSchema[])[0];
  const [filter, group] = (filterArray.items as JsonSchema).anyOf as JsonSchema[];
  const withColumns = (single: JsonSchema): JsonSchema => {
    const fields = single.properties as Record<string, JsonSchema>;
    return { ...single, properties: { ...fields, column: { type: "string", enum: all, description: fields.column.description } } };
  };
  const groupFields = group.properties as Record<string, JsonSchema>;
  const groupWithColumns = { ...group, properties: { ...groupFields, any: { ...groupFields.any, items: withColumns(groupFields.any.items as JsonSchema) } } };
  properties.filters = all.length === 0
    ? emptyArrayProperty(filters.description as string)
    : { ...filters, anyOf: [{ ...filterArray, items: { anyOf: [withColumns(filter), groupWithColumns] } }, { type: "null" }] };

  if (options.perOperationRules !== false) {
    schema.allOf = operations.map((operation) => operationBranch(operation, (role) => candidates(operation, role)));
  }
  return schema;
}

function usesField(operation: Operation, field: PlanField): boolean {
  const rule = OPERATION_RULES[operation];
  return rule.required.includes(field) || rule.optional.includes(field);
}

/**
 * `if operation == X then ...`: required fields must be present and not null, inapplicable fields may only be
 * null (or an empty array), and with a dataset each column role is limited to the columns X accepts there.
 */
function operationBranch(operation: Operation, candidates?: (role: ColumnRole) => string[]): JsonSchema {
  const rule = OPERATION_RULES[operation];
  const then: Record<string, JsonSchema> = {};
  for (const field of PLAN_FIELDS) {
    if (!usesField(operation, field)) {
      then[field] = field === "group_by" || field === "filters" ? emptyArrayProperty() : { type: "null" };
    } else if (isRole(field) && (candidates !== undefined || rule.required.includes(field))) {
      const names = candidates?.(field);
      const nullable = !rule.required.includes(field);
      then[field] = names === undefined ? { type: "string" } : columnProperty(undefined, names, nullable);
    }
  }
  return {
    if: { properties: { operation: { const: operation } }, required: ["operation"] },
    then: { required: rule.required.filter(isRole), properties: then },
  };
}

/** A column field limited to `names`; with no name it can only be left out (null). */
function columnProperty(description: string | undefined, names: readonly string[], nullable: boolean): JsonSchema {
  const described = description === undefined ? {} : { description };
  if (names.length === 0) {
    const none = "No column of this dataset qualifies: leave it out.";
    return { description: description === undefined ? none : `${description} ${none}`, type: "null" };
  }
  const column = { type: "string", enum: [...names] };
  return nullable ? { ...described, anyOf: [column, { type: "null" }] } : { ...described, ...column };
}

function emptyArrayProperty(description?: string): JsonSchema {
  return { ...(description === undefined ? {} : { description }), anyOf: [{ type: "array", maxItems: 0 }, { type: "null" }] };
}

/** The `operation` description, generated from OPERATION_RULES so the prose cannot drift from the rules. */
function describeOperations(operations: readonly Operation[]): string {
  const lines = operations.map((operation) => {
    const rule = OPERATION_RULES[operation];
    const needs = rule.required.length > 0 ? `needs ${rule.required.join(" and ")}` : "needs nothing";
    const optional = rule.optional.filter((field) => field !== "filters" && field !== "chart_type");
    return `${operation}: ${needs}${optional.length > 0 ? `; optional ${optional.join(", ")}` : ""}`;
  });
  return `What to compute. ${lines.join(". ")}. filters and chart_type apply to every operation; any other field must be left out.`;
}

/** Replaces local `$ref`s with copies of their targets (the plan schema has no recursion). */
function inlineRefs(node: unknown, root: JsonSchema): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(item, root));
  if (node === null || typeof node !== "object") return node;
  const object = node as JsonSchema;
  if (typeof object.$ref === "string" && object.$ref.startsWith("#/$defs/")) {
    const target = (root.$defs as Record<string, unknown>)[object.$ref.slice("#/$defs/".length)];
    const { $ref: _ref, ...rest } = object;
    return { ...(inlineRefs(target, root) as JsonSchema), ...rest };
  }
  const copy: JsonSchema = {};
  for (const key of Object.keys(object)) copy[key] = inlineRefs(object[key], root);
  return copy;
}
