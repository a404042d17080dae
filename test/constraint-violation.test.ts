import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createDb } from "../src/db/client";
import { constraintViolation } from "../src/db/constraint-violation";
import { analyses, users } from "../src/db/schema";
import { unique } from "./factories";

/** The error a real local D1 throws through Drizzle for `write`, classified. */
async function violationOf(write: () => Promise<unknown>) {
  try {
    await write();
  } catch (error) {
    return constraintViolation(error);
  }
  throw new Error("the write succeeded");
}

describe("constraintViolation on real D1 errors", () => {
  const db = createDb(env.DB);
  const now = new Date();
  const user = (name: string, email: string) => ({
    id: crypto.randomUUID(), email, username: name, hashedPassword: "x", fullName: null, isActive: true, createdAt: now, updatedAt: now,
  });

  it("names the unique index a duplicate broke (case-insensitive email or username)", async () => {
    const name = unique("c");
    await db.insert(users).values(user(name, `${name}@example.com`));
    expect(await violationOf(() => db.insert(users).values(user(unique("d"), `${name.toUpperCase()}@example.com`)))).toEqual({
      kind: "unique",
      target: "users_email_lower_unique",
    });
    expect(await violationOf(() => db.insert(users).values(user(name.toUpperCase(), `${unique("e")}@example.com`)))).toEqual({
      kind: "unique",
      target: "users_username_lower_unique",
    });
  });

  it("reports a row that points at nothing as a foreign-key violation", async () => {
    const orphan = {
      id: crypto.randomUUID(), datasetId: crypto.randomUUID(), userId: crypto.randomUUID(), sessionId: "s", executionPlan: {},
      result: null, chart: null, filteredRowCount: null, executionTimeMs: null, success: false, errorMessage: null, executedAt: now,
    };
    expect(await violationOf(() => db.insert(analyses).values(orphan))).toEqual({ kind: "foreign_key" });
  });

  it("is null for any other failure, and reads only messages, never the SQL text", () => {
    expect(constraintViolation(new Error("D1_ERROR: no such table: x"))).toBeNull();
    expect(constraintViolation("UNIQUE constraint failed: users.email")).toBeNull();
    const wrapped = new Error('Failed query: insert into "users" ("email") values (?)', { cause: new Error("D1_ERROR: UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT") });
    expect(constraintViolation(wrapped)).toEqual({ kind: "unique", target: "users.email" });
  });
});
