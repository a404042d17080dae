import { compareCodePoints } from "../ops/compare-code-points";
import { parseIsoDateTime } from "../plan/coerce-filter-value";
import { floorDivide, power, pythonMod } from "./arithmetic";
import { failForData } from "./functions/data-errors";
import { MAX_REPLACED_TEXT } from "./functions/string-functions";
import { describeType, failAt, isNumeric, type Compiled } from "./compiled";
import type { BinaryOperator, ExprNode } from "./expression-ast";
import { dedupeStrings, numbersOf, numberVector, stringsOf, type NumberVector, type Value, type ValueType } from "./vector";

type Binary = Extract<ExprNode, { kind: "binary" }>;
type Unary = Extract<ExprNode, { kind: "unary" }>;

const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
  "//": floorDivide,
  "%": pythonMod,
  "**": power,
};

type Loop = (out: Float64Array, xs: Float64Array, ys: Float64Array) => void;

/**
 * One loop per operator for the four that dominate formulas: each is its own function, so the engine compiles
 * a tight, monomorphic loop instead of calling the operator through a closure for every row (measured ~3x
 * faster on 145k rows). The rest call their numpy-exact function per element.
 */
const LOOPS: Readonly<Record<string, Loop>> = {
  "+": (out, xs, ys) => { for (let p = 0; p < out.length; p++) out[p] = xs[p] + ys[p]; },
  "-": (out, xs, ys) => { for (let p = 0; p < out.length; p++) out[p] = xs[p] - ys[p]; },
  "*": (out, xs, ys) => { for (let p = 0; p < out.length; p++) out[p] = xs[p] * ys[p]; },
  "/": (out, xs, ys) => { for (let p = 0; p < out.length; p++) out[p] = xs[p] / ys[p]; },
};

/**
 * Compiles a binary operator over two compiled operands, with pandas' rules:
 * - arithmetic on numbers (booleans count as 0/1) propagates missing values; `/` is always a float, other
 *   operators keep integers integer (`**` only with a non-negative whole literal exponent); `+` joins strings
 *   (a missing string gives a missing result). Datetimes have no arithmetic: days_between gives a difference.
 * - comparisons of numbers, of strings (by code point, as Python), of datetimes (a quoted ISO date compares with
 *   a datetime column) and of booleans never give a missing value: a missing operand makes `==`, `<`, ... false
 *   and `!=` true, as pandas does.
 * - `and`/`or` on booleans treat a missing value as false (pandas fills missing with False in logical ops).
 */
export function compileBinary(node: Binary, left: Compiled, right: Compiled): Compiled {
  const op = node.operator;
  if (left.type === "null" || right.type === "null") {
    if (op === "==" || op === "!=") failAt(node, "incompatible_type", `Comparing with null is never true; write ${op === "==" ? "is_null(x)" : "not_null(x)"}`);
    failAt(node, "incompatible_type", `null has no ${op}; use coalesce(x, value) to replace missing values`);
  }
  if (op === "and" || op === "or") return compileLogical(node, left, right);
  if (op in ARITHMETIC) return compileArithmetic(node, left, right);
  return compileComparison(node, left, right);
}

function compileLogical(node: Binary, left: Compiled, right: Compiled): Compiled {
  for (const side of [node.left, node.right]) {
    const type = side === node.left ? left.type : right.type;
    if (type !== "boolean") failAt(side, "incompatible_type", `${node.operator} needs true/false values on both sides; this is ${describeType(type)}`);
  }
  const isAnd = node.operator === "and";
  return {
    type: "boolean",
    evaluate(context) {
      const a = numbersOf(left.evaluate(context), context.size);
      const b = numbersOf(right.evaluate(context), context.size);
      const out = new Float64Array(context.size);
      for (let p = 0; p < out.length; p++) out[p] = isAnd ? +(a[p] === 1 && b[p] === 1) : +(a[p] === 1 || b[p] === 1);
      return numberVector("boolean", out);
    },
  };
}

