import { z } from "zod";
import { FUNCTIONS } from "../expr/functions/registry";
import type { FunctionGroup } from "../expr/functions/function-spec";
import { STEP_MODULES } from "../steps/registry";
import { MAX_STEPS } from "../steps/step-schema";
import type { JsonSchema } from "./json-schema-filters";
import { inlineRefs } from "./json-schema-refs";

const GROUP_TITLES: Record<FunctionGroup, string> = {
  logic: "Logic", math: "Math", string: "Strings (pandas .str)", conversion: "Conversion", date: "Dates (pandas .dt, UTC)",
  column: "Column-wise (over the current rows, per partition_by group)", window: "Windows (in row order or order_by, restarting per partition_by group)",
  binning: "Binning",
};

/**
 * The expression language in words, generated from the function registry so it cannot drift from what the
 * engine accepts: syntax, operators and their missing-value rules, and every function with its signature, a
 * one-line description and an example.
 */
export function describeExpressionLanguage(): string {
  const groups = new Map<FunctionGroup, string[]>();
  for (const spec of FUNCTIONS) {
    const lines = groups.get(spec.group) ?? [];
    lines.push(`${spec.signature}: ${spec.summary} e.g. ${spec.example}`);
    groups.set(spec.group, lines);
  }
  const functions = [...groups].map(([group, lines]) => `${GROUP_TITLES[group]}: ${lines.join("; ")}`).join(". ");
  return [
    "Expression language (derive.expr, filter.expr): a formula over the row's columns, evaluated for every row.",
    "Columns by name (SibSp) or in backticks when the name has spaces or symbols (`No. of cases`); columns derived by earlier steps too.",
    "Literals: numbers, 'text' or \"text\", true, false, null.",
    "Operators: + - * / // % ** (numpy: / gives floats, x/0 is inf, % and // follow Python's sign rules; + also joins strings), comparisons == != < <= > >= (strings by code point; a datetime compares with a quoted ISO date), and / or (also && ||), not(x) or !x.",
    "Missing values: arithmetic and functions give missing; a comparison with a missing value is false (!= is true); and/or treat missing as false.",
    `Functions. ${functions}.`,
  ].join(" ");
}

/**
 * The `steps` property: a list whose items are one-key objects, one alternative per step kind (with its
 * description and an example), generated from the step registry and each step's zod schema; its description
 * carries the expression language reference once, for every `expr` field.
 */
export function stepsProperty(description: string): JsonSchema {
  const kinds = STEP_MODULES.map((module) => {
    const generated = z.toJSONSchema(module.schema as z.ZodType, { target: "draft-2020-12", io: "input" }) as JsonSchema;
    const body = inlineRefs(generated, generated) as JsonSchema;
    delete body.$schema;
    delete body.$defs;
    return {
      type: "object",
      description: `${module.summary} Example: ${JSON.stringify({ [module.kind]: module.example })}`,
      properties: { [module.kind]: body },
      required: [module.kind],
      additionalProperties: false,
    };
  });
  return {
    description: `${description} Kinds: ${STEP_MODULES.map((module) => module.kind).join(", ")}. ${describeExpressionLanguage()}`,
    anyOf: [{ type: "array", maxItems: MAX_STEPS, items: { anyOf: kinds } }, { type: "null" }],
  };
}
