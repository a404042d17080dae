import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ColumnType } from "../table/types";
import { inferenceBranches } from "./json-schema-inference";
import { datasetPlanJsonSchema, genericPlanJsonSchema, type JsonSchema } from "./plan-json-schema";
import { resultBranches } from "./json-schema-results";
import { OPERATION_RULES, PLAN_FIELDS } from "./operation-rules";
import { CHART_TYPES, FILTER_OPERATORS, OPERATIONS } from "./plan-schema";
import { validatePlan } from "./validate-plan";

/**
 * A minimal draft 2020-12 validator for exactly the keywords these schemas use (no new package for tests).
 * It throws on any keyword it does not know, so a schema change cannot slip past it unvalidated.
 */
const ANNOTATIONS = new Set(["$schema", "description", "title", "if", "then", "examples"]);
function validate(schema: JsonSchema, value: unknown): boolean {
  for (const [keyword, arg] of Object.entries(schema)) {
    if (!ANNOTATIONS.has(keyword) && !checkKeyword(keyword, arg, value, schema)) return false;
  }
  if (schema.if !== undefined && schema.then !== undefined && validate(schema.if as JsonSchema, value)) return validate(schema.then as JsonSchema, value);
  return true;
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case "null": return value === null;
    case "string": return typeof value === "string";
    case "boolean": return typeof value === "boolean";
    case "number": return typeof value === "number";
    case "integer": return Number.isInteger(value);
    case "array": return Array.isArray(value);
    case "object": return value !== null && typeof value === "object" && !Array.isArray(value);
    default: throw new Error(`unknown type ${type}`);
  }
}

function checkKeyword(keyword: string, arg: unknown, value: unknown, schema: JsonSchema): boolean {
  const object = value as Record<string, unknown>;
  const isObject = typeMatches("object", value);
  switch (keyword) {
    case "type": return (Array.isArray(arg) ? arg : [arg]).some((t) => typeMatches(t as string, value));
    case "enum": return (arg as unknown[]).some((option) => option === value);
    case "const": return arg === value;
    case "anyOf": return (arg as JsonSchema[]).some((s) => validate(s, value));
    case "allOf": return (arg as JsonSchema[]).every((s) => validate(s, value));
    case "properties":
      return !isObject || Object.entries(arg as Record<string, JsonSchema>).every(([key, s]) => !Object.hasOwn(object, key) || validate(s, object[key]));
    case "additionalProperties": {
      const declared = Object.keys((schema.properties ?? {}) as object);
      const extra = isObject ? Object.keys(object).filter((key) => !declared.includes(key)) : [];
      if (arg === false) return extra.length === 0;
      return extra.every((key) => validate(arg as JsonSchema, object[key]));
    }
    case "propertyNames": return !isObject || Object.keys(object).every((key) => validate(arg as JsonSchema, key));
    case "required": return !isObject || (arg as string[]).every((key) => Object.hasOwn(object, key));
    case "items": return !Array.isArray(value) || value.every((item) => validate(arg as JsonSchema, item));
    case "maxItems": return !Array.isArray(value) || value.length <= (arg as number);
    case "minItems": return !Array.isArray(value) || value.length >= (arg as number);
    case "not": return !validate(arg as JsonSchema, value);
    case "uniqueItems": return !Array.isArray(value) || arg !== true || new Set(value.map((v) => JSON.stringify(v))).size === value.length;
    case "minLength": return typeof value !== "string" || value.length >= (arg as number);
    case "maxLength": return typeof value !== "string" || value.length <= (arg as number);
    case "minimum": return typeof value !== "number" || value >= (arg as number);
    case "maximum": return typeof value !== "number" || value <= (arg as number);
    case "exclusiveMinimum": return typeof value !== "number" || value > (arg as number);
    case "exclusiveMaximum": return typeof value !== "number" || value < (arg as number);
    default: throw new Error(`keyword ${keyword} not supported by the test validator`);
  }
}

const COLUMNS: { name: string; type: ColumnType }[] = [
  { name: "a", type: "integer" }, { name: "b", type: "float" }, { name: "c", type: "boolean" },
  { name: "d", type: "datetime" }, { name: "e", type: "string" }, { name: "__proto__", type: "string" },
];

