import { suggestClosest } from "../plan/suggest-name";
import type { ColumnType } from "../table/types";
import { failAt, type Arg, type Compiled } from "./compiled";
import { compileBinary, compileUnary } from "./compile-operators";
import type { ExprNode } from "./expression-ast";
import { FUNCTION_NAMES, findFunction } from "./functions/registry";
import { numberVector, type StringVector, type Value } from "./vector";

/** The columns an expression may name, with their types: the dataset's and those derived by earlier steps. */
export type Scope = ReadonlyMap<string, ColumnType>;

/**
 * Type-checks an expression tree against the columns in scope and compiles it to an evaluator over column
 * vectors. Names resolve only to the scope's columns (a Map, so `__proto__` and `constructor` are plain names)
 * and calls only to the function registry; anything else is an ExpressionError at the offending token, with the
 * closest column or function name as the suggestion.
 *
 * @example compileExpression(parseExpression("SibSp + Parch"), new Map([["SibSp", "integer"], ["Parch", "integer"]])).type
 * // "integer"
 */
export function compileExpression(node: ExprNode, scope: Scope): Compiled {
  switch (node.kind) {
    case "number":
      return literal(Number.isInteger(node.value) ? "integer" : "float", node.value);
    case "string":
      return literal("string", node.value);
    case "boolean":
      return { ...literal("boolean", node.value ? 1 : 0), literal: node.value };
    case "null":
      return literal("null", null);
    case "column":
      return compileColumn(node, scope);
    case "list":
      return failAt(node, "invalid_argument", "A list [...] can only be a function's argument, e.g. isin(x, ['a', 'b'])");
    case "unary":
      return compileUnary(node, compileExpression(node.argument, scope));
    case "binary":
      return compileBinary(node, compileExpression(node.left, scope), compileExpression(node.right, scope));
    case "call":
      return compileCall(node, scope);
  }
}

function literal(type: Compiled["type"], value: number | string | null): Compiled {
  const scalar: Value = { kind: "scalar", type, value };
  return { type, literal: value, evaluate: () => scalar };
}

function compileColumn(node: Extract<ExprNode, { kind: "column" }>, scope: Scope): Compiled {
  const type = scope.get(node.name);
  if (type === undefined) {
    const suggestion = suggestClosest(node.name, [...scope.keys()]);
    const asFunction = FUNCTION_NAMES.includes(node.name) ? ` (${node.name} is a function: call it as ${node.name}(...))` : "";
    failAt(node, "unknown_column", `No column named ${JSON.stringify(node.name)}${asFunction}`, suggestion);
  }
  const name = node.name;
  return {
    type,
    evaluate(context) {
      const column = context.frame.columns.get(name);
      if (column === undefined) throw new Error(`Column ${name} is not in the frame`);
      const rows = context.frame.rows;
      if (column.type === "string") {
        const codes = new Int32Array(rows.length);
        for (let p = 0; p < rows.length; p++) codes[p] = column.codes[rows[p]];
        const vector: StringVector = { kind: "string", codes, dictionary: column.dictionary };
        return vector;
      }
      const values = new Float64Array(rows.length);
      for (let p = 0; p < rows.length; p++) values[p] = column.values[rows[p]];
      return numberVector(column.type, values);
    },
  };
}

function compileCall(node: Extract<ExprNode, { kind: "call" }>, scope: Scope): Compiled {
  const spec = findFunction(node.name);
  if (spec === undefined) {
    const nameSpan = { start: node.start, end: node.start + node.name.length };
    const isColumn = scope.has(node.name) ? ` (${JSON.stringify(node.name)} is a column, not a function)` : "";
    failAt(nameSpan, "unknown_function", `No function named ${node.name}${isColumn}`, suggestClosest(node.name, FUNCTION_NAMES));
  }
  if (node.args.length < spec.minArgs || node.args.length > spec.maxArgs) {
    const expected = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
    failAt(node, "invalid_argument", `${spec.name} takes ${expected} argument${spec.maxArgs === 1 ? "" : "s"}, got ${node.args.length}: ${spec.signature}`);
  }
  const args: Arg[] = node.args.map((arg) => ({ node: arg, compiled: arg.kind === "list" ? listPlaceholder(arg) : compileExpression(arg, scope) }));
  return spec.compile(args, node);
}

/** Lists are read by the function compilers from the tree; their compiled form is never evaluated. */
function listPlaceholder(node: ExprNode): Compiled {
  return { type: "null", evaluate: () => failAt(node, "invalid_argument", "A list cannot be evaluated on its own") };
}
