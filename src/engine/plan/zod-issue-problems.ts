import type { z } from "zod";
import type { EngineProblem } from "../errors";
import { formatProblemPath } from "../problem-path";
import { PLAN_STRUCTURE_CODES, quote } from "./plan-problems";
import { PlanSchema } from "./plan-schema";
import { suggestClosest } from "./suggest-name";

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/**
 * Every `code` a schema violation can carry, for plans and request bodies alike: `unknown_key`, `required`,
 * `invalid_type`, `invalid_value` (not one of an enum), `too_many` (array), `too_long` / `too_short` (string or
 * array), `out_of_range` (number), `invalid` (any other rule) and, outside plans, `invalid_format` (email,
 * pattern). A refinement names its own code in `params.code`, one of these.
 */
export const SCHEMA_PROBLEM_CODES = [...PLAN_STRUCTURE_CODES, "invalid_format"] as const;
export type SchemaProblemCode = (typeof SCHEMA_PROBLEM_CODES)[number];

/** What was parsed, so problems can name it and read it. */
export interface IssueSource {
  /** The value that was parsed, read to tell a missing key from a wrong one and to quote what was received. */
  input: unknown;
  /** The schema that was parsed, read for the keys an object accepts (listed and suggested for an unknown key). */
  schema?: z.core.$ZodType;
  /** Prefix of every path (`plan` gives `plan.filters[0].column`); none for a request body's own fields. */
  root?: string;
  /** The whole value in messages and, when it has no root, its path: "plan", "body", "query". */
  name: string;
}

/** A plan as validatePlan parses it. */
const PLAN_SOURCE = { schema: PlanSchema, root: "plan", name: "plan" } as const;

/**
 * Translates zod's issues into Problems with stable codes ({@link SCHEMA_PROBLEM_CODES}) and messages written
 * for the person (or model) who wrote the value. zod's own codes and wording are an implementation detail that
 * changes between versions; clients see only these codes. The one converter of zod issues: plans (the default
 * source, rooted at `plan`) and request bodies, query strings and path parameters (see src/http/openapi.ts).
 *
 * Data-driven: the field a message names is read from the path (from the innermost array's name on, e.g.
 * `filters[0].value`), and the keys an unknown key is compared with are read from the schema at that path.
 *
 * @example
 * const issues = PlanSchema.safeParse({ operation: "mean", colour: 1 }).error!.issues;
 * zodIssuesToProblems(issues, { operation: "mean", colour: 1 });
 * // [{ path: "plan.colour", code: "unknown_key", message: 'Unknown key "colour"; allowed keys: operation, ...' }]
 */
export function zodIssuesToProblems(issues: readonly Issue[], input: unknown, source: Omit<IssueSource, "input"> = PLAN_SOURCE): EngineProblem[] {
  return issues.flatMap((issue) => convertIssue(issue, [], { ...source, input }));
}

function convertIssue(issue: Issue, prefix: Path, source: IssueSource): EngineProblem[] {
  const path = [...prefix, ...issue.path];
  const problem = (at: Path, code: SchemaProblemCode, message: string, suggestion?: string): EngineProblem => {
    const out: EngineProblem = { path: formatProblemPath(at, source.root) || source.name, code, message };
    if (suggestion !== undefined) out.suggestion = suggestion;
    return out;
  };
  const field = fieldName(path, source.name);
  const { found, value } = readAt(source.input, path);
  if (!found && path.length > 0 && issue.code !== "unrecognized_keys") {
    return [problem(path, "required", `${field} is required`)];
  }
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = source.schema === undefined ? undefined : objectKeysAt(source.schema, path);
      return issue.keys.map((key) =>
        allowed === undefined
          ? problem([...path, key], "unknown_key", `Unknown key ${quote(key)}`)
          : problem([...path, key], "unknown_key", `Unknown key ${quote(key)}; allowed keys: ${allowed.join(", ")}`, suggestClosest(key, allowed)),
      );
    }
    case "invalid_type": {
      if (path.length === 0) return [problem(path, "invalid_type", `${capitalize(article(source.name))} ${source.name} must be a JSON object, got ${describeJson(value)}`)];
      const expected = issue.expected === "int" ? "an integer" : `${article(issue.expected)} ${issue.expected}`;
      return [problem(path, "invalid_type", `${field} must be ${expected}, got ${describeJson(value)}`)];
    }
    case "invalid_value": {
      const allowed = issue.values.map((v) => String(v));
      const suggestion = typeof value === "string" ? suggestClosest(value, allowed) : undefined;
      return [problem(path, "invalid_value", `${field} must be one of ${allowed.join(", ")}; got ${describeJson(value)}`, suggestion)];
    }
    case "too_big":
    case "too_small":
      return [sizeProblem(issue, field, value, (code, message) => problem(path, code, message))];
    case "invalid_format":
      // A pattern's message is the schema author's sentence; zod's own would print the regular expression.
      return [problem(path, "invalid_format", issue.format === "regex" ? sentence(issue.message) : `${field} must be a valid ${issue.format}, got ${describeJson(value)}`)];
    case "custom": {
      const code = SCHEMA_PROBLEM_CODES.find((known) => known === issue.params?.code) ?? "invalid";
      return [problem(path, code, sentence(issue.message))];
    }
    case "invalid_union":
      return convertUnionIssue(issue, path, field, source, value, problem);
    default:
      return [problem(path, "invalid", `${field}: ${issue.message}`)];
  }
}