function compileArithmetic(node: Binary, left: Compiled, right: Compiled): Compiled {
  const op = node.operator;
  if (op === "+" && left.type === "string" && right.type === "string") return compileConcat(left, right);
  for (const [side, type] of [[node.left, left.type], [node.right, right.type]] as const) {
    if (isNumeric(type)) continue;
    if (type === "datetime") {
      const hint = op === "-" ? "; days_between(start, end) gives the days from one date to another" : "";
      failAt(side, "incompatible_type", `Datetimes have no ${op}${hint}`);
    }
    const other = side === node.left ? right.type : left.type;
    const hint = op === "+" && type === "string" ? ` (+ joins two strings; the other side is ${describeType(other)})` : "";
    failAt(side, "incompatible_type", `${op} needs numbers; this is ${describeType(type)}${hint}`);
  }
  const integral = (t: ValueType) => t === "integer" || t === "boolean";
  let type: NumberVector["type"] = integral(left.type) && integral(right.type) ? "integer" : "float";
  if (op === "/") type = "float";
  if (op === "**" && !(typeof right.literal === "number" && Number.isInteger(right.literal) && right.literal >= 0)) type = "float";
  const fn = ARITHMETIC[op];
  if (left.literal !== undefined && right.literal !== undefined) {
    const value = fn(Number(left.literal), Number(right.literal));
    return { type, literal: value, evaluate: () => ({ kind: "scalar", type, value }) };
  }
  return {
    type,
    evaluate(context) {
      const a = left.evaluate(context);
      const b = right.evaluate(context);
      const out = new Float64Array(context.size);
      const loop = LOOPS[op];
      if (loop !== undefined) {
        loop(out, numbersOf(a, context.size), numbersOf(b, context.size));
      } else if (a.kind === "scalar") {
        const x = Number(a.value);
        const ys = numbersOf(b, context.size);
        for (let p = 0; p < out.length; p++) out[p] = fn(x, ys[p]);
      } else if (b.kind === "scalar") {
        const xs = numbersOf(a, context.size);
        const y = Number(b.value);
        for (let p = 0; p < out.length; p++) out[p] = fn(xs[p], y);
      } else {
        const xs = numbersOf(a, context.size);
        const ys = numbersOf(b, context.size);
        for (let p = 0; p < out.length; p++) out[p] = fn(xs[p], ys[p]);
      }
      return numberVector(type, out);
    },
  };
}

function compileConcat(left: Compiled, right: Compiled): Compiled {
  return {
    type: "string",
    evaluate(context) {
      const a = stringsOf(left.evaluate(context), context.size);
      const b = stringsOf(right.evaluate(context), context.size);
      // Pairs of codes, so a join of two low-cardinality columns builds each distinct string once.
      const pairs = new Map<number, number>();
      const texts: Array<string | null> = [];
      const codes = new Int32Array(context.size);
      const width = b.dictionary.length + 1;
      let built = 0;
      for (let p = 0; p < codes.length; p++) {
        const x = a.codes[p];
        const y = b.codes[p];
        if (x < 0 || y < 0) {
          codes[p] = -1;
          continue;
        }
        const key = x * width + y;
        let code = pairs.get(key);
        if (code === undefined) {
          const text = a.dictionary[x] + b.dictionary[y];
          // Nested joins double text at each level: bound what they build inside the 128 MB isolate.
          built += text.length;
          if (built > MAX_REPLACED_TEXT) failForData("+", `the joined strings would hold more than ${MAX_REPLACED_TEXT} characters`);
          code = texts.push(text) - 1;
          pairs.set(key, code);
        }
        codes[p] = code;
      }
      return dedupeStrings(codes, texts);
    },
  };
}

/** The comparable kind of an operand: numbers (with booleans), strings or datetimes. */
function comparableKind(type: ValueType): "number" | "string" | "datetime" {
  return type === "string" ? "string" : type === "datetime" ? "datetime" : "number";
}

function compileComparison(node: Binary, left: Compiled, right: Compiled): Compiled {
  const op = node.operator;
  let [l, r] = [left, right];
  // A quoted ISO date next to a datetime compares as that instant (pandas parses it too).
  if (l.type === "datetime" && r.type === "string") r = dateLiteral(node.right, r);
  if (r.type === "datetime" && l.type === "string") l = dateLiteral(node.left, l);
  const kinds = [comparableKind(l.type), comparableKind(r.type)];
  if (kinds[0] !== kinds[1]) {
    failAt(node, "incompatible_type", `Cannot compare ${describeType(l.type)} with ${describeType(r.type)}${l.type === "string" || r.type === "string" ? " (quote numbers as numbers: 5, not '5')" : ""}`);
  }
  const test = comparisonTest(op);
  if (kinds[0] === "string") return compileStringComparison(l, r, op, test);
  return {
    type: "boolean",
    evaluate(context) {
      const a = numbersOf(l.evaluate(context), context.size);
      const b = numbersOf(r.evaluate(context), context.size);
      const out = new Float64Array(context.size);
      // NaN compares false with everything, and `!=` is the negation of `==`: pandas' rule for missing values.
      for (let p = 0; p < out.length; p++) out[p] = +test(a[p] === b[p] ? 0 : a[p] < b[p] ? -1 : a[p] > b[p] ? 1 : Number.NaN);
      return numberVector("boolean", out);
    },
  };
}

