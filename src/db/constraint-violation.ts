/** A database constraint a write broke, as SQLite (D1) names it. */
export type ConstraintViolation =
  /** `target` is what SQLite names: the unique index (`users_email_lower_unique`) or the columns (`datasets.session_id`). */
  | { kind: "unique"; target: string }
  | { kind: "foreign_key" };

const UNIQUE = /UNIQUE constraint failed: (?:index '([^']+)'|([\w.]+(?:, [\w.]+)*))/;

/**
 * Classifies a failed D1 write by the constraint it broke, or null for any other failure. D1 reports SQLite's
 * message (`UNIQUE constraint failed: ...`, `FOREIGN KEY constraint failed`) and Drizzle wraps it, with the
 * SQL text, in an error whose `cause` is D1's; only the messages along the `cause` chain are read, never the
 * query, whose column list would match any name.
 *
 * @example
 * try { await db.insert(users).values(row); }
 * catch (error) { if (constraintViolation(error)?.kind === "unique") throw conflict(); throw error; }
 */
export function constraintViolation(error: unknown): ConstraintViolation | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++) {
    const unique = UNIQUE.exec(current.message);
    if (unique) return { kind: "unique", target: unique[1] ?? unique[2] };
    if (current.message.includes("FOREIGN KEY constraint failed")) return { kind: "foreign_key" };
  }
  return null;
}
