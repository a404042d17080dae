import type { Context, MiddlewareHandler } from "hono";
import { ApiError } from "../errors";
import type { AppEnv } from "../http/app-env";
import { askLimiter } from "./ask-limiter";
import { formatRateLimitHeaders, type PolicyState } from "./headers";
import { limitRequest, policyFor, type Policy } from "./policies";
import type { LimitDecision } from "./rate-limiter";

export interface RateLimitOptions {
  /** A per-user policy; the subject is the authenticated `userId`, so this runs after requireUser(). */
  policy: "upload" | "execute";
  /**
   * `consume` takes the slot before the handler runs (uploads: a request over the limit is refused before its body
   * is read). `check` only refuses when the window is already full and takes nothing: the handler takes the slot
   * later with `consumeSlot`, once the request has proved worth counting (executions: after validation).
   */
  mode: "consume" | "check";
  /**
   * `consume` only: give the slot back when the answer is not a 2xx, so that only work that succeeded counts (as
   * for executions, where a request refused by validation costs nothing). The slot is still taken while the
   * request runs, so parallel requests cannot overshoot the limit.
   */
  refundFailures?: boolean;
}

/**
 * Guards a route with a per-user limit kept by that user's own Durable Object. Answers 429 `rate_limited` with
 * `Retry-After` when the window is full; sets `RateLimit-Policy` and `RateLimit` on every answer, success or not.
 * An unreachable limiter fails closed with 503 `service_unavailable`.
 *
 * @example
 * createRoute({ ...upload, middleware: [requireUser(), rateLimit({ policy: "upload", mode: "consume" })] });
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async function rateLimitMiddleware(c, next) {
    const decision = options.mode === "consume" ? await consumeSlot(c, options.policy) : await checkSlot(c, options.policy);
    await next();
    if (options.refundFailures && decision.eventId !== undefined && !c.res.ok) await giveBack(c, userPolicy(c, options.policy), decision.eventId);
    // An error answer is a fresh Response built by onError; the latest state (a handler may have consumed since)
    // goes on whatever answer it is.
    for (const [name, value] of Object.entries(latestHeaders.get(c) ?? {})) c.res.headers.set(name, value);
  };
}

/**
 * Takes one slot of a per-user policy from inside a handler, after the checks that must not cost a slot. Throws
 * 429 when parallel requests used the window up since `rateLimit({ mode: "check" })` looked; otherwise updates the
 * RateLimit headers to the state after this slot.
 *
 * @example
 * const { errors } = validatePlan(plan, dataset);
 * if (errors.length > 0) throw new ApiError({ code: "invalid_plan", message, errors }); // costs no slot
 * await consumeSlot(c, "execute"); // 429 here if parallel requests took the last slots
 */
export async function consumeSlot<E extends AppEnv>(c: Context<E>, name: RateLimitOptions["policy"]): Promise<LimitDecision> {
  const policy = userPolicy(c, name);
  const decision = await askLimiter(c, policy, (limiter) => limiter.consume(limitRequest(policy)));
  answerWith(c, [{ policy, decision }]);
  return decision;
}

/**
 * Refuses with 429 when a per-user policy's window is already full, taking nothing (the `check` mode of rateLimit,
 * for callers that are not route middleware); otherwise updates the RateLimit headers.
 *
 * @example
 * await checkSlot(c, "execute"); // 429 before any work when the hour's executions are used up
 */
export async function checkSlot<E extends AppEnv>(c: Context<E>, name: RateLimitOptions["policy"]): Promise<LimitDecision> {
  const policy = userPolicy(c, name);
  const decision = await askLimiter(c, policy, (limiter) => limiter.peek(limitRequest(policy)));
  answerWith(c, [{ policy, decision }]);
  return decision;
}

/**
 * Runs `work` in a slot of a per-user policy taken first, and gives the slot back when `work` throws: what
 * limitUploads does for a route, for callers that are not route middleware (the upload_csv tool).
 *
 * @example
 * const metadata = await withSlot(c, "upload", () => uploadCsv(ctx, file));
 */
export async function withSlot<E extends AppEnv, T>(c: Context<E>, name: RateLimitOptions["policy"], work: () => Promise<T>): Promise<T> {
  const decision = await consumeSlot(c, name);
  try {
    return await work();
  } catch (error) {
    if (decision.eventId !== undefined) await giveBack(c, userPolicy(c, name), decision.eventId);
    throw error;
  }
}

