import { eq, or, sql } from "drizzle-orm";
import { hashPassword, verifyPassword } from "../auth/password";
import type { Database } from "../db/client";
import { constraintViolation } from "../db/constraint-violation";
import { type UserRow, users } from "../db/schema";
import { ApiError } from "../errors";
import { timed, type Timing } from "../timing";

export interface PublicUser {
  id: string;
  email: string;
  username: string;
  full_name: string | null;
  is_active: boolean;
  created_at: string;
}

/** The allowlist of user fields a response may carry: never the hash. */
export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    full_name: row.fullName,
    is_active: row.isActive,
    created_at: row.createdAt.toISOString(),
  };
}

export interface Registration {
  email: string;
  username: string;
  password: string;
  full_name?: string | null;
}

/**
 * Creates an account. Uniqueness of email and username is case-insensitive and enforced by unique indexes, so
 * a race between two registrations still ends in one 409, not a duplicate.
 */
export async function registerUser(db: Database, input: Registration, hashCost: number, timing?: Timing): Promise<PublicUser> {
  await timed(timing, "db", () => assertAvailable(db, input.email, input.username));
  const now = new Date();
  const row: UserRow = {
    id: crypto.randomUUID(),
    email: input.email,
    username: input.username,
    hashedPassword: await timed(timing, "auth", () => hashPassword(input.password, hashCost)),
    fullName: input.full_name ?? null,
    isActive: true,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await timed(timing, "db", () => db.insert(users).values(row));
  } catch (error) {
    const violation = constraintViolation(error);
    if (violation?.kind === "unique") throw conflict(violation.target.includes("email") ? "email" : "username");
    throw error;
  }
  return toPublicUser(row);
}

async function assertAvailable(db: Database, email: string, username: string): Promise<void> {
  const taken = await db
    .select({ email: users.email, username: users.username })
    .from(users)
    .where(or(eq(sql`lower(${users.email})`, email.toLowerCase()), eq(sql`lower(${users.username})`, username.toLowerCase())))
    .limit(2);
  if (taken.some((u) => u.email.toLowerCase() === email.toLowerCase())) throw conflict("email");
  if (taken.length > 0) throw conflict("username");
}

function conflict(field: "email" | "username"): ApiError {
  const message = field === "email" ? "Email already registered" : "Username already taken";
  return new ApiError({ code: "conflict", message, errors: [{ path: field, code: "already_exists", message: `${message}.` }] });
}

/**
 * The user a login names by username or email (case-insensitive), active or not, or null. The same query runs
 * whatever the answer, so the lookup takes the same time for a known and an unknown name.
 */
export async function findLoginUser(db: Database, login: string): Promise<UserRow | null> {
  const key = login.toLowerCase();
  const [user] = await db
    .select()
    .from(users)
    .where(or(eq(sql`lower(${users.username})`, key), eq(sql`lower(${users.email})`, key)))
    .limit(1);
  return user ?? null;
}

let dummyHash: Promise<string> | undefined;
let dummyHashCost = 0;

/**
 * Checks a password against the user a login named (findLoginUser). No user still pays for one scrypt
 * verification against a dummy hash of the same cost, so both failures look alike in content and in timing.
 */
export async function verifyLogin(user: UserRow | null, password: string, hashCost: number): Promise<UserRow | null> {
  if (!user) {
    if (!dummyHash || dummyHashCost !== hashCost) {
      dummyHashCost = hashCost;
      // A failed hash must not stay cached: the next unknown-user login tries again instead of failing forever.
      dummyHash = hashPassword("dummy password for timing equalisation", hashCost).catch((error: unknown) => {
        dummyHash = undefined;
        throw error;
      });
    }
    await verifyPassword(password, await dummyHash);
    return null;
  }
  const ok = await verifyPassword(password, user.hashedPassword);
  return ok && user.isActive ? user : null;
}

/** The user with this id, active or not: a query to run alone or in a batch (activeUserOf reads its rows). */
export function userQuery(db: Database, userId: string) {
  return db.select().from(users).where(eq(users.id, userId)).limit(1);
}

/** The user of `userQuery`'s rows if still active, else null (deleted or deactivated users lose access at once). */
export function activeUserOf(rows: UserRow[]): UserRow | null {
  const [user] = rows;
  return user && user.isActive ? user : null;
}
