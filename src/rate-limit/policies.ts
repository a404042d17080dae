import type { Config } from "../config";
import { rateLimitClock } from "./clock";
import type { LimitRequest } from "./rate-limiter";

/** The named quota policies, as they appear in the RateLimit-Policy header. */
export type PolicyName = "upload" | "execute" | "execute-refused" | "login-account-address" | "login-account" | "login-address";

export interface Policy {
  name: PolicyName;
  /** The Durable Object name: one object per policy and subject. */
  key: string;
  limit: number;
  windowMs: number;
}

const HOUR_MS = 3_600_000;
/**
 * Plans refused by validation cost no execution slot, yet each is a history row: this many times the execution
 * limit of refusals per hour keeps an LLM's retry loop free while bounding what one user can write to D1.
 */
export const REFUSED_PLANS_PER_EXECUTION = 10;
/**
 * Failed logins are counted per (account, client address) pair at LOGIN_RATE_LIMIT: one person mistyping in one
 * place. The account's ceiling and the address's limit are this many times higher: a guesser spread over many
 * addresses gets at most that many guesses at one account per window, and must spend that many addresses'
 * worth of failures to lock its owner out everywhere; one address spraying many accounts is held to it too,
 * while an office or carrier NAT shared by many people is not locked out by a few people's typos.
 */
export const LOGIN_WIDER_LIMIT_FACTOR = 10;

/**
 * The policy of `name` for one subject (a user id, a login account, a client address, or an account and address).
 *
 * @example
 * policyFor("upload", config, userId); // { name: "upload", key: "upload:<userId>", limit: 10, windowMs: 3600000 }
 */
export function policyFor(name: PolicyName, config: Config, subject: string): Policy {
  const key = `${name}:${subject}`;
  switch (name) {
    case "upload":
      return { name, key, limit: config.uploadRateLimit, windowMs: HOUR_MS };
    case "execute":
      return { name, key, limit: config.executeRateLimit, windowMs: HOUR_MS };
    case "execute-refused":
      return { name, key, limit: config.executeRateLimit * REFUSED_PLANS_PER_EXECUTION, windowMs: HOUR_MS };
    case "login-account-address":
      return { name, key, limit: config.loginRateLimit, windowMs: config.loginRateWindowMs };
    case "login-account":
    case "login-address":
      return { name, key, limit: config.loginRateLimit * LOGIN_WIDER_LIMIT_FACTOR, windowMs: config.loginRateWindowMs };
  }
}

/** The RPC argument for a policy, stamped with the test clock when one is set. */
export function limitRequest(policy: Policy): LimitRequest {
  const now = rateLimitClock.now?.();
  return now === undefined ? { limit: policy.limit, windowMs: policy.windowMs } : { limit: policy.limit, windowMs: policy.windowMs, now };
}
