import { describe, expect, it } from "vitest";
import type { ColumnType, Table } from "../table/types";
import { validatePlan } from "./validate-plan";

const COLUMNS = [
  { name: "age", type: "integer" },
  { name: "Total Sales", type: "float" },
  { name: "active", type: "boolean" },
  { name: "signup", type: "datetime" },
  { name: "city", type: "string" },
  { name: "__proto__", type: "float" },
] as const satisfies readonly { name: string; type: ColumnType }[];

const DATASET = { columns: COLUMNS };

const TABLE: Table = {
  rowCount: 3,
  columns: [
    { name: "age", type: "integer", values: Float64Array.from([30, 40, NaN]) },
    { name: "Total Sales", type: "float", values: Float64Array.from([1.5, 2.5, 3]) },
    { name: "active", type: "boolean", values: Float64Array.from([1, 0, 1]) },
    { name: "signup", type: "datetime", values: Float64Array.from([0, 86_400_000, NaN]) },
    { name: "city", type: "string", codes: Int32Array.from([0, 1, -1]), dictionary: ["Oslo", "5"] },
    { name: "__proto__", type: "float", values: Float64Array.from([1, 2, 3]) },
  ],
};

describe("unknown columns and did-you-mean", () => {
  it.each([
    ["Age", "age"],
    ["total_sales", "Total Sales"],
    ["totalSales", "Total Sales"],
    ["TOTAL-SALES", "Total Sales"],
    ["Totl Sales", "Total Sales"],
    ["ctiy", "city"],
    ["__proto_", "__proto__"],
  ])("%s suggests %s", (name, suggestion) => {
    expect(validatePlan({ operation: "count", target_column: name }, DATASET).errors).toEqual([
      { path: "plan.target_column", code: "unknown_column", message: `No column named ${JSON.stringify(name)}`, suggestion },
    ]);
  });

  it.each(["revenue", "x", "zip_code"])("%s: nothing close, no suggestion", (name) => {
    expect(validatePlan({ operation: "count", target_column: name }, DATASET).errors).toEqual([
      { path: "plan.target_column", code: "unknown_column", message: `No column named ${JSON.stringify(name)}` },
    ]);
  });

  it("checks every place a column is named, in plan order", () => {
    const plan = {
      operation: "correlation", x_axis: "agee", y_axis: "sales", group_by: ["Citys", "city"],
      filters: [{ column: "actve", operator: "==", value: true }],
    };
    expect(validatePlan(plan, DATASET).errors).toEqual([
      { path: "plan.x_axis", code: "unknown_column", message: 'No column named "agee"', suggestion: "age" },
      { path: "plan.y_axis", code: "unknown_column", message: 'No column named "sales"' },
      { path: "plan.group_by[0]", code: "unknown_column", message: 'No column named "Citys"', suggestion: "city" },
      { path: "plan.filters[0].column", code: "unknown_column", message: 'No column named "actve"', suggestion: "active" },
    ]);
  });

  it("a column named __proto__ is an ordinary column", () => {
    expect(validatePlan({ operation: "mean", target_column: "__proto__" }, DATASET).errors).toEqual([]);
    expect(validatePlan({ operation: "mean", target_column: "constructor" }, DATASET).errors).toEqual([
      { path: "plan.target_column", code: "unknown_column", message: 'No column named "constructor"' },
    ]);
  });
});

