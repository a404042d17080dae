import { env } from "cloudflare:test";
import type { RateLimiter } from "../src/rate-limit/rate-limiter";

/**
 * Fault-injecting stand-ins for the bindings, passed to `createApp().request(path, init, { ...env, DB: ... })`.
 * Each wraps the real binding and breaks only what it is told to, so the rest of the request runs for real.
 */

export interface FailingDbOptions {
  /** Fail only the first `times` matching statements, then let them through (an interruption, not an outage). */
  times?: number;
}

/** A D1 binding that fails statements matching `pattern`, as if D1 broke mid-operation. */
export function failingDb(pattern: RegExp, options: FailingDbOptions = {}): D1Database {
  let remaining = options.times ?? Number.POSITIVE_INFINITY;
  return new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "prepare") {
        return (sql: string) => {
          if (remaining > 0 && pattern.test(sql)) {
            remaining -= 1;
            throw new Error("D1_ERROR: injected failure");
          }
          return target.prepare(sql);
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export type BucketMethod = "put" | "delete" | "get" | "list" | "head";

/** An R2 binding whose listed methods fail. */
export function failingBucket(...methods: BucketMethod[]): R2Bucket {
  return new Proxy(env.UPLOADS, {
    get(target, prop) {
      if (methods.includes(prop as BucketMethod)) return () => Promise.reject(new Error("R2 injected failure"));
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A namespace whose objects cannot be reached, as when the Durable Object is overloaded or being reset. */
export const unreachableLimiter = {
  idFromName: (name: string) => ({ name }),
  get: () => new Proxy({}, { get: () => () => Promise.reject(new Error("Durable Object is overloaded")) }),
} as unknown as DurableObjectNamespace<RateLimiter>;
