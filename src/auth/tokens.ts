import { sign, verify } from "hono/jwt";
import type { Config } from "../config";

export interface AccessToken {
  access_token: string;
  token_type: "bearer";
  expires_in: number;
}

/**
 * Signs an HS256 access token with sub, iat, exp, iss and aud.
 *
 * @example
 * const { access_token } = await issueAccessToken(config, user.id);
 */
export async function issueAccessToken(config: Config, secretKey: string, userId: string, now = Date.now()): Promise<AccessToken> {
  const iat = Math.floor(now / 1000);
  const token = await sign(
    { sub: userId, iat, exp: iat + config.accessTokenTtlSeconds, iss: config.tokenIssuer, aud: config.tokenAudience },
    secretKey,
    "HS256",
  );
  return { access_token: token, token_type: "bearer", expires_in: config.accessTokenTtlSeconds };
}

/**
 * Returns the user id of a valid token, or null. Only HS256 is accepted (alg confusion), `exp` must be present
 * (hono checks it only when present), and iss/aud must match.
 */
export async function verifyAccessToken(config: Config, secretKey: string, token: string): Promise<string | null> {
  try {
    const payload = await verify(token, secretKey, {
      alg: "HS256",
      iss: config.tokenIssuer,
      aud: config.tokenAudience,
    });
    if (typeof payload.exp !== "number" || typeof payload.iat !== "number") return null;
    if (typeof payload.sub !== "string" || payload.sub.length === 0) return null;
    return payload.sub;
  } catch {
    return null;
  }
}
