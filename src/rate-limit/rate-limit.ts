import type { Context, MiddlewareHandler } from "hono";
import { ApiError } from "../errors";
import type { AppEnv } from "../http/app-env";
import { askLimiter } from "./ask-limiter";
import { formatRateLimitHeaders, type PolicyState } from "./headers";
import { limitRequest, policyFor, type Policy } from "./policies";
import type { LimitDecision } from "./rate-limiter";

export interface RateLimitOptions {
  /** A per-user policy; the subject is the authenticated user. */
  policy: "upload" | "execute";
  /**
   * `consume` takes the slot before the handler runs (uploads: a request over the limit is refused before its body
   * is read). `check` only refuses when the window is already full and takes nothing: the handler takes the slot
   * later with `consumeSlot`. `reserve` takes the slot before the handler runs, and gives it back when the answer
   * is ready unless the handler kept it (executeLimitHooks: once a plan validated) or gave it back earlier (a
   * refused plan): a request that turns out not to count costs nothing in the end, and the slot is held while it
   * runs, so parallel requests cannot overshoot the limit.
   */
  mode: "consume" | "check" | "reserve";
  /**
   * `consume` only: give the slot back when the answer is not a 2xx, so that only work that succeeded counts. The
   * slot is still taken while the request runs, so parallel requests cannot overshoot the limit.
   */
  refundFailures?: boolean;
}

/** What the limiter answered for one policy, before it is applied to the request. */
export interface LimitAnswer {
  policy: Policy;
  decision: LimitDecision;
}

/**
 * Guards a route with a per-user limit kept by that user's own Durable Object. Answers 429 `rate_limited` with
 * `Retry-After` when the window is full; sets `RateLimit-Policy` and `RateLimit` on every answer, success or not.
 * An unreachable limiter fails closed with 503 `service_unavailable`. requireUser({ limit }) does the same while
 * D1 checks the user, which saves a round trip.
 *
 * @example
 * createRoute({ ...upload, middleware: [requireUser(), rateLimit({ policy: "upload", mode: "consume" })] });
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  return async function rateLimitMiddleware(c, next) {
    applyLimit(c, options, await askLimit(c, subjectOf(c, options.policy), options));
    await next();
    await settleLimit(c);
  };
}

/**
 * The first half of `rateLimit`, asked for a subject whose token is verified but whose account may not be checked
 * yet: nothing is applied to the request. Pair it with `applyLimit` once the subject is known to be allowed, or
 * with `abandonLimit` if it is not.
 */
export async function askLimit<E extends AppEnv>(c: Context<E>, subject: string, options: RateLimitOptions): Promise<LimitAnswer> {
  const policy = policyFor(options.policy, c.get("config"), subject);
  const decision = await askLimiter(c, policy, (limiter) =>
    options.mode === "check" ? limiter.peek(limitRequest(policy)) : limiter.consume(limitRequest(policy)),
  );
  return { policy, decision };
}

/** Gives back the slot an answer took for a request that will not run (its user turned out to be gone). */
export async function abandonLimit<E extends AppEnv>(c: Context<E>, { policy, decision }: LimitAnswer): Promise<void> {
  if (decision.eventId !== undefined) await giveBack(c, policy, decision.eventId);
}

/**
 * Applies the limiter's answer to the request: the RateLimit headers, the 429 when refused, and for `reserve` and
 * `refundFailures` the slot to settle once the answer is ready (`settleLimit`).
 */
export function applyLimit<E extends AppEnv>(c: Context<E>, options: RateLimitOptions, { policy, decision }: LimitAnswer): void {
  answerWith(c, [{ policy, decision }]);
  const held = heldSlotOf({ policy, decision }, options);
  if (held) heldSlots.set(c, held);
}

/**
 * Once the answer is ready: gives back a held slot the request does not keep, and puts the latest RateLimit state
 * on the answer (an error answer is a fresh Response built by onError, and a handler may have consumed since).
 */
export async function settleLimit<E extends AppEnv>(c: Context<E>): Promise<void> {
  const held = heldSlots.get(c);
  if (held?.keepOnSuccess && c.res.ok) keep(held);
  await release(c, held);
  for (const [name, value] of Object.entries(latestHeaders.get(c) ?? {})) c.res.headers.set(name, value);
}

/** Keeps a held slot: the request counts from now on (unless it was given back already). */
function keep(held: HeldSlot | undefined): void {
  if (held && held.returned === undefined) held.kept = true;
}

/**
 * Gives a held slot back now, rather than when the answer is ready (so it can go alongside other calls); at most
 * once, and never a kept slot.
 */
function release<E extends AppEnv>(c: Context<E>, held: HeldSlot | undefined): Promise<void> {
  if (!held || held.kept) return Promise.resolve();
  held.returned ??= giveBack(c, held.policy, held.eventId);
  return held.returned;
}