const props = (schema: JsonSchema) => schema.properties as Record<string, JsonSchema>;
/** The rules a dataset schema applies to plans without steps (the first allOf branch). */
const strictOf = (schema: JsonSchema) => props((schema.allOf as JsonSchema[])[0].then as JsonSchema);
const enumOf = (property: JsonSchema): unknown => (property.anyOf as JsonSchema[] | undefined)?.[0]?.enum ?? property.enum;

describe("genericPlanJsonSchema", () => {
  const schema = genericPlanJsonSchema();

  it("is a self-contained draft 2020-12 object schema with descriptions", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["operation"]);
    expect(JSON.stringify(schema)).not.toContain("$ref");
    expect(props(schema).operation.enum).toEqual([...OPERATIONS]);
    expect(props(schema).operation.description).toContain("forecast: needs target_column and time_column; optional horizon, forecast_method, confidence");
    expect(props(schema).target_column.description).toEqual(expect.any(String));
    expect((schema.allOf as unknown[]).length).toBe(OPERATIONS.length + resultBranches().length + inferenceBranches().length);
  });

  it("without per-operation rules it is a plain object zod can read back", () => {
    const flat = genericPlanJsonSchema({ perOperationRules: false });
    expect(flat.allOf).toBeUndefined();
    const back = z.fromJSONSchema(flat as never);
    expect(back.safeParse({ operation: "mean", target_column: "x", filters: [{ column: "a", operator: "==", value: 1 }] }).success).toBe(true);
    expect(back.safeParse({ operation: "mean", colour: 1 }).success).toBe(false);
    expect(back.safeParse({ operation: "forecast", horizon: 366 }).success).toBe(false);
  });

  it("carries one example plan per operation, each valid", () => {
    const examples = schema.examples as Array<{ operation: string }>;
    expect(examples.map((example) => example.operation)).toEqual([...OPERATIONS]);
    for (const example of examples) {
      expect(validatePlan(example).errors, JSON.stringify(example)).toEqual([]);
      expect(validate(schema, example), JSON.stringify(example)).toBe(true);
    }
  });

  it("validates instances as validatePlan does", () => {
    expect(validate(schema, { operation: "mean", target_column: "x" })).toBe(true);
    expect(validate(schema, { operation: "mean" })).toBe(false);
    expect(validate(schema, { operation: "mean", target_column: "x", horizon: 3 })).toBe(false);
    expect(validate(schema, { operation: "count", group_by: ["a", "a"] })).toBe(false);
    expect(validate(schema, { operation: "forecast", target_column: "v", time_column: "t", group_by: [] })).toBe(true);
  });
});

