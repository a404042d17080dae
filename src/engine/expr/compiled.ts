import type { Frame } from "../frame/frame";
import type { ExprNode } from "./expression-ast";
import { ExpressionError } from "./parse-expression";
import type { Value, ValueType } from "./vector";

/**
 * Where an expression is evaluated: the frame's rows (position p is `frame.rows[p]`), and for window
 * functions the order to walk them in and the partitions that restart a window.
 */
export interface EvalContext {
  readonly frame: Frame;
  readonly size: number;
  /** Positions in window order (a derive step's order_by, else frame order). */
  readonly order: Uint32Array;
  /** Offsets into `order` where each partition starts, with `order.length` last ([0, size] when unpartitioned). */
  readonly segments: Uint32Array;
}

/** A type-checked expression, ready to evaluate over any frame whose columns have the checked types. */
export interface Compiled {
  readonly type: ValueType;
  /** The literal value when the expression is a literal (folded at check time). */
  readonly literal?: number | string | boolean | null;
  /** True when the result depends on row order or on the other rows (windows, ranks, z-scores). */
  readonly usesRows?: boolean;
  readonly evaluate: (context: EvalContext) => Value;
}

/** A call's argument as a function's compiler sees it: its tree (for positions and lists) and its compiled form. */
export interface Arg {
  readonly node: ExprNode;
  readonly compiled: Compiled;
}

/**
 * Throws the expression problem at a node's span.
 *
 * @example failAt(node, "incompatible_type", "round needs a number")
 */
export function failAt(node: { start: number; end: number }, code: string, message: string, suggestion?: string): never {
  throw new ExpressionError({ code, message, start: node.start, end: node.end, ...(suggestion === undefined ? {} : { suggestion }) });
}

const ARTICLE: Readonly<Record<ValueType, string>> = {
  integer: "an integer", float: "a float", boolean: "a boolean", datetime: "a datetime", string: "a string", null: "null",
};

/** "an integer", "a string": a type in a sentence. */
export function describeType(type: ValueType): string {
  return ARTICLE[type];
}

export const NUMERIC_TYPES: readonly ValueType[] = ["integer", "float", "boolean"];

export function isNumeric(type: ValueType): boolean {
  return type === "integer" || type === "float" || type === "boolean";
}
