import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";
import { askLimiter } from "./ask-limiter";
import { clientAddress } from "./client-address";
import { formatRateLimitHeaders, type PolicyState } from "./headers";
import { limitRequest, policyFor, type Policy } from "./policies";
import { answerWith } from "./rate-limit";

/**
 * The account a login names, for counting failures: the user's id when the username or email typed belongs to
 * one, so both identifiers count against the same account; else the identifier typed, lowercased, counted
 * exactly like an account, so the answers do not tell an unknown name from a known one.
 *
 * @example
 * loginAccount(user?.id ?? null, "Ada@Example.com"); // "user:<id>", or "name:ada@example.com" when no user has it
 */
export function loginAccount(userId: string | null, login: string): string {
  return userId === null ? `name:${login.toLowerCase()}` : `user:${userId}`;
}

/**
 * Runs one password check under the failed-login limits (policies.ts, LOGIN_WIDER_LIMIT_FACTOR), counted per
 * (account, client address) pair at LOGIN_RATE_LIMIT per LOGIN_RATE_WINDOW_MINUTES, per account at a higher
 * ceiling, and per client address. When any is used up the answer is 429 before any password is verified.
 * The pair, not the account alone, is what a typo or a guesser at one place uses up, so a guesser cannot lock
 * the owner out from everywhere; the ceiling still bounds guesses spread over many addresses.
 *
 * Each attempt reserves a unit in every object before `check` runs and gives them back when `check` succeeds
 * (or throws: a broken database is not a failed login). Reserving first rather than peeking keeps the count
 * exact: N parallel wrong guesses against limit L get exactly L password checks, where peek-then-record would
 * let them all through. A successful login therefore never counts, and does not clear earlier failures either.
 * The RateLimit headers report the address's policy, plus any policy that refused: counts keyed by the account
 * would show whether two identifiers name the same account.
 *
 * @example
 * const user = await limitLoginAttempts(c, loginAccount(found?.id ?? null, username), () => verifyLogin(found, password, cost));
 */
export async function limitLoginAttempts<T, E extends AppEnv>(c: Context<E>, account: string, check: () => Promise<T | null>): Promise<T | null> {
  const config = c.get("config");
  const address = clientAddress(c.req.raw.headers);
  const policies = [
    policyFor("login-account-address", config, JSON.stringify([account, address])),
    policyFor("login-account", config, account),
    policyFor("login-address", config, address),
  ];
  const reserved = await reserveAll(c, policies);
  // Throws the 429 (after giving back what the other objects admitted) when any subject is exhausted.
  if (!reserved.every(({ decision }) => decision.allowed)) answerWith(c, shown(await refundAll(c, reserved)));

  let outcome: T | null;
  try {
    outcome = await check();
  } catch (error) {
    await refundAll(c, reserved).catch(() => undefined);
    throw error;
  }
  // The failure stays recorded. A success gives its units back; if that fails the login still stands, with the
  // reason logged by askLimiter, and the headers show the reserved state.
  const after = outcome ? await refundAll(c, reserved).catch(() => reserved) : reserved;
  for (const [name, value] of Object.entries(formatRateLimitHeaders(shown(after)))) c.header(name, value);
  return outcome;
}

/** The states a client is told about: the address's, and any that refused. */
function shown(states: readonly PolicyState[]): PolicyState[] {
  return states.filter(({ policy, decision }) => policy.name === "login-address" || !decision.allowed);
}

async function reserveAll<E extends AppEnv>(c: Context<E>, policies: readonly Policy[]): Promise<PolicyState[]> {
  const settled = await Promise.allSettled(
    policies.map(async (policy) => ({ policy, decision: await askLimiter(c, policy, (limiter) => limiter.consume(limitRequest(policy))) })),
  );
  const states = settled.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failed = settled.find((result) => result.status === "rejected");
  if (failed) {
    // Fail closed (503), without keeping a unit the other object admitted for an attempt that never happened.
    await refundAll(c, states).catch(() => undefined);
    throw failed.reason;
  }
  return states;
}

/** Gives back every admitted unit and answers the states afterwards (refused ones are unchanged). */
async function refundAll<E extends AppEnv>(c: Context<E>, states: readonly PolicyState[]): Promise<PolicyState[]> {
  return Promise.all(
    states.map(async ({ policy, decision }) => {
      const { eventId } = decision;
      if (eventId === undefined) return { policy, decision };
      return { policy, decision: await askLimiter(c, policy, (limiter) => limiter.refund(eventId, limitRequest(policy))) };
    }),
  );
}
