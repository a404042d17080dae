import type { Config } from "../config";
import type { Database } from "../db/client";
import type { UserRow } from "../db/schema";
import type { RequestedDataset } from "../services/access";
import type { Timing } from "../timing";

/** What middleware puts on the context for handlers. */
export interface AppVariables {
  requestId: string;
  config: Config;
  db: Database;
  /** Where the request's time goes, sent as Server-Timing (absent only in apps built without serverTiming()). */
  timing?: Timing;
  /** The authenticated user, for the request log; routes behind requireUser() read it from AuthedEnv. */
  userId?: string;
  /** Internal reason of a 500, logged with the request line and never sent to the client. */
  failure?: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}

/**
 * The context of a route behind requireUser(): `userId` and the active `user` are set, and the type system knows
 * it. `dataset` is set when the route asked for its dataset to be looked up with the user; `read` holds the rows of
 * the route's own read, sent in the same D1 round trip.
 */
export interface AuthedEnv<R = never> {
  Bindings: Env;
  Variables: AppVariables & { userId: string; user: UserRow; dataset?: RequestedDataset; read: R };
}
