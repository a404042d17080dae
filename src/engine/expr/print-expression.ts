import type { ExprNode } from "./expression-ast";

const RESERVED = new Set(["true", "false", "null", "this", "and", "or"]);

/**
 * The canonical text of an expression, for provenance: one space around binary operators, every nested binary
 * operation in parentheses (so the text reads the same whatever precedence the reader assumes), `and`/`or`/
 * `not(...)` spelled out, strings in single quotes, and names in backticks unless they are plain identifiers.
 * Parsing the canonical text gives the same tree.
 *
 * @example printExpression(parseExpression("SibSp+Parch*2")) // "SibSp + (Parch * 2)"
 */
export function printExpression(node: ExprNode): string {
  switch (node.kind) {
    case "number":
      return String(node.value);
    case "string":
      return `'${node.value.replace(/[\\'\n\r\t]/g, (c) => ESCAPES[c])}'`;
    case "boolean":
      return String(node.value);
    case "null":
      return "null";
    case "column":
      return printName(node.name);
    case "list":
      return `[${node.items.map(printExpression).join(", ")}]`;
    case "unary":
      return node.operator === "not" ? `not(${printExpression(node.argument)})` : `${node.operator}${operand(node.argument)}`;
    case "binary":
      return `${operand(node.left)} ${node.operator} ${operand(node.right)}`;
    case "call":
      return `${node.name}(${node.args.map(printExpression).join(", ")})`;
  }
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function operand(node: ExprNode): string {
  return node.kind === "binary" || (node.kind === "unary" && node.operator !== "not") ? `(${printExpression(node)})` : printExpression(node);
}

/**
 * A column name as the grammar reads it: bare when it is an identifier (letters, digits, `_`, `$`, any non-ASCII
 * letter; not starting with a digit; not a keyword), else in backticks with backticks and backslashes escaped.
 *
 * @example printName("No. of cases") // "`No. of cases`"
 */
export function printName(name: string): string {
  if (isIdentifier(name) && !RESERVED.has(name)) return name;
  return `\`${name.replace(/[\\`]/g, (c) => `\\${c}`)}\``;
}

function isIdentifier(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 || c >= 128;
    const digit = c >= 48 && c <= 57;
    if (!(letter || (digit && i > 0))) return false;
  }
  return true;
}
