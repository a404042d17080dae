import { describe, expect, it } from "vitest";
import type { ColumnType } from "../table/types";
import { compileExpression } from "./compile-expression";
import { ExpressionError, parseExpression, type ExpressionProblem } from "./parse-expression";

const scope = new Map<string, ColumnType>([
  ["Age", "integer"], ["Fare", "float"], ["Name", "string"], ["When", "datetime"], ["Survived", "boolean"],
  ["No. of cases", "integer"], ["__proto__", "string"],
]);

function problemOf(text: string): ExpressionProblem {
  try {
    compileExpression(parseExpression(text), scope);
  } catch (error) {
    if (error instanceof ExpressionError) return error.problem;
    throw error;
  }
  throw new Error(`${text} compiled`);
}

/** The text of the span a problem points at. */
function tokenOf(text: string): string {
  const { start, end } = problemOf(text);
  return text.slice(start, end);
}

describe("compileExpression: result types", () => {
  it.each([
    ["Age + 1", "integer"], ["Age / 2", "float"], ["Age ** 2", "integer"], ["Age ** -1", "float"], ["Survived + 1", "integer"],
    ["lower(Name)", "string"], ["len(Name)", "integer"], ["contains(Name, 'a')", "boolean"], ["to_number(Name)", "float"],
    ["to_number(Age)", "integer"], ["to_date(Name, '%d/%m/%Y')", "datetime"], ["year(When)", "integer"],
    ["date_trunc('week', When)", "datetime"], ["days_between(When, '2024-01-01')", "integer"], ["zscore(Age)", "float"],
    ["minmax_scale(Fare)", "float"], ["rank(Fare)", "float"], ["rank(Name, 'dense')", "integer"], ["lag(Name)", "string"],
    ["lead(When)", "datetime"], ["diff(Age)", "integer"], ["diff(Fare)", "float"], ["pct_change(Age)", "float"],
    ["cumsum(Survived)", "integer"], ["cumsum(Fare)", "float"], ["rolling_sum(Age, 3)", "integer"], ["rolling_mean(Age, 3)", "float"],
    ["cut(Fare, [0, 10, 20])", "string"], ["qcut(Age, 4)", "string"], ["`No. of cases` * 2", "integer"], ["__proto__ + 'x'", "string"],
  ])("%s is %s", (text, type) => {
    expect(compileExpression(parseExpression(text), scope).type).toBe(type);
  });
});

describe("compileExpression: names", () => {
  it.each<[string, Partial<ExpressionProblem>, string]>([
    ["Aeg * 2", { code: "unknown_column", suggestion: "Age" }, "Aeg"],
    ["fare + 1", { code: "unknown_column", suggestion: "Fare" }, "fare"],
    ["lowr(Name)", { code: "unknown_function", suggestion: "lower" }, "lowr"],
    ["rollingmean(Fare, 3)", { code: "unknown_function", suggestion: "rolling_mean" }, "rollingmean"],
    ["todate(Name)", { code: "unknown_function", suggestion: "to_date" }, "todate"],
    ["Age(1)", { code: "unknown_function" }, "Age"],
    ["round + 1", { code: "unknown_column" }, "round"],
    ["constructor(Age)", { code: "unknown_function" }, "constructor"],
    ["toString + 1", { code: "unknown_column" }, "toString"],
  ])("%s", (text, expected, token) => {
    expect(problemOf(text)).toMatchObject(expected);
    expect(tokenOf(text)).toBe(token);
  });

  it("says when a name is the other kind", () => {
    expect(problemOf("Age(1)").message).toContain("is a column, not a function");
    expect(problemOf("round + 1").message).toContain("round is a function");
  });
});

