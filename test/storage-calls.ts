import { env } from "cloudflare:test";
import type { RateLimiter } from "../src/rate-limit/rate-limiter";

/**
 * Recording stand-ins for the storage bindings (D1, R2 and the rate limiter's Durable Object namespace), passed
 * to `createApp().request(path, init, { ...env, ...recorder.bindings })`. Each call is recorded with the moment
 * it started and the moment its answer arrived, on a logical clock (one tick per event), so "B started after A
 * answered" is exact whatever the timer resolution.
 */

export type StorageBinding = "d1" | "r2" | "limiter";

export interface StorageCall {
  binding: StorageBinding;
  /** `all`, `raw`, `first`, `run`, `batch` for D1; the R2 method; the limiter's RPC method. */
  operation: string;
  /** D1: the SQL (every statement of a batch); R2: the key; limiter: the object's name. */
  detail: string;
  started: number;
  ended: number;
}

export interface StorageRecorder {
  bindings: Pick<Env, "DB" | "UPLOADS" | "RATE_LIMITER">;
  calls: StorageCall[];
  /**
   * The number of sequential round trips: the longest chain of calls in which each one started only after the
   * previous one had answered. Calls in flight at the same time share a wave.
   */
  waves(): number;
  /** The calls grouped by the wave they belong to (a call's wave is 1 + the deepest call that ended before it started). */
  byWave(): StorageCall[][];
  reset(): void;
}

export function recordStorageCalls(): StorageRecorder {
  let clock = 0;
  const calls: StorageCall[] = [];

  async function track<T>(binding: StorageBinding, operation: string, detail: string, work: () => Promise<T>): Promise<T> {
    const call: StorageCall = { binding, operation, detail, started: ++clock, ended: Number.POSITIVE_INFINITY };
    calls.push(call);
    try {
      return await work();
    } finally {
      call.ended = ++clock;
    }
  }

  /** workerd's statements carry their SQL; the binding's type does not say so. */
  const sqlOf = (s: D1PreparedStatement) => (s as D1PreparedStatement & { statement: string }).statement;
  const realStatements = new WeakMap<object, D1PreparedStatement>();
  function statement(real: D1PreparedStatement): D1PreparedStatement {
    const wrapped = new Proxy(real, {
      get(target, prop) {
        if (prop === "bind") return (...values: unknown[]) => statement(target.bind(...values));
        if (prop === "all" || prop === "raw" || prop === "first" || prop === "run") {
          return (...args: unknown[]) => track("d1", prop, sqlOf(target), () => (target[prop] as (...a: unknown[]) => Promise<unknown>)(...args));
        }
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    realStatements.set(wrapped, real);
    return wrapped;
  }

  const DB = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => statement(target.prepare(sql));
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) => {
          const real = statements.map((s) => realStatements.get(s) ?? s);
          return track("d1", "batch", real.map(sqlOf).join("; "), () => target.batch(real));
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });

  const UPLOADS = new Proxy(env.UPLOADS, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (typeof value !== "function") return value;
      if (prop === "get") {
        // The body is read after get() answers, over the same response: the call lasts until it is read.
        return async (key: string, options?: R2GetOptions) => {
          const call: StorageCall = { binding: "r2", operation: "get", detail: key, started: ++clock, ended: Number.POSITIVE_INFINITY };
          calls.push(call);
          const object = await target.get(key, options).finally(() => (call.ended = ++clock));
          if (!object || !("arrayBuffer" in object)) return object;
          return new Proxy(object, {
            get(body, name) {
              const member = Reflect.get(body, name);
              if (name === "arrayBuffer") return () => (member as () => Promise<ArrayBuffer>).call(body).finally(() => (call.ended = ++clock));
              return typeof member === "function" ? member.bind(body) : member;
            },
          });
        };
      }
      return (...args: unknown[]) => track("r2", String(prop), typeof args[0] === "string" ? args[0] : "", () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });

  const namespace = env.RATE_LIMITER;
  const RATE_LIMITER = {
    idFromName: (name: string) => namespace.idFromName(name),
    get: (id: DurableObjectId) => {
      const stub = namespace.get(id);
      return new Proxy(stub, {
        get(target, prop) {
          if (prop === "then") return undefined;
          return (...args: unknown[]) => track("limiter", String(prop), id.toString(), () => (Reflect.get(target, prop) as (...a: unknown[]) => Promise<unknown>)(...args));
        },
      });
    },
  } as unknown as DurableObjectNamespace<RateLimiter>;

  function byWave(): StorageCall[][] {
    const ordered = [...calls].sort((a, b) => a.started - b.started);
    const depth = new Map<StorageCall, number>();
    const waves: StorageCall[][] = [];
    for (const call of ordered) {
      let d = 1;
      for (const before of ordered) if (before.ended < call.started) d = Math.max(d, (depth.get(before) ?? 0) + 1);
      depth.set(call, d);
      (waves[d - 1] ??= []).push(call);
    }
    return waves;
  }

  return {
    bindings: { DB, UPLOADS, RATE_LIMITER },
    calls,
    waves: () => byWave().length,
    byWave,
    reset() {
      calls.length = 0;
    },
  };
}
