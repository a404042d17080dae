import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";
import { askLimiter } from "./ask-limiter";
import { clientAddress } from "./client-address";
import { formatRateLimitHeaders, type PolicyState } from "./headers";
import { limitRequest, policyFor, type Policy } from "./policies";
import { answerWith } from "./rate-limit";

/**
 * Runs one password check under the failed-login limits (credential stuffing): LOGIN_RATE_LIMIT failures per
 * LOGIN_RATE_WINDOW_MINUTES, counted both per username (as typed, lowercased) and per client address. When either is
 * used up the answer is 429 before any password is verified.
 *
 * Each attempt reserves a unit in both objects before `check` runs and gives both back when `check` succeeds (or
 * throws: a broken database is not a failed login). Reserving first rather than peeking keeps the count exact: N
 * parallel wrong guesses against limit L get exactly L password checks, where peek-then-record would let them all
 * through. A successful login therefore never counts, and does not clear earlier failures either.
 *
 * @example
 * const user = await limitLoginAttempts(c, username, () => authenticate(db, username, password, cost));
 */
export async function limitLoginAttempts<T, E extends AppEnv>(c: Context<E>, username: string, check: () => Promise<T | null>): Promise<T | null> {
  const config = c.get("config");
  const policies = [
    policyFor("login-user", config, username.toLowerCase()),
    policyFor("login-ip", config, clientAddress(c.req.raw.headers)),
  ];
  const reserved = await reserveAll(c, policies);
  // Throws the 429 (after giving back what one object admitted) when either subject is exhausted.
  if (!reserved.every(({ decision }) => decision.allowed)) answerWith(c, await refundAll(c, reserved));

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
  for (const [name, value] of Object.entries(formatRateLimitHeaders(after))) c.header(name, value);
  return outcome;
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
