import { z } from "zod";
import type { ColumnType } from "../table/types";
import { filtersWithRules, type JsonSchema } from "./json-schema-filters";
import { datasetInferenceProperties, datasetTestBranches, inferenceBranches, inferenceColumns, withInferenceProperties } from "./json-schema-inference";
import { inlineRefs } from "./json-schema-refs";
import { datasetResultProperties, groupByItems, operationExamples, resultBranches, withResultProperties } from "./json-schema-results";
import { stepsProperty } from "./json-schema-steps";
import { OPERATION_RULES, PLAN_FIELDS, type ColumnRole, type PlanField } from "./operation-rules";
import { operationModule } from "../operations/registry";
import { MAX_COLUMN_NAME, OPERATIONS, PlanSchema, type Operation } from "./plan-schema";

export type { JsonSchema } from "./json-schema-filters";

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
 * `uniqueItems`, each filter operator's value shape added as rules on the filter object, the steps described
 * kind by kind with the expression language and every function (from the registries), and the per-operation
 * rules of OPERATION_RULES added (see PlanJsonSchemaOptions). Which chart can draw which result is not
 * encoded: the server answers `chart_unsupported`.
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
  withInferenceProperties(properties);
  if (options.perOperationRules !== false) properties.filters = filtersWithRules(properties.filters);
  properties.steps = stepsProperty(properties.steps.description as string);
  withResultProperties(properties, options.perOperationRules !== false);
  const schema: JsonSchema = { $schema: "https://json-schema.org/draft/2020-12/schema", ...root };
  delete schema.$ref;
  if (options.perOperationRules !== false) schema.allOf = [...OPERATIONS.map((operation) => operationBranch(operation)), ...resultBranches(), ...inferenceBranches()];
  schema.examples = operationExamples(OPERATIONS);
  return schema;
}

/**
 * The plan's JSON Schema for one dataset, so a model names real columns of a usable type:
 * - Plans without steps: every column field is limited to the dataset's columns that can fill it, per operation
 *   (x_axis, y_axis: integer/float; time_column: datetime/integer/float; target_column: per operation, e.g.
 *   mean/sum integer/float/boolean, min/max integer/float/datetime; group_by: any), and operations whose required
 *   column has no candidate are left out. These rules sit in `allOf` branches that apply when `steps` is absent
 *   or empty.
 * - Plans with steps may also name the columns their derive steps create, so at the top level each column field
 *   offers the dataset's columns as an enum or any other name (described as a derived column), and every
 *   operation. Filters run before steps: their columns are always the dataset's (text operators and
 *   `case_sensitive` its string columns).
 * - No `enum: []` is ever emitted (it is unsatisfiable and some tool APIs reject it): a field with no candidate
 *   becomes `{"type": "null"}` (arrays: null or empty) in the no-steps rules.
 * - Names longer than the schema allows are left out (PlanSchema would refuse them anyway).
 * Enums are arrays, never objects keyed by column name, so `__proto__` is an ordinary column. With
 * `perOperationRules: false` only the top level remains (the enums then guide but do not bind).
 *
 * @example
 * datasetPlanJsonSchema([{ name: "city", type: "string" }, { name: "sales", type: "float" }]);
 * // properties.x_axis.anyOf[0].enum = ["sales"]; properties.group_by.anyOf[0].items.anyOf[0].enum = ["city", "sales"]
 */
