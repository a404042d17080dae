import { describeType, failAt, isNumeric, type Arg } from "../compiled";
import type { ExprNode } from "../expression-ast";
import type { ValueType } from "../vector";

/**
 * Argument checks shared by the function compilers: each throws an ExpressionError at the argument's span with a
 * message naming the function, the argument and what it needs.
 */
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"];

export function ordinal(index: number): string {
  return ORDINALS[index] ?? `#${index + 1}`;
}

/** The argument's type is one of `types` (null, the missing literal, always fits). */
export function expectTypes(name: string, args: readonly Arg[], index: number, types: readonly ValueType[], what: string): ValueType {
  const arg = args[index];
  const type = arg.compiled.type;
  if (type !== "null" && !types.includes(type)) {
    failAt(arg.node, "incompatible_type", `${name} needs ${what} as its ${ordinal(index)} argument; got ${describeType(type)}`);
  }
  return type;
}

export function expectNumeric(name: string, args: readonly Arg[], index: number): ValueType {
  const arg = args[index];
  if (arg.compiled.type !== "null" && !isNumeric(arg.compiled.type)) {
    failAt(arg.node, "incompatible_type", `${name} needs a number as its ${ordinal(index)} argument; got ${describeType(arg.compiled.type)}`);
  }
  return arg.compiled.type;
}

/** A literal number argument (e.g. round's digits), optionally an integer within bounds. */
export function literalNumber(
  name: string,
  args: readonly Arg[],
  index: number,
  options: { integer?: boolean; min?: number; max?: number; fallback?: number } = {},
): number {
  const arg = args[index];
  if (arg === undefined) {
    if (options.fallback !== undefined) return options.fallback;
    throw new Error(`${name}: missing argument ${index}`);
  }
  const literal = numberLiteralOf(arg.node);
  if (literal === null) failAt(arg.node, "invalid_argument", `${name} needs a number written in the expression as its ${ordinal(index)} argument`);
  if (options.integer === true && !Number.isInteger(literal)) failAt(arg.node, "invalid_argument", `${name} needs a whole number as its ${ordinal(index)} argument; got ${literal}`);
  if (options.min !== undefined && literal < options.min) failAt(arg.node, "invalid_argument", `${name}'s ${ordinal(index)} argument must be at least ${options.min}; got ${literal}`);
  if (options.max !== undefined && literal > options.max) failAt(arg.node, "invalid_argument", `${name}'s ${ordinal(index)} argument must be at most ${options.max}; got ${literal}`);
  return literal;
}

/** A number literal, allowing a leading minus (`-1`). */
export function numberLiteralOf(node: ExprNode): number | null {
  if (node.kind === "number") return node.value;
  if (node.kind === "unary" && (node.operator === "-" || node.operator === "+") && node.argument.kind === "number") {
    return node.operator === "-" ? -node.argument.value : node.argument.value;
  }
  return null;
}

/** A literal string argument, optionally one of `allowed`. */
export function literalString(name: string, args: readonly Arg[], index: number, allowed?: readonly string[], fallback?: string): string {
  const arg = args[index];
  if (arg === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`${name}: missing argument ${index}`);
  }
  if (arg.node.kind !== "string") failAt(arg.node, "invalid_argument", `${name} needs a quoted string as its ${ordinal(index)} argument`);
  const value = arg.node.value;
  if (allowed !== undefined && !allowed.includes(value)) {
    failAt(arg.node, "invalid_argument", `${name}'s ${ordinal(index)} argument must be one of ${allowed.map((a) => `'${a}'`).join(", ")}; got '${value}'`);
  }
  return value;
}

/** A literal boolean argument (true/false). */
export function literalBoolean(name: string, args: readonly Arg[], index: number, fallback: boolean): boolean {
  const arg = args[index];
  if (arg === undefined) return fallback;
  if (arg.node.kind !== "boolean") failAt(arg.node, "invalid_argument", `${name} needs true or false as its ${ordinal(index)} argument`);
  return arg.node.value;
}

/** A list literal `[...]` of numbers, strings or null. */
export function literalList(name: string, args: readonly Arg[], index: number, kind: "number" | "string" | "any"): Array<number | string | null> {
  const arg = args[index];
  if (arg.node.kind !== "list") failAt(arg.node, "invalid_argument", `${name} needs a list such as [1, 2, 3] as its ${ordinal(index)} argument`);
  return arg.node.items.map((item) => {
    const number = numberLiteralOf(item);
    if (number !== null && kind !== "string") return number;
    if (item.kind === "string" && kind !== "number") return item.value;
    if (item.kind === "null" && kind === "any") return null;
    return failAt(item, "invalid_argument", `${name}'s list may only hold ${kind === "any" ? "numbers, strings and null" : `${kind}s`} written in the expression`);
  });
}
