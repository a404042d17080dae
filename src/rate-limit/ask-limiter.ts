import type { Context } from "hono";
import { ApiError } from "../errors";
import type { AppEnv } from "../http/app-env";
import { timed } from "../timing";
import type { Policy } from "./policies";
import type { RateLimiter } from "./rate-limiter";

/**
 * Calls the Durable Object of one policy's subject. An unreachable or failing object fails closed: 503
 * `service_unavailable`, with the reason logged (never sent), because answering without a limiter would turn the
 * limit off exactly when the platform is degraded.
 *
 * @example
 * const decision = await askLimiter(c, policy, (limiter) => limiter.consume(limitRequest(policy)));
 */
export async function askLimiter<T, E extends AppEnv>(
  c: Context<E>,
  policy: Policy,
  ask: (limiter: DurableObjectStub<RateLimiter>) => Promise<T> | T,
): Promise<T> {
  try {
    const namespace = c.env.RATE_LIMITER;
    return await timed(c.get("timing"), "limiter", async () => ask(namespace.get(namespace.idFromName(policy.key))));
  } catch (error) {
    // The policy name, not the key: keys carry usernames and addresses, which stay out of the logs.
    c.set("failure", `rate limiter "${policy.name}" unavailable: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    throw new ApiError({
      code: "service_unavailable",
      message: "The service is temporarily unavailable; please retry shortly.",
      headers: { "Retry-After": "1" },
      cause: error,
    });
  }
}
