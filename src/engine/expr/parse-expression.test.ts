import { describe, expect, it } from "vitest";
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NODES } from "./expression-ast";
import { ExpressionError, parseExpression, type ExpressionProblem } from "./parse-expression";
import { printExpression } from "./print-expression";

/** The problem parseExpression throws for a text (fails the test when it parses). */
function problemOf(text: string): ExpressionProblem {
  try {
    parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error.problem;
    throw error;
  }
  throw new Error(`${text} parsed`);
}

describe("parseExpression: what it reads", () => {
  it.each([
    ["SibSp+Parch*2", "SibSp + (Parch * 2)"],
    ["(a + b) * c", "(a + b) * c"],
    ["a // b % c ** 2", "(a // b) % (c ** 2)"],
    ["a > 1 and b < 2 or not(c)", "((a > 1) and (b < 2)) or not(c)"],
    ["a > 1 && b < 2 || !c", "((a > 1) and (b < 2)) or not(c)"],
    ["`No. of cases` / 2", "`No. of cases` / 2"],
    ["`a\\`b` + 1", "`a\\`b` + 1"],
    ["'it\\'s' + \"x\"", "'it\\'s' + 'x'"],
    ["isin(x, [1, -2, 'a', null])", "isin(x, [1, -2, 'a', null])"],
    ["-x + +y", "(-x) + (+y)"],
    ["(-x) ** 2", "(-x) ** 2"],
    ["1e3 + .5 + 5.", "(1000 + 0.5) + 5"],
    ["café + 日本", "café + 日本"],
    ["__proto__ + constructor", "__proto__ + constructor"],
    ["true != false", "true != false"],
    ["lower(Name)", "lower(Name)"],
    ["if(a, 'x', null)", "if(a, 'x', null)"],
  ])("%s", (text, canonical) => {
    const tree = parseExpression(text);
    expect(printExpression(tree)).toBe(canonical);
    expect(printExpression(parseExpression(canonical))).toBe(canonical);
  });

  it("records each node's span", () => {
    const tree = parseExpression("round(Fare ,  2) + x");
    expect(tree).toMatchObject({ kind: "binary", start: 0, end: 20 });
    const call = (tree as Extract<typeof tree, { kind: "binary" }>).left;
    expect(call).toMatchObject({ kind: "call", name: "round", start: 0, end: 16 });
    expect((call as Extract<typeof call, { kind: "call" }>).args.map((arg) => [arg.start, arg.end])).toEqual([[6, 10], [14, 15]]);
  });

  it("keeps a binary node's span inside its parentheses", () => {
    const tree = parseExpression(" (a + b) * c");
    const left = (tree as Extract<typeof tree, { kind: "binary" }>).left;
    expect([left.start, left.end]).toEqual([1, 8]);
  });
});

describe("parseExpression: problems at their token", () => {
  it.each<[string, Partial<ExpressionProblem>]>([
    ["", { code: "empty_expression", start: 0, end: 0 }],
    ["  \t ", { code: "empty_expression" }],
    ["Age +", { code: "syntax_error", start: 5 }],
    ["1 +* 2", { code: "syntax_error", start: 3, end: 4 }],
    ["Age = 3", { code: "syntax_error", start: 4, end: 5 }],
    ["Age ? 1 : 2", { code: "syntax_error", start: 0, end: 11 }],
    ["a.b", { code: "syntax_error", start: 0, end: 3, suggestion: "`a.b`" }],
    ["x[0]", { code: "syntax_error", suggestion: "`x[0]`" }],
    ["Age Fare", { code: "syntax_error", start: 4, end: 8 }],
    ["Age & 1", { code: "unknown_operator", start: 4, end: 5 }],
    ["Age === 1", { code: "unknown_operator", start: 4, end: 7 }],
    ["a ^ b", { code: "unknown_operator", start: 2, end: 3 }],
    ["~a", { code: "syntax_error" }],
    ["-Age ** 2", { code: "ambiguous_expression", start: 0, end: 9 }],
    ["`a${Age}`", { code: "syntax_error", start: 0, end: 9 }],
    ["f(x)(y)", { code: "syntax_error" }],
    ["[1, , 2]", { code: "syntax_error" }],
    ["'unterminated", { code: "syntax_error" }],
  ])("%j", (text, expected) => {
    expect(problemOf(text)).toMatchObject(expected);
  });

  it("mentions the hint for = and ?:", () => {
    expect(problemOf("a = 1").message).toContain("compare with ==");
    expect(problemOf("a ? 1 : 2").message).toContain("if(condition, then, else)");
  });

  it("bounds length, nesting and size before recursing", () => {
    expect(problemOf("x".repeat(MAX_EXPRESSION_LENGTH + 1))).toMatchObject({ code: "expression_too_long", start: 0, end: MAX_EXPRESSION_LENGTH + 1 });
    const deep = `${"(".repeat(MAX_EXPRESSION_DEPTH + 1)}x${")".repeat(MAX_EXPRESSION_DEPTH + 1)}`;
    expect(problemOf(deep)).toMatchObject({ code: "expression_too_deep", start: MAX_EXPRESSION_DEPTH, end: MAX_EXPRESSION_DEPTH + 1 });
    expect(() => parseExpression(`'${"(".repeat(MAX_EXPRESSION_DEPTH + 5)}' + x`)).not.toThrow();
    const wide = `isin(x, [${Array.from({ length: MAX_EXPRESSION_NODES }, (_, i) => i).join(", ")}])`;
    expect(problemOf(wide).code).toBe("expression_too_large");
    expect(problemOf(Array.from({ length: 40 }, (_, i) => `c${i}`).join(" + ")).code).toBe("expression_too_deep");
    expect(problemOf("-".repeat(300) + "x").code).toBe("expression_too_deep");
  });
});
