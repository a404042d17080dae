import { DurableObject } from "cloudflare:workers";

/** One object per rate-limit subject (filled in by the rate-limiting work). */
export class RateLimiter extends DurableObject<Env> {}