/** The slot an answer took, to be settled later: for `reserve` and `refundFailures`; otherwise none. */
function heldSlotOf({ policy, decision }: LimitAnswer, options: RateLimitOptions): HeldSlot | undefined {
  if (decision.eventId === undefined || (options.mode !== "reserve" && !options.refundFailures)) return undefined;
  return { policy, eventId: decision.eventId, kept: false, keepOnSuccess: options.mode !== "reserve" };
}

/** A slot taken before the handler ran, given back unless the request turns out to count. */
interface HeldSlot {
  policy: Policy;
  eventId: number;
  kept: boolean;
  /** `refundFailures`: kept when the answer is a 2xx. `reserve`: kept only by the execution hooks (once the plan validated). */
  keepOnSuccess: boolean;
  returned?: Promise<void>;
}

const heldSlots = new WeakMap<Context, HeldSlot>();

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
 * Runs `work` in a slot of a per-user policy taken first, and gives the slot back when `work` throws: what
 * UPLOAD_LIMIT does for a route, for callers that are not route middleware (the upload_csv tool).
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
 * The rate-limit hooks of an execution (ExecuteContext): a slot held while the call runs, kept once the plan
 * validated, given back with a refused plan (which is counted apart). `reserveSlot`, when present, takes the slot
 * and is asked alongside the dataset lookup.
 */
export interface ExecuteLimitHooks {
  reserveSlot?: () => Promise<unknown>;
  beforeExecute: () => Promise<unknown>;
  beforeRecordingRefusal: () => Promise<unknown>;
}

/**
 * The hooks of an execution whose slot the route reserved before its handler ran
 * (`requireUser({ limit: EXECUTE_LIMIT })`, asked alongside the user and dataset lookup).
 *
 * @example
 * await executeOnSession({ db, bucket, userId, ...executeLimitHooks(c) }, sessionId, plan);
 */
export function executeLimitHooks<E extends AppEnv>(c: Context<E>): ExecuteLimitHooks {
  return hooksOf(c, () => heldSlots.get(c));
}

/**
 * Runs one execution in a slot of its own, for callers that are not route middleware (the execute_plan tool,
 * of which one request may carry several calls): `work` gets hooks whose `reserveSlot` takes the slot (429 when
 * none is left) and the slot is given back when `work` ends unless the plan validated. Held while the call runs,
 * so parallel calls admit exactly as many as the limit leaves.
 *
 * @example
 * await withExecuteSlot(c, (hooks) => executeOnSession({ db, bucket, userId, ...hooks }, sessionId, plan));
 */
export async function withExecuteSlot<E extends AppEnv, T>(c: Context<E>, work: (hooks: ExecuteLimitHooks) => Promise<T>): Promise<T> {
  let held: HeldSlot | undefined;
  const reserveSlot = async () => {
    const answer = await askLimit(c, subjectOf(c, "execute"), EXECUTE_LIMIT);
    answerWith(c, [answer]);
    held = heldSlotOf(answer, EXECUTE_LIMIT);
  };
  try {
    return await work({ reserveSlot, ...hooksOf(c, () => held) });
  } finally {
    if (held) await release(c, held);
  }
}

function hooksOf<E extends AppEnv>(c: Context<E>, held: () => HeldSlot | undefined): Omit<ExecuteLimitHooks, "reserveSlot"> {
  return {
    beforeExecute: async () => keep(held()),
    beforeRecordingRefusal: () => Promise.all([release(c, held()), chargeRefusedPlan(c)]),
  };
}

/**
 * Uploads (`requireUser({ limit: UPLOAD_LIMIT })`): an authenticated upload takes a slot before its body is read
 * (so a request over the limit is refused without reading it) and keeps it only when the dataset was stored (201).
 */
export const UPLOAD_LIMIT: RateLimitOptions = { policy: "upload", mode: "consume", refundFailures: true };

/**
 * Executions, as the execute route applies them (`requireUser({ limit: EXECUTE_LIMIT })`): a slot is taken as the
 * call starts, alongside the user and dataset lookup, and kept once the plan has validated (executeLimitHooks); a call
 * that never gets that far (unknown dataset, malformed body, refused plan) gives it back.
 */
export const EXECUTE_LIMIT: RateLimitOptions = { policy: "execute", mode: "reserve" };

/**
 * Executions in two steps, for a caller whose limit cannot be asked with the user (a handler serving several
 * kinds of call behind one route). Step 1 (middleware after requireUser): refuse early, before the body is read,
 * when the window is already full; takes nothing.
 */
export const checkExecuteLimit = () => rateLimit({ policy: "execute", mode: "check" });

/** Executions in two steps, step 2 (in the handler, once the plan validated): take the slot; throws 429 if none is left. */
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
  return policyFor(name, c.get("config"), subjectOf(c, name));
}

function subjectOf<E extends AppEnv>(c: Context<E>, name: string): string {
  const userId = c.get("userId");
  // A programming error (limiter mounted before requireUser), not a client's: it must never silently share a key.
  if (!userId) throw new Error(`rateLimit("${name}") needs an authenticated user; mount it after requireUser()`);
  return userId;
}
