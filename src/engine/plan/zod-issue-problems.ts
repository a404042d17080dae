import type { z } from "zod";
import type { EngineProblem } from "../errors";
import { makeProblem, quote } from "./plan-problems";
import { PlanSchema } from "./plan-schema";
import { suggestClosest } from "./suggest-name";

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/**
 * The keys the schema allows for the object at `path` inside a plan, found by walking PlanSchema (optional and
 * nullable wrappers, arrays and unions are looked through; a union offers the keys of its object options).
 */
function allowedKeysAt(path: Path): string[] {
  let schemas: z.ZodType[] = [PlanSchema as unknown as z.ZodType];
  for (const segment of path) {
    schemas = schemas.flatMap((schema) => step(unwrap(schema), segment));
  }
  return [...new Set(schemas.flatMap((schema) => Object.keys(shapeOf(unwrap(schema)) ?? {})))];
}

type AnyDef = { type: string; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; shape?: Record<string, z.ZodType> };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: AnyDef } })._zod.def;

function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if ((def.type === "optional" || def.type === "nullable") && def.innerType !== undefined) return unwrap(def.innerType);
  if (def.type === "union" && def.options !== undefined) return def.options.flatMap(unwrap);
  return [schema];
}

function step(schemas: z.ZodType[], segment: PropertyKey): z.ZodType[] {
  return schemas.flatMap((schema) => {
    const def = defOf(schema);
    if (typeof segment === "number") return def.type === "array" && def.element !== undefined ? [def.element] : [];
    const shape = shapeOf(schema);
    return shape !== undefined && Object.hasOwn(shape, segment) ? [shape[segment as string]] : [];
  });
}

function shapeOf(schemas: z.ZodType | z.ZodType[]): Record<string, z.ZodType> | undefined {
  const list = Array.isArray(schemas) ? schemas : [schemas];
  const shapes = list.map((schema) => defOf(schema)).filter((def) => def.type === "object").map((def) => def.shape as Record<string, z.ZodType>);
  return shapes.length === 0 ? undefined : Object.assign({}, ...shapes);
}

/**
 * Translates zod's issues into Problems with the plan's stable codes and messages written for the person (or
 * model) who wrote the plan. zod's own codes and wording are an implementation detail that changes between
 * versions; clients see only the codes in PLAN_ERROR_CODES. `input` is the raw plan, read to tell a missing
 * key (`required`) from a wrong one and to name what was received.
 *
 * @example
 * const issues = PlanSchema.safeParse({ operation: "mean", colour: 1 }).error!.issues;
 * zodIssuesToProblems(issues, { operation: "mean", colour: 1 });
 * // [{ path: "plan.colour", code: "unknown_key", message: 'Unknown key "colour"; allowed keys: operation, ...' }]
 */
export function zodIssuesToProblems(issues: readonly Issue[], input: unknown): EngineProblem[] {
  return issues.flatMap((issue) => convertIssue(issue, [], input));
}

function convertIssue(issue: Issue, prefix: Path, input: unknown): EngineProblem[] {
  const path = [...prefix, ...issue.path];
  const field = fieldName(path);
  const { found, value } = readAt(input, path);
  if (!found && path.length > 0 && issue.code !== "unrecognized_keys") {
    return [makeProblem(path, "required", `${field} is required`)];
  }
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeysAt(path);
      return issue.keys.map((key) =>
        makeProblem([...path, key], "unknown_key", `Unknown key ${quote(key)}; allowed keys: ${allowed.join(", ")}`, suggestClosest(key, allowed)),
      );
    }
    case "invalid_type": {
      if (path.length === 0) return [makeProblem(path, "invalid_type", `A plan must be a JSON object, got ${describeJson(value)}`)];
      const expected = issue.expected === "int" ? "an integer" : `${article(issue.expected)} ${issue.expected}`;
      return [makeProblem(path, "invalid_type", `${field} must be ${expected}, got ${describeJson(value)}`)];
    }
    case "invalid_value": {
      const allowed = issue.values.map((v) => String(v));
      const suggestion = typeof value === "string" ? suggestClosest(value, allowed) : undefined;
      return [makeProblem(path, "invalid_value", `${field} must be one of ${allowed.join(", ")}; got ${describeJson(value)}`, suggestion)];
    }
    case "too_big":
    case "too_small":
      return [convertSizeIssue(issue, path, field, value)];
    case "invalid_union":
      return convertUnionIssue(issue, path, field, input, value);
    default:
      return [makeProblem(path, "invalid", `${field}: ${issue.message}`)];
  }
}

