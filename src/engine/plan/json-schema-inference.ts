import { MODEL_EXAMPLES } from "../inference/model-params";
import { LAYOUT_FORMS, NUMERIC_TARGET_LAYOUTS, SAMPLE_FIELDS, TEST_EXAMPLES, TEST_NAMES, TEST_PARAMS, TEST_RULES, type SampleForm } from "../inference/test-rules";
import type { ColumnType } from "../table/types";
import type { JsonSchema } from "./json-schema-filters";

const NOT_NULL: JsonSchema = { not: { type: "null" } };
const NULL: JsonSchema = { type: "null" };
const isOperation = (operation: string): JsonSchema => ({ properties: { operation: { const: operation } }, required: ["operation"] });

/** The fields of one way of naming a test's samples: its own present and non-null, the other sample fields null, list sizes bounded. */
function formSchema(form: SampleForm): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of SAMPLE_FIELDS) {
    if (form.required.includes(field)) properties[field] = NOT_NULL;
    else if (!form.optional.includes(field)) properties[field] = NULL;
  }
  const most = form.count?.[1];
  if (most !== undefined && Number.isFinite(most)) {
    for (const field of ["groups", "sample_columns"] as const) {
      if (form.required.includes(field) || form.optional.includes(field)) properties[field] = { ...(properties[field] ?? {}), anyOf: [{ type: "array", maxItems: most }, NULL] };
    }
  }
  return { required: [...form.required], properties };
}

/**
 * The rules of the test and model operations that the per-operation branches of plan-json-schema.ts cannot say
 * (their fields are not column roles), as `if`/`then` entries for the schema's top-level `allOf`:
 * - `test` is required with operation test, and each test takes its own samples (one of its layout's forms:
 *   which fields, and how many groups or sample columns) and parameters (the others must be null);
 * - ols and logistic need predictors; a shuffled split needs random_state; logistic takes C only with penalty
 *   l2 and confidence only with penalty none.
 * What depends on values rather than on fields is left to the server: group values, a `predict` input's
 * columns, the expected proportions' total.
 *
 * @example inferenceBranches().length // 1 + 16 tests + 4 model rules
 */
export function inferenceBranches(): JsonSchema[] {
  const tests = TEST_NAMES.map((name) => {
    const rule = TEST_RULES[name];
    const forms = LAYOUT_FORMS[rule.layout].map(formSchema);
    const params: Record<string, JsonSchema> = {};
    for (const param of TEST_PARAMS) if (!rule.params.includes(param)) params[param] = NULL;
    for (const param of rule.required) params[param] = NOT_NULL;
    const then: JsonSchema = { required: [...rule.required], properties: params, ...(forms.length === 1 ? { allOf: forms } : { anyOf: forms }) };
    return { if: { ...isOperation("test"), allOf: [{ properties: { test: { const: name } }, required: ["test"] }] }, then };
  });
  const seededSplit: JsonSchema = { anyOf: [NULL, { properties: { shuffle: { const: false } }, required: ["shuffle"] }, { required: ["random_state"] }] };
  const penaltyNone: JsonSchema = { properties: { penalty: { const: "none" } }, required: ["penalty"] };
  return [
    { if: isOperation("test"), then: { required: ["test"], properties: { test: NOT_NULL } } },
    ...tests,
    ...["ols", "logistic"].map((operation) => ({ if: isOperation(operation), then: { required: ["predictors"], properties: { predictors: NOT_NULL, split: seededSplit } } })),
    { if: { ...isOperation("logistic"), allOf: [penaltyNone] }, then: { properties: { C: NULL } } },
    { if: { ...isOperation("logistic"), not: penaltyNone }, then: { properties: { confidence: NULL } } },
  ];
}

/**
 * Marks the test's lists as sets (`uniqueItems`): a group or a sample column named twice is an error, as a
 * group_by column named twice is; and adds one example plan per test to `test`'s description and one per model to
 * `predictors`', where a model writing a plan reads them.
 *
 * @example withInferenceProperties(properties) // properties.groups.anyOf[0].uniqueItems === true
 */
