import type { Policy } from "./policies";
import type { LimitDecision } from "./rate-limiter";

export interface PolicyState {
  policy: Policy;
  decision: LimitDecision;
}

/**
 * The IETF RateLimit header fields in the current draft's syntax (draft-ietf-httpapi-ratelimit-headers-08 to -11:
 * Structured Field lists keyed by a quoted policy name), one item per policy the route applies:
 * `RateLimit-Policy: "upload";q=10;w=3600` (quota, window in seconds) and `RateLimit: "upload";r=9;t=3600`
 * (remaining units, seconds until a unit comes back; 0 when nothing is used).
 *
 * @example
 * formatRateLimitHeaders([{ policy, decision }]);
 * // { "RateLimit-Policy": "\"upload\";q=10;w=3600", RateLimit: "\"upload\";r=9;t=3600" }
 */
export function formatRateLimitHeaders(states: readonly PolicyState[]): Record<string, string> {
  return {
    "RateLimit-Policy": states.map(({ policy, decision }) => `"${policy.name}";q=${decision.limit};w=${Math.ceil(decision.windowMs / 1000)}`).join(", "),
    RateLimit: states.map(({ policy, decision }) => `"${policy.name}";r=${decision.remaining};t=${Math.ceil(decision.resetMs / 1000)}`).join(", "),
  };
}
