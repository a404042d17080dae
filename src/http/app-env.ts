import type { Config } from "../config";
import type { Database } from "../db/client";

/** What middleware puts on the context for handlers. */
export interface AppVariables {
  requestId: string;
  config: Config;
  db: Database;
  /** The authenticated user, for the request log; routes behind requireUser() read it from AuthedEnv. */
  userId?: string;
  /** Internal reason of a 500, logged with the request line and never sent to the client. */
  failure?: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}

/** The context of a route behind requireUser(): `userId` is set, and the type system knows it. */
export interface AuthedEnv {
  Bindings: Env;
  Variables: AppVariables & { userId: string };
}
