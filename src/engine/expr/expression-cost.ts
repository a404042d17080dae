import type { ExprNode } from "./expression-ast";
import { parseExpression } from "./parse-expression";

/** Functions that sort the rows they see (a radix or comparison sort: log₂ n passes each). */
const SORTING = new Set(["rank", "qcut", "median"]);

/**
 * Work units of evaluating an expression over `rows` rows, known before any data is read: one pass per node
 * (each node is one loop over the rows), and for each call that sorts, log₂ n passes more. A text that does not
 * parse costs one pass (validation refuses it).
 *
 * @example expressionCost("SibSp + Parch", 1000) // 3000
 */
export function expressionCost(text: string, rows: number): number {
  let tree: ExprNode;
  try {
    tree = parseExpression(text);
  } catch {
    return rows;
  }
  const { nodes, sorts } = count(tree);
  return rows * (Math.max(1, nodes) + sorts * Math.log2(rows + 1));
}

function count(node: ExprNode): { nodes: number; sorts: number } {
  const children = node.kind === "list" ? node.items : node.kind === "unary" ? [node.argument] : node.kind === "binary" ? [node.left, node.right] : node.kind === "call" ? node.args : [];
  const own = { nodes: node.kind === "call" ? 2 : 1, sorts: node.kind === "call" && SORTING.has(node.name) ? 1 : 0 };
  return children.map(count).reduce((sum, c) => ({ nodes: sum.nodes + c.nodes, sorts: sum.sorts + c.sorts }), own);
}
