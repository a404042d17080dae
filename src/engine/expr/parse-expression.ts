import jsepTemplate from "@jsep-plugin/template";
import jsep from "jsep";
import {
  MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NODES,
  type BinaryOperator, type ExprNode,
} from "./expression-ast";

/** A problem in an expression, at a character span of its text. */
export interface ExpressionProblem {
  code: string;
  message: string;
  start: number;
  end: number;
  suggestion?: string;
}

/** Thrown by parseExpression; carries where in the text the problem is. */
export class ExpressionError extends Error {
  override readonly name = "ExpressionError";
  constructor(readonly problem: ExpressionProblem) {
    super(problem.message);
  }
}

type JsepNode = jsep.Expression & { start?: number; end?: number };
interface JsepParser {
  index: number;
  code: number;
  expr: string;
  gobbleNumericLiteral(): JsepNode;
}

// jsep is configured once for this language: Python-style `and`/`or` and floor division `//` next to the
// JavaScript spellings, backtick-quoted names (the template-literal plugin), and two hooks that record every
// token's span (jsep keeps no positions). Number literals are gobbled by a hook too, because jsep's own number
// path skips the after-token hook and would unbalance the span stack.
jsep.addBinaryOp("or", 1);
jsep.addBinaryOp("and", 2);
jsep.addBinaryOp("//", 10);
jsep.removeBinaryOp("??");
jsep.removeUnaryOp("~");
type Hook = (this: JsepParser, env: { node?: JsepNode | false }) => void;
const addHook = jsep.hooks.add.bind(jsep.hooks) as unknown as (name: string, hook: Hook) => void;
const starts: number[] = [];
addHook("gobble-token", function recordStart(this: JsepParser) {
  starts.push(this.index);
});
jsep.plugins.register(jsepTemplate as unknown as jsep.IPlugin);
addHook("gobble-token", function gobbleNumber(this: JsepParser, env: { node?: JsepNode | false }) {
  const code = this.code;
  if ((code >= 48 && code <= 57) || code === 46) env.node = this.gobbleNumericLiteral();
});
addHook("after-token", function recordEnd(this: JsepParser, env: { node?: JsepNode | false }) {
  const start = starts.pop() ?? this.index;
  if (env.node) {
    env.node.start = start;
    env.node.end = this.index;
  }
});

const OPERATORS: ReadonlySet<string> = new Set<BinaryOperator>([
  "+", "-", "*", "/", "//", "%", "**", "==", "!=", "<", "<=", ">", ">=", "and", "or",
]);
const SPELLINGS: Readonly<Record<string, BinaryOperator>> = { "&&": "and", "||": "or" };
const REFUSED_OPERATORS: Readonly<Record<string, string>> = {
  "===": "write == (values compare by value)",
  "!==": "write != (values compare by value)",
  "&": "write and",
  "|": "write or",
  "^": "there is no bitwise xor; write (a or b) and not(a and b)",
  "<<": "there are no bit shifts", ">>": "there are no bit shifts", ">>>": "there are no bit shifts",
};

/**
 * Parses an expression of the plan language into its syntax tree, checked against the grammar's whitelist:
 * numbers, 'strings' or "strings", true/false/null, column names (bare identifiers, or any name in backticks:
 * `` `No. of cases` ``), lists `[a, b]`, unary `-` `+` `!`, binary `+ - * / // % **`, comparisons
 * `== != < <= > >=`, `and`/`&&`, `or`/`||`, and calls of named functions (`not(x)`, `round(x, 2)`). Nothing else
 * (members, `this`, templates with `${}`, ternaries, several expressions) is accepted, and the text is never
 * evaluated as code: jsep only builds a tree, which the engine interprets over columns.
 *
 * Bounds: at most 2,000 characters, 200 nodes, nesting depth 24. Paren depth is measured before jsep runs, so a
 * deep input is a precise error rather than a stack overflow.
 *
 * @throws ExpressionError with the code and the character span of the problem.
 * @example parseExpression("SibSp + Parch") // { kind: "binary", operator: "+", left: {kind: "column", ...}, ... }
 */