describe("column types per operation", () => {
  // [operation, role, column type, accepted?]
  const matrix: [string, string, string, boolean][] = [];
  const types = { integer: "age", float: "Total Sales", boolean: "active", datetime: "signup", string: "city" } as const;
  const accepted: Record<string, readonly string[]> = {
    mean: ["integer", "float", "boolean"], sum: ["integer", "float", "boolean"], count: ["integer", "float", "boolean", "datetime", "string"],
    min: ["integer", "float", "datetime"], max: ["integer", "float", "datetime"], std: ["integer", "float"], median: ["integer", "float"],
  };
  for (const [operation, ok] of Object.entries(accepted)) {
    for (const type of Object.keys(types)) matrix.push([operation, "target_column", type, ok.includes(type)]);
  }
  it.each(matrix)("%s %s of a %s column: accepted=%s", (operation, role, type, ok) => {
    const name = types[type as keyof typeof types];
    const errors = validatePlan({ operation, [role]: name }, DATASET).errors;
    expect(errors.map((p) => p.code)).toEqual(ok ? [] : ["incompatible_type"]);
  });

  it("incompatible_type names the column's type and what is needed (exact bodies)", () => {
    expect(validatePlan({ operation: "mean", target_column: "city" }, DATASET).errors).toEqual([
      { path: "plan.target_column", code: "incompatible_type", message: 'mean needs an integer, float or boolean column as target_column; "city" is string' },
    ]);
    expect(validatePlan({ operation: "max", target_column: "city" }, DATASET).errors).toEqual([
      { path: "plan.target_column", code: "incompatible_type", message: 'max needs an integer, float or datetime column as target_column; "city" is string' },
    ]);
    expect(validatePlan({ operation: "correlation", x_axis: "active", y_axis: "signup" }, DATASET).errors).toEqual([
      { path: "plan.x_axis", code: "incompatible_type", message: 'correlation needs an integer or float column as x_axis; "active" is boolean' },
      { path: "plan.y_axis", code: "incompatible_type", message: 'correlation needs an integer or float column as y_axis; "signup" is datetime' },
    ]);
    expect(validatePlan({ operation: "forecast", target_column: "signup", time_column: "city" }, DATASET).errors).toEqual([
      { path: "plan.target_column", code: "incompatible_type", message: 'forecast needs an integer or float column as target_column; "signup" is datetime' },
      { path: "plan.time_column", code: "incompatible_type", message: 'forecast needs a datetime, integer or float column as time_column; "city" is string' },
    ]);
  });

  it("forecast accepts a datetime or numeric time column; regression numeric axes", () => {
    expect(validatePlan({ operation: "forecast", target_column: "age", time_column: "signup" }, DATASET).errors).toEqual([]);
    expect(validatePlan({ operation: "forecast", target_column: "age", time_column: "Total Sales" }, DATASET).errors).toEqual([]);
    expect(validatePlan({ operation: "regression", x_axis: "age", y_axis: "Total Sales", group_by: ["city", "active"] }, DATASET).errors).toEqual([]);
  });

  it("group_by and filters take columns of any type", () => {
    const filters = Object.values(types).map((column) => ({ column, operator: "!=", value: column === "city" ? "x" : column === "active" ? true : column === "signup" ? "2024-01-01" : 1 }));
    expect(validatePlan({ operation: "count", group_by: ["signup", "city", "active"], filters }, DATASET).errors).toEqual([]);
  });
});

describe("filter values", () => {
  it("uncoercible_value says what the column accepts", () => {
    const filters = [
      { column: "age", operator: ">", value: "forty" },
      { column: "signup", operator: ">=", value: 1_700_000_000_000 },
      { column: "active", operator: "==", value: 1 },
      { column: "city", operator: "==", value: 5 },
      { column: "signup", operator: "<", value: "2024-02-30" },
    ];
    expect(validatePlan({ operation: "count", filters }, { ...DATASET, table: TABLE }).errors).toEqual([
      { path: "plan.filters[0].value", code: "uncoercible_value", message: '"forty" cannot be compared with "age" (integer): expected a number or a numeric string' },
      { path: "plan.filters[1].value", code: "uncoercible_value", message: '1700000000000 cannot be compared with "signup" (datetime): expected an ISO 8601 date or date-time string such as "2024-01-31" or "2024-01-31T12:00:00Z"' },
      { path: "plan.filters[2].value", code: "uncoercible_value", message: '1 cannot be compared with "active" (boolean): expected true or false (or the strings "true"/"false")' },
      { path: "plan.filters[3].value", code: "uncoercible_value", message: '5 cannot be compared with "city" (string): expected a string (quote numbers: "5", not 5)', suggestion: "5" },
      { path: "plan.filters[4].value", code: "uncoercible_value", message: '"2024-02-30" cannot be compared with "signup" (datetime): expected an ISO 8601 date or date-time string such as "2024-01-31" or "2024-01-31T12:00:00Z"' },
    ]);
  });

  it("ordering operators are allowed on booleans (False < True, as pandas) and strings (code units)", () => {
    const filters = [{ column: "active", operator: ">", value: false }, { column: "city", operator: "<=", value: "M" }];
    expect(validatePlan({ operation: "count", filters }, DATASET).errors).toEqual([]);
  });
});

describe("a valid plan against a dataset", () => {
  it("returns the normalised plan, filter values as sent", () => {
    const plan = { filters: [{ value: "30", operator: ">=", column: "age" }], target_column: "Total Sales", operation: "sum", group_by: ["city"], chart_type: "bar" };
    expect(validatePlan(plan, { ...DATASET, table: TABLE })).toEqual({
      plan: { operation: "sum", target_column: "Total Sales", filters: [{ column: "age", operator: ">=", value: "30" }], group_by: ["city"], chart_type: "bar" },
      errors: [],
      warnings: [],
    });
  });

  it("a plan valid on its own can still fail against the dataset", () => {
    expect(validatePlan({ operation: "mean", target_column: "city" }).errors).toEqual([]);
    expect(validatePlan({ operation: "mean", target_column: "city" }, DATASET).plan).toBeNull();
  });
});