/** A comparison as a test of the sign of a three-way comparison (NaN: the operands are unordered). */
function comparisonTest(op: BinaryOperator): (sign: number) => boolean {
  switch (op) {
    case "==": return (s) => s === 0;
    case "!=": return (s) => s !== 0;
    case "<": return (s) => s < 0;
    case "<=": return (s) => s <= 0;
    case ">": return (s) => s > 0;
    default: return (s) => s >= 0;
  }
}

function compileStringComparison(left: Compiled, right: Compiled, op: BinaryOperator, test: (sign: number) => boolean): Compiled {
  const missing = op === "!=" ? 1 : 0;
  return {
    type: "boolean",
    evaluate(context) {
      const a = left.evaluate(context);
      const b = right.evaluate(context);
      const out = new Float64Array(context.size);
      if (b.kind === "scalar" || a.kind === "scalar") {
        // Against a literal: decide once per distinct string.
        const [column, literal, flipped] = b.kind === "scalar" ? [stringsOf(a, context.size), b.value, false] : [stringsOf(b, context.size), (a as { value: unknown }).value, true];
        const pass = column.dictionary.map((text) => {
          if (typeof literal !== "string") return missing;
          const sign = flipped ? compareCodePoints(literal, text) : compareCodePoints(text, literal);
          return +test(Math.sign(sign));
        });
        for (let p = 0; p < out.length; p++) out[p] = column.codes[p] < 0 ? missing : pass[column.codes[p]];
        return numberVector("boolean", out);
      }
      const x = stringsOf(a, context.size);
      const y = stringsOf(b, context.size);
      for (let p = 0; p < out.length; p++) {
        const i = x.codes[p];
        const j = y.codes[p];
        out[p] = i < 0 || j < 0 ? missing : +test(Math.sign(compareCodePoints(x.dictionary[i], y.dictionary[j])));
      }
      return numberVector("boolean", out);
    },
  };
}

function dateLiteral(node: ExprNode, compiled: Compiled): Compiled {
  if (typeof compiled.literal !== "string") failAt(node, "incompatible_type", "A datetime compares with a datetime or a quoted ISO 8601 date such as '2024-01-31'");
  const ms = parseIsoDateTime(compiled.literal.trim());
  if (ms === null) failAt(node, "invalid_argument", `'${compiled.literal}' is not an ISO 8601 date or date-time such as '2024-01-31' or '2024-01-31T12:00:00Z'`);
  return { type: "datetime", literal: ms, evaluate: () => ({ kind: "scalar", type: "datetime", value: ms }) };
}

/** Unary `-`, `+` on numbers (booleans become integers) and `not` on booleans (missing stays missing). */
export function compileUnary(node: Unary, argument: Compiled): Compiled {
  const type = argument.type;
  if (node.operator === "not") {
    if (type !== "boolean") failAt(node.argument, "incompatible_type", `not needs a true/false value; this is ${describeType(type)}`);
    return {
      type: "boolean",
      evaluate(context) {
        const a = numbersOf(argument.evaluate(context), context.size);
        const out = new Float64Array(context.size);
        for (let p = 0; p < out.length; p++) out[p] = a[p] === a[p] ? 1 - a[p] : Number.NaN;
        return numberVector("boolean", out);
      },
    };
  }
  if (!isNumeric(type)) failAt(node.argument, "incompatible_type", `${node.operator} needs a number; this is ${describeType(type)}`);
  const resultType = type === "float" ? "float" : "integer";
  const sign = node.operator === "-" ? -1 : 1;
  if (typeof argument.literal === "number") {
    const value = sign * argument.literal;
    return { type: resultType, literal: value, evaluate: () => ({ kind: "scalar", type: resultType, value }) };
  }
  return {
    type: resultType,
    evaluate(context) {
      const a = numbersOf(argument.evaluate(context), context.size);
      const out = new Float64Array(context.size);
      for (let p = 0; p < out.length; p++) out[p] = sign * a[p];
      return numberVector(resultType, out);
    },
  };
}

export type { Value };
