/**
 * The expression language's syntax tree. Every node carries the character span it came from (`start` inclusive,
 * `end` exclusive, 0-based offsets into the expression text), so every problem can point at its token.
 */
export type BinaryOperator =
  | "+" | "-" | "*" | "/" | "//" | "%" | "**"
  | "==" | "!=" | "<" | "<=" | ">" | ">="
  | "and" | "or";

export type UnaryOperator = "-" | "+" | "not";

interface Span {
  readonly start: number;
  readonly end: number;
}

export type ExprNode =
  | (Span & { readonly kind: "number"; readonly value: number })
  | (Span & { readonly kind: "string"; readonly value: string })
  | (Span & { readonly kind: "boolean"; readonly value: boolean })
  | (Span & { readonly kind: "null" })
  | (Span & { readonly kind: "column"; readonly name: string })
  | (Span & { readonly kind: "list"; readonly items: readonly ExprNode[] })
  | (Span & { readonly kind: "unary"; readonly operator: UnaryOperator; readonly argument: ExprNode })
  | (Span & { readonly kind: "binary"; readonly operator: BinaryOperator; readonly left: ExprNode; readonly right: ExprNode })
  | (Span & { readonly kind: "call"; readonly name: string; readonly args: readonly ExprNode[] });

export type ExprKind = ExprNode["kind"];

/** Bounds on an expression, so no input can exhaust the parser's stack or the evaluator's memory. */
export const MAX_EXPRESSION_LENGTH = 2000;
export const MAX_EXPRESSION_NODES = 200;
export const MAX_EXPRESSION_DEPTH = 24;