function sizeProblem(
  issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall,
  field: string,
  value: unknown,
  problem: (code: SchemaProblemCode, message: string) => EngineProblem,
): EngineProblem {
  const big = issue.code === "too_big";
  const limit = Number(big ? issue.maximum : issue.minimum);
  if (issue.origin === "array") {
    const count = Array.isArray(value) ? value.length : 0;
    return big
      ? problem("too_many", `${field} takes at most ${limit} item${limit === 1 ? "" : "s"}, got ${count}`)
      : problem("too_short", `${field} needs at least ${limit} item${limit === 1 ? "" : "s"}, got ${count}`);
  }
  if (issue.origin === "string") {
    const length = typeof value === "string" ? value.length : 0;
    if (big) return problem("too_long", `${field} takes at most ${limit} characters, got ${length}`);
    return problem("too_short", limit === 1 ? `${field} must not be empty` : `${field} needs at least ${limit} characters, got ${length}`);
  }
  if (issue.origin === "number") {
    const bound = big ? (issue.inclusive ? `at most ${limit}` : `less than ${limit}`) : issue.inclusive ? `at least ${limit}` : `greater than ${limit}`;
    return problem("out_of_range", `${field} must be ${bound}, got ${describeJson(value)}`);
  }
  return problem("invalid", `${field}: ${issue.message}`);
}

/**
 * A union fails as a whole. When every branch failed on the type (a filter's value: string, number or boolean)
 * say which types are accepted; otherwise report the branch that got furthest.
 */
function convertUnionIssue(
  issue: z.core.$ZodIssueInvalidUnion,
  path: Path,
  field: string,
  source: IssueSource,
  value: unknown,
  problem: (at: Path, code: SchemaProblemCode, message: string) => EngineProblem,
): EngineProblem[] {
  const typeOnly = issue.errors.every((branch) => branch.length > 0 && branch.every((i) => i.code === "invalid_type" && i.path.length === 0));
  if (typeOnly) {
    const expected = [...new Set(issue.errors.map((branch) => (branch[0] as z.core.$ZodIssueInvalidType).expected))];
    const list = expected.length > 1 ? `${expected.slice(0, -1).join(", ")} or ${expected[expected.length - 1]}` : expected.join("");
    return [problem(path, "invalid_type", `${field} must be ${article(list)} ${list}, got ${describeJson(value)}`)];
  }
  // The branch that got furthest: one that recognises every key of the object (a filter vs an {any} group),
  // else the first that failed on more than the type.
  const failedOnType = (branch: readonly Issue[]) => branch.every((i) => i.code === "invalid_type" && i.path.length === 0);
  const recognisesKeys = (branch: readonly Issue[]) => !branch.some((i) => i.code === "unrecognized_keys" && i.path.length === 0);
  const closest = issue.errors.find((branch) => !failedOnType(branch) && recognisesKeys(branch)) ?? issue.errors.find((branch) => !failedOnType(branch));
  if (closest === undefined) return [problem(path, "invalid", `${field}: ${issue.message}`)];
  return closest.flatMap((inner) => convertIssue(inner, path, source));
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

/**
 * The keys of the object schema at `path` (through optional, nullable, default, pipe and array wrappers; the
 * first union option that has an object there), or undefined when the path does not lead to an object.
 */
function objectKeysAt(schema: z.core.$ZodType, path: Path): string[] | undefined {
  const def = unwrap(schema)._zod.def;
  if (def.type === "union") {
    for (const option of (def as z.core.$ZodUnionDef).options) {
      const keys = objectKeysAt(option, path);
      if (keys !== undefined) return keys;
    }
    return undefined;
  }
  if (path.length === 0) return def.type === "object" ? Object.keys((def as z.core.$ZodObjectDef).shape) : undefined;
  const [head, ...rest] = path;
  if (typeof head === "number") return def.type === "array" ? objectKeysAt((def as z.core.$ZodArrayDef).element, rest) : undefined;
  if (def.type !== "object") return undefined;
  const shape = (def as z.core.$ZodObjectDef).shape;
  return typeof head === "string" && Object.hasOwn(shape, head) ? objectKeysAt(shape[head], rest) : undefined;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = current._zod.def as z.core.$ZodTypeDef & { innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    if (def.innerType !== undefined) current = def.innerType;
    else if (def.type === "pipe" && def.in !== undefined) current = def.in;
    else return current;
  }
}

/**
 * The name a message uses for the field at `path`: from the innermost array's name on (`filters[0].value`,
 * `group_by[2]`), else the last key; the whole value's name for the root.
 */
function fieldName(path: Path, name: string): string {
  if (path.length === 0) return name;
  let index = -1;
  for (let i = path.length - 1; i >= 0 && index < 0; i--) if (typeof path[i] === "number") index = i;
  return index < 0 ? String(path[path.length - 1]) : formatProblemPath(path.slice(Math.max(0, index - 1)));
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

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A schema author's message as a sentence fragment like the others: no final period. */
function sentence(message: string): string {
  return message.endsWith(".") ? message.slice(0, -1) : message;
}
