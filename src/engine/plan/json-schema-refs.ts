import type { JsonSchema } from "./json-schema-filters";

/** Replaces local `$ref`s with copies of their targets (the plan schema has no recursion). */
export function inlineRefs(node: unknown, root: JsonSchema): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(item, root));
  if (node === null || typeof node !== "object") return node;
  const object = node as JsonSchema;
  if (typeof object.$ref === "string" && object.$ref.startsWith("#/$defs/")) {
    const target = (root.$defs as Record<string, unknown>)[object.$ref.slice("#/$defs/".length)];
    const { $ref: _ref, ...rest } = object;
    return { ...(inlineRefs(target, root) as JsonSchema), ...rest };
  }
  const copy: JsonSchema = {};
  for (const key of Object.keys(object)) copy[key] = inlineRefs(object[key], root);
  return copy;
}