describe("datasetPlanJsonSchema", () => {
  const schema = datasetPlanJsonSchema(COLUMNS);
  const branch = (operation: string) =>
    ((schema.allOf as JsonSchema[]).find((b) => ((b.if as JsonSchema).properties as Record<string, JsonSchema> | undefined)?.operation.const === operation)?.then ?? {}) as JsonSchema;

  it("puts the columns each role accepts in enums", () => {
    const p = props(schema);
    expect(enumOf(p.x_axis)).toEqual(["a", "b"]);
    expect(enumOf(p.y_axis)).toEqual(["a", "b"]);
    expect(enumOf(p.time_column)).toEqual(["a", "b", "d"]);
    expect(enumOf(p.target_column)).toEqual(["a", "b", "c", "d", "e", "__proto__"]);
    const groupItems = ((p.group_by.anyOf as JsonSchema[])[0].items as JsonSchema).anyOf as JsonSchema[];
    expect((groupItems[0].anyOf as JsonSchema[])[0].enum).toEqual(["a", "b", "c", "d", "e", "__proto__"]);
    // A period entry names a datetime column.
    expect(((props(groupItems[1]).column.anyOf as JsonSchema[])[0]).enum).toEqual(["d"]);
    const filter = props((((p.filters.anyOf as JsonSchema[])[0].items as JsonSchema).anyOf as JsonSchema[])[0]);
    expect(filter.column.enum).toEqual(["a", "b", "c", "d", "e", "__proto__"]);
    // Without steps the plan can only name the dataset's columns; with steps, derived names too.
    const strictItems = ((strictOf(schema).group_by.anyOf as JsonSchema[])[0].items as JsonSchema).anyOf as JsonSchema[];
    expect(strictItems[0].enum).toEqual(["a", "b", "c", "d", "e", "__proto__"]);
    expect(props(strictItems[1]).column.enum).toEqual(["d"]);
    expect(validate(schema, { operation: "count", group_by: [{ column: "d", granularity: "month" }] })).toBe(true);
    expect(validate(schema, { operation: "count", group_by: [{ column: "a", granularity: "month" }] })).toBe(false);
    expect(validate(schema, { operation: "mean", target_column: "zz" })).toBe(false);
    expect(validate(schema, { operation: "mean", target_column: "zz", steps: [{ derive: { name: "zz", expr: "a * 2" } }] })).toBe(true);
    expect(props(branch("mean")).target_column.enum).toEqual(["a", "b", "c"]);
    expect(props(branch("median")).target_column.enum).toEqual(["a", "b"]);
    expect(props(branch("max")).target_column.enum).toEqual(["a", "b", "d"]);
    expect(enumOf(props(branch("count")).target_column)).toEqual(["a", "b", "c", "d", "e", "__proto__"]);
  });

  it("gives examples that name the dataset's columns, each valid on it", () => {
    const examples = schema.examples as Array<{ operation: string }>;
    expect(examples.length).toBeGreaterThan(10);
    expect(examples.find((example) => example.operation === "aggregate")).toEqual({
      operation: "aggregate",
      aggregations: [{ op: "median", column: "a" }, { op: "quantile", column: "a", q: 0.9, as: "p90" }, { op: "count" }],
      group_by: ["c"],
      sort: [{ column: "median_a", direction: "desc" }],
      limit: 5,
    });
    for (const example of examples) {
      expect(validatePlan(example, { columns: COLUMNS }).errors, JSON.stringify(example)).toEqual([]);
      expect(validate(schema, example), JSON.stringify(example)).toBe(true);
    }
  });

  it("with no numeric column, drops the operations that need one and never emits an empty enum", () => {
    const only = datasetPlanJsonSchema([{ name: "city", type: "string" }, { name: "day", type: "datetime" }]);
    // A test counts text values (chisquare, chi2_contingency) and a logistic model takes a two-class text target.
    expect(strictOf(only).operation.enum).toEqual(["count", "min", "max", "aggregate", "value_counts", "describe", "crosstab", "rows", "argmax", "argmin", "test", "logistic"]);
    expect(strictOf(only).x_axis).toEqual({ description: expect.stringContaining("No column of this dataset qualifies"), type: "null" });
    expect(enumOf(props(only).time_column)).toBeUndefined();
    expect(JSON.stringify(only)).not.toContain('"enum":[]');
    expect(validate(only, { operation: "count", group_by: ["city"] })).toBe(true);
    expect(validate(only, { operation: "mean", target_column: "city" })).toBe(false);
    expect(validate(only, { operation: "max", target_column: "day" })).toBe(true);
    expect(validate(only, { operation: "max", target_column: "city" })).toBe(false);
    // Aggregations name a column of a type their op accepts.
    expect(validate(only, { operation: "aggregate", aggregations: [{ op: "mode", column: "city" }, { op: "max", column: "day" }] })).toBe(true);
    expect(validate(only, { operation: "aggregate", aggregations: [{ op: "mean", column: "city" }] })).toBe(false);
    expect(validate(only, { operation: "aggregate", aggregations: [{ op: "skew", column: "day" }] })).toBe(false);
  });

  it("with no column at all, only counting rows (and listing them) is possible", () => {
    const empty = datasetPlanJsonSchema([]);
    expect(strictOf(empty).operation.enum).toEqual(["count", "aggregate", "crosstab", "rows", "test"]);
    expect(validate(empty, { operation: "aggregate", aggregations: [{ op: "count" }] })).toBe(true);
    expect(validate(empty, { operation: "aggregate", aggregations: [{ op: "count", column: "x" }] })).toBe(false);
    expect(validate(empty, { operation: "crosstab", group_by: ["x", "y"] })).toBe(false);
    // test names its samples in fields that are not column roles, so it is offered; every form of it needs a column.
    expect(validate(empty, { operation: "test", test: "chisquare", target_column: "x" })).toBe(false);
    expect(JSON.stringify(empty)).not.toContain('"enum":[]');
    expect(validate(empty, { operation: "count" })).toBe(true);
    expect(validate(empty, { operation: "count", group_by: [] })).toBe(true);
    expect(validate(empty, { operation: "count", group_by: ["x"] })).toBe(false);
  });

  it("leaves out names the plan schema would refuse", () => {
    const long = "n".repeat(1025);
    expect(enumOf(props(datasetPlanJsonSchema([{ name: long, type: "float" }, { name: "ok", type: "float" }])).x_axis)).toEqual(["ok"]);
  });
});

