import type { EngineProblem } from "../errors";
import type { PlanFields } from "../operations/operation";
import type { ColumnIndex } from "../plan/check-columns";
import { coerceFilterValue, describeAcceptedValues } from "../plan/coerce-filter-value";
import { makeProblem, quote } from "../plan/plan-problems";
import { suggestClosest } from "../plan/suggest-name";
import type { ColumnType } from "../table/types";
import { chooseForm, describeForms } from "./sample-forms";
import { given, keyValueOf } from "./plan-values";
import type { ColumnValue } from "./test-params";
import { NUMERIC_TARGET_LAYOUTS, SAMPLE_FIELDS, TEST_PARAMS, testRule, type TestName, type TestRule } from "./test-rules";

const NUMERIC: readonly ColumnType[] = ["integer", "float"];
/** Expected proportions must sum to 1 within this (scipy's tolerance for f_exp against f_obs). */
const PROPORTION_TOLERANCE = 1e-8;

/**
 * The `test` operation's own checks: the test's samples named in one of the ways its layout allows
 * (`missing_field` for what is missing, `not_applicable` for sample fields of another layout or parameters of
 * another test), the number of groups or sample columns (`too_many`), no group, column or category twice
 * (`duplicate_value`, `duplicate_column`), expected proportions summing to 1 (`invalid_value`); with the columns
 * in scope: group_column and sample_columns exist (`unknown_column`), sample columns and a measured
 * target_column are numeric (`incompatible_type`), groups and categories coerce to their column's type
 * (`uncoercible_value`) and, for a plan without steps, every group occurs in the dataset (`unknown_value` with
 * the closest value). target_column, x_axis and y_axis themselves are resolved by check-columns.ts.
 *
 * @example checkTestPlan({ operation: "test", test: "ttest_ind", target_column: "age" }).map((p) => p.code) // ["missing_field", "missing_field"]
 */
export function checkTestPlan(plan: PlanFields, index?: ColumnIndex): EngineProblem[] {
  const name = plan.test;
  const rule = typeof name === "string" ? testRule(name) : undefined;
  if (rule === undefined) return [];
  const test = name as TestName;
  const problems = [...checkSampleFields(plan, test, rule), ...checkParams(plan, test, rule), ...checkLists(plan)];
  if (index !== undefined) problems.push(...checkAgainstColumns(plan, rule, index));
  return problems;
}

function checkSampleFields(plan: PlanFields, test: TestName, rule: TestRule): EngineProblem[] {
  const problems: EngineProblem[] = [];
  const form = chooseForm(plan, rule.layout);
  const hint = describeForms(test, rule.layout);
  for (const field of form.required) {
    if (!given(plan, field)) problems.push(makeProblem([field], "missing_field", `${test} needs ${field}: ${hint}`));
  }
  for (const field of SAMPLE_FIELDS) {
    if (given(plan, field) && !form.required.includes(field) && !form.optional.includes(field)) {
      problems.push(makeProblem([field], "not_applicable", `${field} does not apply here; remove it (${hint})`));
    }
  }
  const [, most] = form.count ?? [0, Infinity];
  for (const field of ["groups", "sample_columns"] as const) {
    const list = plan[field];
    if (Array.isArray(list) && list.length > most && (form.required.includes(field) || form.optional.includes(field))) {
      problems.push(makeProblem([field], "too_many", `${test} compares exactly ${most} samples; ${field} names ${list.length}`));
    }
  }
  return problems;
}

function checkParams(plan: PlanFields, test: TestName, rule: TestRule): EngineProblem[] {
  const problems: EngineProblem[] = [];
  for (const param of TEST_PARAMS) {
    const present = given(plan, param);
    if (present && !rule.params.includes(param)) {
      const takers = rule.params.length > 0 ? `${test} takes ${rule.params.join(", ")} and alpha` : `${test} takes only alpha`;
      problems.push(makeProblem([param], "not_applicable", `${param} does not apply to ${test}; remove it (${takers})`));
    } else if (!present && rule.required.includes(param)) {
      problems.push(makeProblem([param], "missing_field", `${test} needs ${param}${param === "popmean" ? ", the hypothesised population mean" : ""}`));
    }
  }
  return problems;
}

/** Duplicates in the lists, compared as written, and the proportions' total. */
function checkLists(plan: PlanFields): EngineProblem[] {
  const problems: EngineProblem[] = [];
  const sampleColumns = Array.isArray(plan.sample_columns) ? (plan.sample_columns as string[]) : [];
  sampleColumns.forEach((column, i) => {
    if (sampleColumns.indexOf(column) < i) problems.push(makeProblem(["sample_columns", i], "duplicate_column", `${quote(column)} appears more than once in sample_columns`));
  });
  const groups = Array.isArray(plan.groups) ? (plan.groups as ColumnValue[]) : [];
  groups.forEach((value, i) => {
    if (groups.indexOf(value) < i) problems.push(makeProblem(["groups", i], "duplicate_value", `${quote(String(value))} appears more than once in groups`));
  });
  const expected = Array.isArray(plan.expected_proportions) ? (plan.expected_proportions as Array<{ value: ColumnValue; proportion: number }>) : [];
  expected.forEach((entry, i) => {
    if (expected.findIndex((other) => other.value === entry.value) < i) {
      problems.push(makeProblem(["expected_proportions", i, "value"], "duplicate_value", `${quote(String(entry.value))} is listed more than once`));
    }
  });
  if (expected.length > 0) {
    const total = expected.reduce((sum, entry) => sum + entry.proportion, 0);
    if (Math.abs(total - 1) > PROPORTION_TOLERANCE) {
      problems.push(makeProblem(["expected_proportions"], "invalid_value", `The expected proportions must sum to 1; they sum to ${total}`));
    }
  }
  return problems;
}

