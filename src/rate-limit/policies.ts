import type { Config } from "../config";
import { rateLimitClock } from "./clock";
import type { LimitRequest } from "./rate-limiter";

/** The named quota policies, as they appear in the RateLimit-Policy header. */
export type PolicyName = "upload" | "execute" | "execute-refused" | "login-user" | "login-ip";

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
 * The policy of `name` for one subject (a user id, a lowercased username or a client address).
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
    case "login-user":
    case "login-ip":
      return { name, key, limit: config.loginRateLimit, windowMs: config.loginRateWindowMs };
  }
}

/** The RPC argument for a policy, stamped with the test clock when one is set. */
export function limitRequest(policy: Policy): LimitRequest {
  const now = rateLimitClock.now?.();
  return now === undefined ? { limit: policy.limit, windowMs: policy.windowMs } : { limit: policy.limit, windowMs: policy.windowMs, now };
}