// Property: the schemas and validatePlan agree on every plan-like object built from these parts.
const names = ["a", "b", "c", "d", "e", "__proto__", "zz"];
const column = fc.constantFrom(...names);
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), arb);
const FIELD_ARBITRARIES = {
  target_column: nullable(column),
  x_axis: nullable(column),
  y_axis: nullable(column),
  time_column: nullable(column),
  group_by: nullable(fc.array(fc.oneof(column, fc.record({ column, granularity: fc.constantFrom("month", "week", "decade") })), { maxLength: 4 })),
  filters: nullable(fc.array(fc.record({ column, operator: fc.constantFrom(...FILTER_OPERATORS), value: fc.constantFrom<string | number | boolean>("1", "x", "2024-01-01", "true", 3, true) }), { maxLength: 3 })),
  chart_type: nullable(fc.constantFrom(...CHART_TYPES)),
  horizon: nullable(fc.integer({ min: -1, max: 400 })),
  forecast_method: nullable(fc.constantFrom("linear", "holt")),
  method: nullable(fc.constantFrom("pearson", "spearman")),
  confidence: nullable(fc.constantFrom(0, 0.5, 0.95, 1)),
  aggregations: nullable(fc.array(fc.record({
    op: fc.constantFrom("count", "mean", "quantile", "std", "mode", "first", "avg"),
    column,
    as: fc.constantFrom("a", "key", "total"),
    ddof: fc.constantFrom(0, 2, -1),
    q: fc.constantFrom(0.25, 1.5),
    interpolation: fc.constantFrom("nearest", "linear", "near"),
  }, { requiredKeys: ["op"] }), { maxLength: 3 })),
  normalize: nullable(fc.constantFrom<boolean | string>(true, false, "all", "index", "columns", "rows")),
  dropna: nullable(fc.boolean()),
  percentiles: nullable(fc.array(fc.constantFrom(0, 0.25, 0.5, 1, 1.5), { maxLength: 3 })),
  margins: nullable(fc.boolean()),
  columns: nullable(fc.array(column, { maxLength: 3 })),
  offset: nullable(fc.constantFrom(-1, 0, 5)),
  having: nullable(fc.array(fc.record({ column: fc.constantFrom("value", "count", "a", "total", "zz"), operator: fc.constantFrom(...FILTER_OPERATORS), value: fc.constantFrom<string | number | boolean>("1", "x", 3, true) }), { maxLength: 2 })),
  sort: nullable(fc.array(fc.record({ column: fc.constantFrom("value", "count", "a", "zz"), direction: fc.constantFrom("asc", "desc", "up") }), { maxLength: 2 })),
  limit: nullable(fc.constantFrom(0, 1, 3, 1001)),
  test: nullable(fc.constantFrom("shapiro", "kstest", "ttest_1samp", "ttest_ind", "ttest_rel", "mannwhitneyu", "wilcoxon", "f_oneway", "levene", "chi2_contingency", "chisquare", "kendalltau", "t-test")),
  group_column: nullable(column),
  groups: nullable(fc.uniqueArray(fc.constantFrom<string | number | boolean>("a", "b", "x", 2, true), { minLength: 1, maxLength: 4 })),
  sample_columns: nullable(fc.array(column, { minLength: 1, maxLength: 4 })),
  alpha: nullable(fc.constantFrom(0, 0.05, 0.1)),
  alternative: nullable(fc.constantFrom("two-sided", "less", "bigger")),
  popmean: nullable(fc.constantFrom(0, 2.5)),
  equal_var: nullable(fc.boolean()),
  center: nullable(fc.constantFrom("median", "trimmed")),
  expected_proportions: nullable(fc.array(fc.record({ value: fc.constantFrom<string | number>("a", "b", 1), proportion: fc.constantFrom(0.5, 1, 0) }), { maxLength: 3 })),
  predictors: nullable(fc.array(fc.oneof(column, fc.record({ column, categorical: fc.boolean() }, { requiredKeys: ["column"] })), { maxLength: 3 })),
  fit_intercept: nullable(fc.boolean()),
  split: nullable(fc.record({ test_size: fc.constantFrom(0.2, 5, 1.5), random_state: fc.constantFrom(0, 42, -1), shuffle: fc.boolean() }, { requiredKeys: [] })),
  predict: nullable(fc.array(fc.dictionary(column, fc.constantFrom<string | number | boolean>(1, "x", true), { maxKeys: 2 }), { maxLength: 2 })),
  penalty: nullable(fc.constantFrom("l2", "none", "l1")),
  C: nullable(fc.constantFrom(0, 1, 10)),
} as const satisfies Record<string, fc.Arbitrary<unknown>>;
const fieldArbitrary = (field: string): fc.Arbitrary<unknown> => (FIELD_ARBITRARIES as Record<string, fc.Arbitrary<unknown>>)[field];
/** Any field with any operation: mostly invalid plans. */
const anyFields = fc.record({ operation: fc.constantFrom(...OPERATIONS), ...FIELD_ARBITRARIES }, { requiredKeys: ["operation"] });
/** Only the fields the operation takes, plus sometimes one stray field: many valid plans, and near misses. */
const ruleFields = fc.constantFrom(...OPERATIONS).chain((operation) => {
  const rule = OPERATION_RULES[operation];
  const applicable = PLAN_FIELDS.filter((field) => rule.required.includes(field) || rule.optional.includes(field));
  const picked = Object.fromEntries(applicable.map((field) => [field, fieldArbitrary(field)]));
  const stray = fc.option(fc.constantFrom(...PLAN_FIELDS).chain((field) => fieldArbitrary(field).map((value) => ({ [field]: value }))), { freq: 4 });
  return fc.tuple(fc.record(picked, { requiredKeys: [] }), stray).map(([fields, extra]) => ({ operation, ...fields, ...(extra ?? {}) }));
});
const planLike = fc.oneof(anyFields, ruleFields);