export function datasetPlanJsonSchema(
  columns: readonly { readonly name: string; readonly type: ColumnType }[],
  options: PlanJsonSchemaOptions = {},
): JsonSchema {
  const usable = columns.filter((column) => column.name.length >= 1 && column.name.length <= MAX_COLUMN_NAME);
  const all = usable.map((column) => column.name);
  const strings = usable.filter((column) => column.type === "string").map((column) => column.name);
  const candidates = (operation: Operation, role: ColumnRole): string[] => {
    const types = OPERATION_RULES[operation].columnTypes[role];
    return types === undefined ? all : usable.filter((column) => types.includes(column.type)).map((column) => column.name);
  };
  const operations = OPERATIONS.filter((operation) =>
    OPERATION_RULES[operation].required.every((field) => !isRole(field) || candidates(operation, field).length > 0),
  );

  const schema = genericPlanJsonSchema({ perOperationRules: false });
  const properties = schema.properties as Record<string, JsonSchema>;
  const strict: Record<string, JsonSchema> = {
    operation: { enum: [...operations], description: describeOperations(operations) },
  };
  for (const role of ROLES) {
    const users = operations.filter((operation) => usesField(operation, role));
    const names = all.filter((name) => users.some((operation) => candidates(operation, role).includes(name)));
    strict[role] = columnProperty(properties[role].description as string, names, true);
    properties[role] = { ...properties[role], anyOf: [...(names.length > 0 ? [{ type: "string", enum: names }] : []), DERIVED, { type: "null" }] };
  }
  const groupBy = properties.group_by;
  const groupArray = (groupBy.anyOf as JsonSchema[])[0];
  const period = ((groupArray.items as JsonSchema).anyOf as JsonSchema[])[1];
  const schemaColumns = { all, typed: usable };
  strict.group_by = all.length === 0 ? emptyArrayProperty() : { anyOf: [{ ...groupArray, items: groupByItems(schemaColumns, period, true) }, { type: "null" }] };
  properties.group_by = { ...groupBy, anyOf: [{ ...groupArray, items: groupByItems(schemaColumns, period, false) }, { type: "null" }] };
  withResultProperties(properties, options.perOperationRules !== false);
  Object.assign(strict, datasetResultProperties(properties, schemaColumns, true));
  Object.assign(properties, datasetResultProperties(properties, schemaColumns, false));
  const inference = inferenceColumns(usable);
  Object.assign(strict, datasetInferenceProperties(properties, inference, true, DERIVED));
  Object.assign(properties, datasetInferenceProperties(properties, inference, false, DERIVED));
  properties.filters = all.length === 0
    ? emptyArrayProperty(properties.filters.description as string)
    : filtersWithRules(properties.filters, { all, strings }, options.perOperationRules !== false);

  schema.examples = operationExamples(operations, schemaColumns);
  if (options.perOperationRules !== false) {
    schema.allOf = [
      { if: NO_STEPS, then: { properties: strict } },
      ...operations.map((operation) => operationBranch(operation, (role) => candidates(operation, role), NO_STEPS)),
      ...OPERATIONS.map((operation) => operationBranch(operation)),
      ...resultBranches(),
      ...inferenceBranches(),
      ...datasetTestBranches(inference, NO_STEPS),
    ];
  }
  return schema;
}

/** A column a derive step of the same plan creates: any name, checked by the server against the steps. */
const DERIVED: JsonSchema = { type: "string", description: "A column created by a derive step of this plan." };

/** `steps` absent, null or empty: the plan names only the dataset's columns. */
const NO_STEPS: JsonSchema = {
  anyOf: [{ not: { required: ["steps"] } }, { properties: { steps: { anyOf: [{ type: "null" }, { type: "array", maxItems: 0 }] } } }],
};


/** List fields whose schema allows an empty list, which (like null) means the field is absent. */
const EMPTY_MEANS_ABSENT: ReadonlySet<string> = new Set(["group_by", "filters", "percentiles"]);

function usesField(operation: Operation, field: PlanField): boolean {
  const rule = OPERATION_RULES[operation];
  return rule.required.includes(field) || rule.optional.includes(field);
}

/**
 * `if operation == X (and the condition holds) then ...`: required fields must be present and not null,
 * inapplicable fields may only be null (or an empty array), and with candidates each column role is limited to
 * the columns X accepts there.
 */
function operationBranch(operation: Operation, candidates?: (role: ColumnRole) => string[], condition?: JsonSchema): JsonSchema {
  const rule = OPERATION_RULES[operation];
  const then: Record<string, JsonSchema> = {};
  for (const field of PLAN_FIELDS) {
    if (!usesField(operation, field)) {
      then[field] = EMPTY_MEANS_ABSENT.has(field) ? emptyArrayProperty() : { type: "null" };
    } else if (isRole(field) && (candidates !== undefined || rule.required.includes(field))) {
      const names = candidates?.(field);
      const nullable = !rule.required.includes(field);
      then[field] = names === undefined ? { type: "string" } : columnProperty(undefined, names, nullable);
    }
  }
  const when: JsonSchema = { properties: { operation: { const: operation } }, required: ["operation"] };
  return {
    if: condition === undefined ? when : { ...when, allOf: [condition] },
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
    const summary = operationModule(operation).summary;
    return `${operation}${summary === undefined ? "" : ` (${summary.replace(/\.$/, "")})`}: ${needs}${optional.length > 0 ? `; optional ${optional.join(", ")}` : ""}`;
  });
  return `What to compute. ${lines.join(". ")}. filters, chart_type and steps apply to every operation; having, sort and limit to grouped results, value_counts and rows; any other field must be left out.`;
}