export function parseExpression(text: string): ExprNode {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    fail("expression_too_long", `The expression has ${text.length} characters; at most ${MAX_EXPRESSION_LENGTH} are allowed`, 0, text.length);
  }
  if (text.trim() === "") fail("empty_expression", "The expression is empty", 0, 0);
  checkNesting(text);
  let tree: JsepNode;
  starts.length = 0;
  try {
    tree = jsep(text) as JsepNode;
  } catch (error) {
    if (error instanceof RangeError) fail("expression_too_deep", "The expression is nested too deeply", 0, text.length);
    const index = typeof (error as { index?: unknown }).index === "number" ? (error as { index: number }).index : 0;
    const description = String((error as { description?: unknown }).description ?? (error as Error).message);
    fail("syntax_error", `Cannot read the expression at character ${index + 1}: ${describeSyntax(description)}`, index, Math.min(index + 1, text.length));
  } finally {
    starts.length = 0;
  }
  const counter = { nodes: 0 };
  return convert(tree, text, 0, counter);
}

function fail(code: string, message: string, start: number, end: number, suggestion?: string): never {
  throw new ExpressionError({ code, message, start, end, ...(suggestion === undefined ? {} : { suggestion }) });
}

/** jsep's wording, made a little friendlier for the common cases. */
function describeSyntax(description: string): string {
  if (description.startsWith("Unexpected \"?\"")) return `${description} (there is no ?: operator; write if(condition, then, else))`;
  if (description.startsWith("Unexpected \"=\"")) return `${description} (compare with ==)`;
  return description;
}

/** Refuses brackets nested deeper than the limit, skipping quoted text, before any recursive parsing. */
function checkNesting(text: string): void {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92) i++; // backslash escapes the next character
      else if (c === quote) quote = 0;
    } else if (c === 34 || c === 39 || c === 96) {
      quote = c;
    } else if (c === 40 || c === 91) {
      if (++depth > MAX_EXPRESSION_DEPTH) fail("expression_too_deep", `The expression nests brackets more than ${MAX_EXPRESSION_DEPTH} deep`, i, i + 1);
    } else if (c === 41 || c === 93) {
      depth--;
    }
  }
}

