import type { Arg, Compiled } from "../compiled";
import type { ExprNode } from "../expression-ast";

export type FunctionGroup = "logic" | "math" | "string" | "conversion" | "date" | "column" | "window" | "binning";

/**
 * One function of the expression language: its documentation (shown in the plan JSON Schema, so a model can
 * write calls without reading any other document) and its compiler, which checks the arguments' types and
 * literal parameters and returns the evaluator.
 */
export interface FunctionSpec {
  readonly name: string;
  readonly group: FunctionGroup;
  /** `round(x, digits = 0)`: the call's shape. */
  readonly signature: string;
  /** One line: what it computes, with the reference semantics ("pandas Series.round: half to even"). */
  readonly summary: string;
  readonly example: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly compile: (args: readonly Arg[], call: Extract<ExprNode, { kind: "call" }>) => Compiled;
}
