import type { Context } from "hono";
import { ApiError } from "../errors";
import type { AppEnv } from "../http/app-env";

/**
 * The signing key, or a 500 whose logged reason says what is wrong. A deployment without a real SECRET_KEY
 * must not sign or accept tokens; the client only learns that the service is misconfigured.
 */
export function requireSecretKey<E extends AppEnv>(c: Context<E>): string {
  const config = c.get("config");
  if (config.secretKey) return config.secretKey;
  c.set("failure", `misconfigured: ${config.secretKeyProblem}`);
  throw new ApiError({ code: "misconfigured", message: "The service is misconfigured; the operator has been notified." });
}
