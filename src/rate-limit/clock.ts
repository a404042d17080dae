/**
 * Where the middleware reads the time it sends to the limiters. Production leaves `now` unset, so each Durable
 * Object stamps its subject's events with its own clock (one clock per subject, no skew between Worker locations).
 * Tests set it to move time without waiting.
 *
 * @example
 * rateLimitClock.now = () => start + 3_600_000; // an hour later
 * rateLimitClock.now = undefined; // back to the objects' clocks
 */
export const rateLimitClock: { now?: () => number } = {};