describe("schemas agree with validatePlan", () => {
  const generic = genericPlanJsonSchema();
  const forDataset = datasetPlanJsonSchema(COLUMNS);

  // Which chart can draw which result (chart_unsupported) is not encoded in the schemas: the server checks it. Nor
  // are names the plan itself defines (unique aggregation names; having and sort name result columns, and for
  // rows any column in scope), nor a group_by column listed both plain and as a period; nor what depends on values
  // rather than fields: a predict input's columns and value kinds, the expected proportions' total and a value
  // listed twice with different proportions, a predictor named twice in two forms (a name and {column}) or also
  // the target.
  const RESULT_COLUMN = /^plan\.(having|sort)\[\d+\](\.any\[\d+\])?\.(column|case_sensitive|operator)$/;
  const schemaChecks = (plan: unknown) => (e: { code: string; path: string }) =>
    e.code !== "chart_unsupported" &&
    e.code !== "duplicate_name" &&
    !(RESULT_COLUMN.test(e.path) && ["unknown_column", "invalid_value", "incompatible_type"].includes(e.code)) &&
    !(e.code === "duplicate_column" && e.path.startsWith("plan.group_by") && !sameEntries((plan as { group_by: unknown[] }).group_by, e.path)) &&
    !e.path.startsWith("plan.predict[") &&
    !(e.path.startsWith("plan.expected_proportions") && ["invalid_value", "duplicate_value"].includes(e.code)) &&
    !(e.path.startsWith("plan.predictors") && e.code === "duplicate_column");
  /** Whether the group_by entries naming the repeated column are identical (uniqueItems sees those). */
  const sameEntries = (groupBy: unknown[], path: string): boolean => {
    const at = Number(/\[(\d+)\]/.exec(path)![1]);
    return groupBy.slice(0, at).some((item) => JSON.stringify(item) === JSON.stringify(groupBy[at]));
  };
  test.prop([planLike], { numRuns: 1000 })("generic schema accepts exactly the plans valid on their own", (plan) => {
    expect(validate(generic, plan)).toBe(validatePlan(plan).errors.filter(schemaChecks(plan)).length === 0);
  });

  // Filter values are not typed per column in the schema either: uncoercible_value is also left to the server.
  test.prop([planLike], { numRuns: 1000 })("dataset schema accepts exactly the plans valid on the dataset", (plan) => {
    const errors = validatePlan(plan, { columns: COLUMNS }).errors.filter((e) => e.code !== "uncoercible_value" && schemaChecks(plan)(e));
    expect(validate(forDataset, plan)).toBe(errors.length === 0);
  });
});