function convertSizeIssue(
  issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall,
  path: Path,
  field: string,
  value: unknown,
): EngineProblem {
  const big = issue.code === "too_big";
  const limit = Number(big ? issue.maximum : issue.minimum);
  if (issue.origin === "array") {
    const count = Array.isArray(value) ? value.length : 0;
    return big
      ? makeProblem(path, "too_many", `${field} takes at most ${limit} item${limit === 1 ? "" : "s"}, got ${count}`)
      : makeProblem(path, "too_short", `${field} needs at least ${limit} item${limit === 1 ? "" : "s"}, got ${count}`);
  }
  if (issue.origin === "string") {
    const length = typeof value === "string" ? value.length : 0;
    if (big) return makeProblem(path, "too_long", `${field} takes at most ${limit} characters, got ${length}`);
    return makeProblem(path, "too_short", limit === 1 ? `${field} must not be empty` : `${field} needs at least ${limit} characters, got ${length}`);
  }
  if (issue.origin === "number") {
    const bound = big ? (issue.inclusive ? `at most ${limit}` : `less than ${limit}`) : issue.inclusive ? `at least ${limit}` : `greater than ${limit}`;
    return makeProblem(path, "out_of_range", `${field} must be ${bound}, got ${describeJson(value)}`);
  }
  return makeProblem(path, "invalid", `${field}: ${issue.message}`);
}

/**
 * A union fails as a whole. When every branch failed on the type (the only union is a filter's value: string,
 * number or boolean) say which types are accepted; otherwise report the branch that got furthest.
 */
function convertUnionIssue(issue: z.core.$ZodIssueInvalidUnion, path: Path, field: string, input: unknown, value: unknown): EngineProblem[] {
  const typeOnly = issue.errors.every((branch) => branch.length > 0 && branch.every((i) => i.code === "invalid_type" && i.path.length === 0));
  if (typeOnly) {
    const expected = [...new Set(issue.errors.map((branch) => (branch[0] as z.core.$ZodIssueInvalidType).expected))];
    const list = expected.length > 1 ? `${expected.slice(0, -1).join(", ")} or ${expected[expected.length - 1]}` : expected.join("");
    return [makeProblem(path, "invalid_type", `${field} must be ${article(list)} ${list}, got ${describeJson(value)}`)];
  }
  // The branch that got furthest: one that recognises every key of the object (a filter vs an {any} group),
  // else the first that failed on more than the type.
  const failedOnType = (branch: readonly Issue[]) => branch.every((i) => i.code === "invalid_type" && i.path.length === 0);
  const recognisesKeys = (branch: readonly Issue[]) => !branch.some((i) => i.code === "unrecognized_keys" && i.path.length === 0);
  const closest = issue.errors.find((branch) => !failedOnType(branch) && recognisesKeys(branch)) ?? issue.errors.find((branch) => !failedOnType(branch));
  if (closest === undefined) return [makeProblem(path, "invalid", `${field}: ${issue.message}`)];
  return closest.flatMap((inner) => convertIssue(inner, path, input));
}

/** Reads the value at a path without ever touching a prototype (`__proto__` is a plain key here). */
function readAt(input: unknown, path: Path): { found: boolean; value: unknown } {
  let current: unknown = input;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return { found: false, value: undefined };
    const key = typeof segment === "number" ? String(segment) : segment;
    if (!Object.hasOwn(current, key)) return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: current !== undefined, value: current };
}

/** The name used in messages: the last key, with the filter index for filter fields (`filters[0].value`). */
function fieldName(path: Path): string {
  if (path.length === 0) return "plan";
  const last = path[path.length - 1];
  if (typeof last === "number") return `${String(path[path.length - 2])}[${last}]`;
  if (path[0] === "filters" && path.length === 3) return `filters[${String(path[1])}].${String(last)}`;
  return String(last);
}

function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
