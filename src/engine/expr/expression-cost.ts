import type { ExprNode } from "./expression-ast";
import { parseExpression } from "./parse-expression";

/**
 * Work units per row of evaluating an expression, known before any data is read: one pass per node (each node
 * is one loop over the rows), a minimum of one. A text that does not parse costs one (validation refuses it).
 *
 * @example expressionCost("SibSp + Parch") // 3
 */
export function expressionCost(text: string): number {
  try {
    return Math.max(1, countNodes(parseExpression(text)));
  } catch {
    return 1;
  }
}

function countNodes(node: ExprNode): number {
  switch (node.kind) {
    case "list": return 1 + node.items.reduce((sum, item) => sum + countNodes(item), 0);
    case "unary": return 1 + countNodes(node.argument);
    case "binary": return 1 + countNodes(node.left) + countNodes(node.right);
    case "call": return 2 + node.args.reduce((sum, arg) => sum + countNodes(arg), 0);
    default: return 1;
  }
}