/** A node's span without the spaces jsep consumes after a token. */
function spanOf(node: JsepNode, text: string): { start: number; end: number } {
  const start = node.start ?? 0;
  let end = node.end ?? text.length;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function convert(node: JsepNode, text: string, depth: number, counter: { nodes: number }): ExprNode {
  if (++counter.nodes > MAX_EXPRESSION_NODES) {
    const { start, end } = spanOf(node, text);
    fail("expression_too_large", `The expression has more than ${MAX_EXPRESSION_NODES} parts; split it into several derive steps`, start, end);
  }
  if (depth > MAX_EXPRESSION_DEPTH) {
    const { start, end } = spanOf(node, text);
    fail("expression_too_deep", `The expression is nested more than ${MAX_EXPRESSION_DEPTH} deep; split it into several derive steps`, start, end);
  }
  const next = (child: JsepNode) => convert(child, text, depth + 1, counter);
  switch (node.type) {
    case "Literal": {
      const { start, end } = spanOf(node, text);
      const value = (node as jsep.Literal).value;
      if (typeof value === "number") return { kind: "number", value, start, end };
      if (typeof value === "string") return { kind: "string", value, start, end };
      if (typeof value === "boolean") return { kind: "boolean", value, start, end };
      if (value === null) return { kind: "null", start, end };
      return fail("syntax_error", "Unsupported literal", start, end);
    }
    case "Identifier": {
      const { start, end } = spanOf(node, text);
      return { kind: "column", name: (node as jsep.Identifier).name, start, end };
    }
    case "TemplateLiteral": {
      const { start, end } = spanOf(node, text);
      const template = node as unknown as { expressions: unknown[]; quasis: Array<{ value: { cooked: string } }> };
      if (template.expressions.length > 0) fail("syntax_error", "A backtick-quoted column name cannot contain ${...}", start, end);
      return { kind: "column", name: template.quasis.map((q) => q.value.cooked).join(""), start, end };
    }
    case "ArrayExpression": {
      const { start, end } = spanOf(node, text);
      const elements = (node as jsep.ArrayExpression).elements;
      if (elements.some((element) => element === null)) fail("syntax_error", "A list cannot have empty items", start, end);
      return { kind: "list", items: elements.map((element) => next(element as JsepNode)), start, end };
    }
    case "UnaryExpression": {
      const { start, end } = spanOf(node, text);
      const unary = node as jsep.UnaryExpression;
      const operator = unary.operator === "!" ? "not" : unary.operator;
      if (operator !== "-" && operator !== "+" && operator !== "not") fail("unknown_operator", `The operator ${unary.operator} is not supported`, start, start + unary.operator.length);
      return { kind: "unary", operator, argument: next(unary.argument as JsepNode), start, end };
    }
    case "BinaryExpression": {
      const binary = node as jsep.BinaryExpression & { start?: number; end?: number };
      const left = next(binary.left as JsepNode);
      const right = next(binary.right as JsepNode);
      const operator = SPELLINGS[binary.operator] ?? binary.operator;
      const at = operatorPosition(text, left.end, binary.operator);
      if (!OPERATORS.has(operator)) {
        const hint = Object.hasOwn(REFUSED_OPERATORS, operator) ? `; ${REFUSED_OPERATORS[operator]}` : "";
        fail("unknown_operator", `The operator ${binary.operator} is not supported${hint}`, at, at + binary.operator.length);
      }
      if (operator === "**" && left.kind === "unary" && text[left.start] !== "(") {
        fail("ambiguous_expression", `-x ** y is ambiguous; write -(x ** y) or (-x) ** y`, left.start, right.end);
      }
      const grouped = text[binary.start ?? -1] === "(";
      const { start, end } = grouped ? spanOf(binary as JsepNode, text) : { start: left.start, end: right.end };
      return { kind: "binary", operator: operator as BinaryOperator, left, right, start, end };
    }
    case "CallExpression": {
      const { start, end } = spanOf(node, text);
      const call = node as jsep.CallExpression;
      const callee = call.callee as JsepNode;
      if (callee.type !== "Identifier") fail("syntax_error", "Only named functions can be called, e.g. round(x, 2)", start, end);
      return { kind: "call", name: (callee as jsep.Identifier).name, args: call.arguments.map((arg) => next(arg as JsepNode)), start, end };
    }
    case "ConditionalExpression": {
      const { start, end } = spanOf(node, text);
      return fail("syntax_error", "There is no ?: operator; write if(condition, then, else)", start, end);
    }
    case "MemberExpression": {
      const { start, end } = spanOf(node, text);
      const shown = text.slice(start, end);
      fail("syntax_error", `${shown} is not a column name; names with dots, brackets or spaces are written in backticks: \`${shown}\``, start, end, `\`${shown}\``);
    }
    // falls through: fail never returns
    case "Compound":
    case "SequenceExpression": {
      const body = ((node as jsep.Compound).body ?? []) as JsepNode[];
      const second = body[1] ?? node;
      const { start } = spanOf(second, text);
      return fail("syntax_error", `Unexpected text at character ${start + 1}: an expression is one formula (names with spaces are written in backticks)`, start, text.length);
    }
    default: {
      const { start, end } = spanOf(node, text);
      return fail("syntax_error", `Unsupported syntax (${node.type})`, start, end);
    }
  }
}

/** Where a binary operator sits: the first occurrence after its left operand (jsep does not record it). */
function operatorPosition(text: string, from: number, operator: string): number {
  const at = text.indexOf(operator, from);
  return at < 0 ? from : at;
}
