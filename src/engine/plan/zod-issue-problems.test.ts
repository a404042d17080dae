import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SCHEMA_PROBLEM_CODES, zodIssuesToProblems } from "./zod-issue-problems";

const problemsOf = (schema: z.ZodType, input: unknown, source: Parameters<typeof zodIssuesToProblems>[2]) =>
  zodIssuesToProblems(schema.safeParse(input).error!.issues, input, source);

describe("zodIssuesToProblems for any source", () => {
  const Body = z.strictObject({
    email: z.email().max(254),
    username: z.string().regex(/^[a-z]+$/, "Username may contain only lowercase letters"),
    password: z.string().refine((p) => p.length >= 8, { message: "Password must be at least 8 characters.", params: { code: "too_short" } }),
    age: z.number().int().min(0).optional(),
  });
  const ok = { email: "a@example.com", username: "ada", password: "long enough" };

  it("names a request body's fields bare, and the body itself 'body'", () => {
    expect(problemsOf(Body, { ...ok, email: "nope", username: "Ada", password: "short", age: -1 }, { name: "body" })).toEqual([
      { path: "email", code: "invalid_format", message: 'email must be a valid email, got "nope"' },
      { path: "username", code: "invalid_format", message: "Username may contain only lowercase letters" },
      { path: "password", code: "too_short", message: "Password must be at least 8 characters" },
      { path: "age", code: "out_of_range", message: "age must be at least 0, got -1" },
    ]);
    expect(problemsOf(Body, [], { name: "body" })).toEqual([{ path: "body", code: "invalid_type", message: "A body must be a JSON object, got an array" }]);
  });

  it("roots other parts of a request at their name, and tells a missing field from a wrong one", () => {
    const Query = z.object({ limit: z.coerce.number().int().min(1), before: z.string() });
    expect(problemsOf(Query, { limit: "0" }, { name: "query", root: "query" })).toEqual([
      { path: "query.limit", code: "out_of_range", message: 'limit must be at least 1, got "0"' },
      { path: "query.before", code: "required", message: "before is required" },
    ]);
  });

  it("lists and suggests the keys the schema accepts at the unknown key's path, however deep", () => {
    const Nested = z.strictObject({ steps: z.array(z.strictObject({ filters: z.array(z.strictObject({ column: z.string(), value: z.number() })).nullish() })) });
    const input = { steps: [{ filters: [{ column: "a", valeu: 1 }] }] };
    expect(problemsOf(Nested, input, { name: "plan", root: "plan", schema: Nested })).toEqual([
      { path: "plan.steps[0].filters[0].value", code: "required", message: "filters[0].value is required" },
      { path: "plan.steps[0].filters[0].valeu", code: "unknown_key", message: 'Unknown key "valeu"; allowed keys: column, value', suggestion: "value" },
    ]);
    expect(problemsOf(Nested, input, { name: "body" })[1]).toEqual({ path: "steps[0].filters[0].valeu", code: "unknown_key", message: 'Unknown key "valeu"' });
  });

  it("gives only the documented codes", () => {
    const Strange = z.strictObject({ a: z.string().refine(() => false, { params: { code: "made_up" } }), b: z.number().multipleOf(2) });
    const codes = problemsOf(Strange, { a: "x", b: 3 }, { name: "body" }).map((p) => p.code);
    expect(codes).toEqual(["invalid", "invalid"]);
    for (const code of codes) expect(SCHEMA_PROBLEM_CODES).toContain(code);
  });
});