function checkAgainstColumns(plan: PlanFields, rule: TestRule, index: ColumnIndex): EngineProblem[] {
  const problems: EngineProblem[] = [];
  const form = chooseForm(plan, rule.layout);
  const applies = (field: string) => form.required.includes(field as never) || form.optional.includes(field as never);
  const target = typeof plan.target_column === "string" ? plan.target_column : undefined;
  const targetType = target === undefined ? undefined : index.types.get(target);
  if (target !== undefined && applies("target_column") && targetType !== undefined && NUMERIC_TARGET_LAYOUTS.has(rule.layout) && !NUMERIC.includes(targetType)) {
    problems.push(makeProblem(["target_column"], "incompatible_type", `${String(plan.test)} needs an integer or float column as target_column; ${quote(target)} is ${targetType}`));
  }
  if (typeof plan.group_column === "string" && applies("group_column")) {
    const column = plan.group_column;
    const type = index.types.get(column);
    if (type === undefined) problems.push(makeProblem(["group_column"], "unknown_column", `No column named ${quote(column)}`, suggestClosest(column, index.names)));
    else if (Array.isArray(plan.groups) && applies("groups")) problems.push(...checkGroups(plan, column, type, index));
  }
  if (Array.isArray(plan.sample_columns) && applies("sample_columns")) {
    (plan.sample_columns as string[]).forEach((column, i) => {
      const type = index.types.get(column);
      if (type === undefined) problems.push(makeProblem(["sample_columns", i], "unknown_column", `No column named ${quote(column)}`, suggestClosest(column, index.names)));
      else if (!NUMERIC.includes(type)) problems.push(makeProblem(["sample_columns", i], "incompatible_type", `sample_columns must be integer or float columns; ${quote(column)} is ${type}`));
    });
  }
  if (Array.isArray(plan.expected_proportions) && targetType !== undefined) {
    const seen = new Set<string>();
    (plan.expected_proportions as Array<{ value: ColumnValue }>).forEach(({ value }, i) => {
      const coerced = coerceFilterValue(targetType, value);
      if (coerced === null) {
        problems.push(makeProblem(["expected_proportions", i, "value"], "uncoercible_value", `${quote(String(value))} is not a value of ${quote(target as string)} (${targetType}): it takes ${describeAcceptedValues(targetType)}`));
        return;
      }
      const key = JSON.stringify(keyValueOf(targetType, coerced));
      if (seen.has(key)) problems.push(makeProblem(["expected_proportions", i, "value"], "duplicate_value", `${quote(String(value))} is the same value of ${quote(target as string)} as an earlier entry`));
      seen.add(key);
    });
  }
  return problems;
}

/** Each group coerces to the column's type, is named once, and (without steps) occurs in the dataset. */
function checkGroups(plan: PlanFields, column: string, type: ColumnType, index: ColumnIndex): EngineProblem[] {
  const problems: EngineProblem[] = [];
  const seen = new Set<string>();
  const wanted: Array<{ i: number; value: ColumnValue; coerced: number | string }> = [];
  (plan.groups as ColumnValue[]).forEach((value, i) => {
    const coerced = coerceFilterValue(type, value);
    if (coerced === null) {
      problems.push(makeProblem(["groups", i], "uncoercible_value", `${quote(String(value))} is not a value of ${quote(column)} (${type}): it takes ${describeAcceptedValues(type)}`));
      return;
    }
    const key = JSON.stringify(keyValueOf(type, coerced));
    if (seen.has(key)) {
      problems.push(makeProblem(["groups", i], "duplicate_value", `${quote(String(value))} names the same group of ${quote(column)} as an earlier entry`));
      return;
    }
    seen.add(key);
    wanted.push({ i, value, coerced });
  });
  // A step may create or fill values (fill_missing, a derived column), so only a plan without steps is checked.
  const data = given(plan, "steps") ? undefined : index.data.get(column);
  if (data === undefined) return problems;
  const found = occurring(data, wanted.map((w) => w.coerced));
  wanted.forEach(({ i, value, coerced }, k) => {
    if (found.present[k]) return;
    const suggestion = typeof coerced === "string" ? suggestClosest(coerced, found.strings) : undefined;
    problems.push(makeProblem(["groups", i], "unknown_value", `${quote(String(value))} never occurs in ${quote(column)}: that group would have no rows`, suggestion));
  });
  return problems;
}

/** Which of the coerced values a dataset column holds (one pass), and its strings for suggestions. */
function occurring(column: NonNullable<ReturnType<ColumnIndex["data"]["get"]>>, values: ReadonlyArray<number | string>): { present: boolean[]; strings: string[] } {
  if (column.type === "string") {
    const used = new Uint8Array(column.dictionary.length);
    for (const code of column.codes) if (code >= 0) used[code] = 1;
    const strings = column.dictionary.filter((_, code) => used[code] === 1);
    const set = new Set(strings);
    return { present: values.map((v) => typeof v === "string" && set.has(v)), strings };
  }
  const position = new Map<number, number>();
  values.forEach((v, k) => typeof v === "number" && position.set(v === 0 ? 0 : v, k));
  const present = values.map(() => false);
  for (const v of column.values) {
    const k = position.get(v === 0 ? 0 : v);
    if (k !== undefined) present[k] = true;
  }
  return { present, strings: [] };
}