/**
 * The rate-limit hooks of an execution (ExecuteContext): the slot taken once the plan validated, refused plans
 * counted apart. The execute route and the execute_plan tool pass the same ones.
 *
 * @example
 * await executeOnSession({ db, bucket, userId, ...executeLimitHooks(c) }, sessionId, plan);
 */
export function executeLimitHooks<E extends AppEnv>(c: Context<E>): { beforeExecute: () => Promise<unknown>; beforeRecordingRefusal: () => Promise<void> } {
  return { beforeExecute: () => consumeExecuteSlot(c), beforeRecordingRefusal: () => chargeRefusedPlan(c) };
}

/**
 * Uploads: an authenticated upload takes a slot before its body is read (so a request over the limit is refused
 * without reading it) and keeps it only when the dataset was stored (201).
 */
export const limitUploads = () => rateLimit({ policy: "upload", mode: "consume", refundFailures: true });

/**
 * Executions, step 1 (route middleware after requireUser): refuse early, before the body is read, when the window
 * is already full; takes nothing.
 */
export const checkExecuteLimit = () => rateLimit({ policy: "execute", mode: "check" });

/** Executions, step 2 (in the handler, once the plan validated): take the slot; throws 429 if none is left. */
export const consumeExecuteSlot = <E extends AppEnv>(c: Context<E>) => consumeSlot(c, "execute");

/**
 * Executions refused by validation: counted apart (REFUSED_PLANS_PER_EXECUTION x EXECUTE_RATE_LIMIT per hour),
 * so they stay free for an ordinary retry loop but cannot write history rows without bound. Past the limit the
 * call is 429 and not recorded. No RateLimit headers: the ones a client plans with stay those of `execute`.
 */
export async function chargeRefusedPlan<E extends AppEnv>(c: Context<E>): Promise<void> {
  const policy = userPolicy(c, "execute-refused");
  const decision = await askLimiter(c, policy, (limiter) => limiter.consume(limitRequest(policy)));
  if (decision.allowed) return;
  throw new ApiError({
    code: "rate_limited",
    message: `Too many refused plans in the last hour; retry after ${decision.retryAfterSeconds} seconds with a corrected plan.`,
    headers: { "Retry-After": String(decision.retryAfterSeconds) },
  });
}

/** The RateLimit headers last computed for a request, for the middleware to put on the final answer. */
const latestHeaders = new WeakMap<Context, Record<string, string>>();

/**
 * Puts the RateLimit headers on the response being built and, when any policy refused, throws the 429 with
 * `Retry-After`: the longest wait among the exhausted policies, equal to their `t`.
 */
export function answerWith<E extends AppEnv>(c: Context<E>, states: readonly PolicyState[]): void {
  const headers = formatRateLimitHeaders(states);
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  latestHeaders.set(c, headers);
  const exhausted = states.filter(({ decision }) => !decision.allowed);
  if (exhausted.length === 0) return;
  const retryAfter = String(Math.max(...exhausted.map(({ decision }) => decision.retryAfterSeconds)));
  throw new ApiError({
    code: "rate_limited",
    message: `Too many requests (${exhausted.map(({ policy }) => policy.name).join(", ")}); retry after ${retryAfter} seconds.`,
    headers: { ...headers, "Retry-After": retryAfter },
  });
}

/** Best effort: if the limiter cannot be reached now, the slot stays taken, which errs on the safe side. */
async function giveBack<E extends AppEnv>(c: Context<E>, policy: Policy, eventId: number): Promise<void> {
  try {
    const decision = await askLimiter(c, policy, (limiter) => limiter.refund(eventId, limitRequest(policy)));
    latestHeaders.set(c, formatRateLimitHeaders([{ policy, decision }]));
  } catch {
    // askLimiter has logged the reason; the answer the client gets is the handler's, unchanged.
  }
}

function userPolicy<E extends AppEnv>(c: Context<E>, name: RateLimitOptions["policy"] | "execute-refused"): Policy {
  const userId = c.get("userId");
  // A programming error (limiter mounted before requireUser), not a client's: it must never silently share a key.
  if (!userId) throw new Error(`rateLimit("${name}") needs an authenticated user; mount it after requireUser()`);
  return policyFor(name, c.get("config"), userId);
}