describe("compileExpression: argument problems point at the argument", () => {
  it.each<[string, string, string]>([
    ["lower(Age)", "incompatible_type", "Age"],
    ["lower(Name, 1)", "invalid_argument", "lower(Name, 1)"],
    ["lag()", "invalid_argument", "lag()"],
    ["contains(Name, 5)", "invalid_argument", "5"],
    ["contains(Name, Name)", "invalid_argument", "Name"],
    ["starts_with(Name, 'a', 'yes')", "invalid_argument", "'yes'"],
    ["substring(Name, 1.5)", "invalid_argument", "1.5"],
    ["split_part(Name, '', 1)", "invalid_argument", "''"],
    ["replace(Name, 'a', Age)", "invalid_argument", "Age"],
    ["to_number(When)", "incompatible_type", "When"],
    ["to_date(Age)", "incompatible_type", "Age"],
    ["to_date(Name, '%d/%Q')", "invalid_argument", "'%d/%Q'"],
    ["to_date(Name, '%d/%m/%d')", "invalid_argument", "'%d/%m/%d'"],
    ["to_date(Name, '%Y-%')", "invalid_argument", "'%Y-%'"],
    ["year(Age)", "incompatible_type", "Age"],
    ["year('2024-02-30')", "invalid_argument", "'2024-02-30'"],
    ["date_trunc('decade', When)", "invalid_argument", "'decade'"],
    ["date_trunc(When, 'month')", "invalid_argument", "When"],
    ["days_between(When, 5)", "incompatible_type", "5"],
    ["zscore(Name)", "incompatible_type", "Name"],
    ["rank(Fare, 'mean')", "invalid_argument", "'mean'"],
    ["rank(Fare, 'min', 0)", "invalid_argument", "0"],
    ["lag(Fare, Age)", "invalid_argument", "Age"],
    ["lag(Fare, 10001)", "invalid_argument", "10001"],
    ["lead(Fare, -10001)", "invalid_argument", "-10001"],
    ["rolling_mean(Fare, 20000)", "invalid_argument", "20000"],
    ["rolling_sum(Fare, 0)", "invalid_argument", "0"],
    ["rolling_sum(Name, 2)", "incompatible_type", "Name"],
    ["diff(Survived)", "incompatible_type", "Survived"],
    ["cumsum(When)", "incompatible_type", "When"],
    ["cut(Fare, [3, 1])", "invalid_argument", "[3, 1]"],
    ["cut(Fare, [0, 1, 1, 2])", "invalid_argument", "[0, 1, 1, 2]"],
    ["cut(Fare, [0, 'a'])", "invalid_argument", "'a'"],
    ["cut(Fare, 3)", "invalid_argument", "3"],
    ["cut(Fare, [0, 1], ['a', 'b'])", "invalid_argument", "['a', 'b']"],
    ["cut(Fare, [0, 1, 2], ['a', 'a'])", "invalid_argument", "['a', 'a']"],
    ["cut(Name, [0, 1])", "incompatible_type", "Name"],
    ["qcut(Fare, 0)", "invalid_argument", "0"],
    ["qcut(Fare, 2.5)", "invalid_argument", "2.5"],
    ["qcut(Fare, [0.5, 0.2])", "invalid_argument", "[0.5, 0.2]"],
    ["qcut(Fare, [0, 1.5])", "invalid_argument", "[0, 1.5]"],
    ["qcut(Fare, 2, ['low'])", "invalid_argument", "['low']"],
  ])("%s: %s at %s", (text, code, token) => {
    expect(problemOf(text).code).toBe(code);
    expect(tokenOf(text)).toBe(token);
  });

  it("names the function, the argument and what it needs", () => {
    expect(problemOf("rolling_mean(Fare, 20000)").message).toBe("rolling_mean's second argument must be at most 10000; got 20000");
    expect(problemOf("date_trunc('decade', When)").message).toContain("'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute'");
    expect(problemOf("to_date(Name, '%Q')").message).toContain("%Q is not a supported directive");
    expect(problemOf("to_date(Age)").message).toContain("seconds or milliseconds would be a guess");
    expect(problemOf("diff(Survived)").message).toContain("if(x, 1, 0)");
  });
});