export function withInferenceProperties(properties: Record<string, JsonSchema>): void {
  for (const field of ["groups", "sample_columns"]) ((properties[field].anyOf as JsonSchema[])[0]).uniqueItems = true;
  const tests = TEST_NAMES.map((name) => JSON.stringify(TEST_EXAMPLES[name])).join(" ");
  properties.test = { ...properties.test, description: `${properties.test.description as string} One example per test: ${tests}` };
  const models = MODEL_EXAMPLES.map((plan) => JSON.stringify(plan)).join(" ");
  properties.predictors = { ...properties.predictors, description: `${properties.predictors.description as string} Examples: ${models}` };
}

/** A dataset's columns by what the inference fields accept. */
export interface InferenceColumns {
  readonly all: readonly string[];
  readonly numeric: readonly string[];
  /** Columns a model can take as a predictor (every type but datetime). */
  readonly predictors: readonly string[];
}

/**
 * Splits a dataset's columns by what the inference fields accept.
 *
 * @example inferenceColumns([{ name: "a", type: "float" }, { name: "d", type: "datetime" }]).predictors // ["a"]
 */
export function inferenceColumns(columns: ReadonlyArray<{ name: string; type: ColumnType }>): InferenceColumns {
  return {
    all: columns.map((c) => c.name),
    numeric: columns.filter((c) => c.type === "integer" || c.type === "float").map((c) => c.name),
    predictors: columns.filter((c) => c.type !== "datetime").map((c) => c.name),
  };
}

const enumOf = (names: readonly string[]): JsonSchema => (names.length === 0 ? { not: {} } : { type: "string", enum: [...names] });

/**
 * The column fields of tests and models limited to a dataset's columns: group_column any column, sample_columns
 * numeric ones, predictors any but datetimes (as names or `{column}`). `strict` gives only the dataset's names
 * (plans without steps); otherwise a name a derive step creates (`derived`) is allowed too.
 *
 * @example datasetInferenceProperties(properties, columns, true).group_column
 */
export function datasetInferenceProperties(properties: Record<string, JsonSchema>, columns: InferenceColumns, strict: boolean, derived: JsonSchema): Record<string, JsonSchema> {
  const name = (names: readonly string[]): JsonSchema => (strict ? enumOf(names) : { anyOf: [...(names.length > 0 ? [enumOf(names)] : []), derived] });
  const list = (property: JsonSchema, items: JsonSchema): JsonSchema => {
    const [array, nullable] = property.anyOf as JsonSchema[];
    return { ...property, anyOf: [{ ...array, items }, nullable] };
  };
  const predictors = properties.predictors;
  const [predictorArray] = predictors.anyOf as JsonSchema[];
  const [, predictorObject] = (predictorArray.items as JsonSchema).anyOf as JsonSchema[];
  const objectFields = predictorObject.properties as Record<string, JsonSchema>;
  return {
    group_column: { ...properties.group_column, anyOf: [name(columns.all), NULL] },
    sample_columns: list(properties.sample_columns, name(columns.numeric)),
    predictors: list(predictors, { anyOf: [name(columns.predictors), { ...predictorObject, properties: { ...objectFields, column: name(columns.predictors) } }] }),
  };
}

/**
 * With a dataset, each test's target_column limited to the columns it can measure: numeric columns for tests
 * of numbers, any column for the counting tests (chi2_contingency, chisquare). Applies under `condition`
 * (plans without steps).
 *
 * @example datasetTestBranches(columns, NO_STEPS).length // 16
 */
export function datasetTestBranches(columns: InferenceColumns, condition: JsonSchema): JsonSchema[] {
  return TEST_NAMES.map((test) => {
    const numeric = NUMERIC_TARGET_LAYOUTS.has(TEST_RULES[test].layout);
    const names = numeric ? columns.numeric : columns.all;
    return {
      if: { ...isOperation("test"), allOf: [{ properties: { test: { const: test } }, required: ["test"] }, condition] },
      then: { properties: { target_column: { anyOf: [...(names.length > 0 ? [enumOf(names)] : []), NULL] } } },
    };
  });
}
