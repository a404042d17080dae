import { z } from "zod";

/** Keys that must never sign a token: the example value and obvious placeholders. */
const PLACEHOLDER_KEYS = new Set(["change-me-to-a-long-random-string", "changeme", "secret", "your-secret-key", "dev"]);
const MIN_SECRET_LENGTH = 32;

const positiveInt = (fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

const SettingsSchema = z.object({
  ENVIRONMENT: z.enum(["production", "development", "test"]).default("production"),
  SECRET_KEY: z.string().optional(),
  MAX_UPLOAD_SIZE: positiveInt(10_485_760, 100 * 1024 * 1024),
  ALLOWED_ORIGINS: z.string().default(""),
  ACCESS_TOKEN_EXPIRE_MINUTES: positiveInt(1440, 60 * 24 * 365),
  DATASET_TTL_HOURS: positiveInt(24, 24 * 365),
  UPLOAD_RATE_LIMIT: positiveInt(10, 1_000_000),
  EXECUTE_RATE_LIMIT: positiveInt(100, 1_000_000),
  LOGIN_RATE_LIMIT: positiveInt(10, 1_000_000),
  LOGIN_RATE_WINDOW_MINUTES: positiveInt(15, 24 * 60),
  PASSWORD_HASH_COST: z.coerce
    .number()
    .int()
    .refine((n) => n >= 2 && (n & (n - 1)) === 0, "must be a power of two")
    .default(2 ** 15),
});

export interface Config {
  environment: "production" | "development" | "test";
  /** null when the deployment has no usable key: token routes then refuse with a logged 500. */
  secretKey: string | null;
  secretKeyProblem: string | null;
  maxUploadSize: number;
  allowedOrigins: readonly string[];
  accessTokenTtlSeconds: number;
  datasetTtlMs: number;
  uploadRateLimit: number;
  executeRateLimit: number;
  loginRateLimit: number;
  loginRateWindowMs: number;
  passwordHashCost: number;
  tokenIssuer: string;
  tokenAudience: string;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

const cache = new WeakMap<object, Config>();

/**
 * Reads and validates every setting once per `env` object. Bad values fail loudly (ConfigError) rather than
 * falling back silently; an absent or placeholder SECRET_KEY is not an error here but makes `secretKey` null so
 * that only the routes needing it refuse.
 *
 * @example
 * const config = loadConfig(env); // config.maxUploadSize === 10485760 by default
 */
export function loadConfig(env: Env): Config {
  const cached = cache.get(env);
  if (cached) return cached;
  const parsed = SettingsSchema.safeParse(readVars(env));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${fields}`);
  }
  const s = parsed.data;
  const secretKeyProblem = checkSecretKey(s.SECRET_KEY);
  const config: Config = {
    environment: s.ENVIRONMENT,
    secretKey: secretKeyProblem ? null : (s.SECRET_KEY as string),
    secretKeyProblem,
    maxUploadSize: s.MAX_UPLOAD_SIZE,
    allowedOrigins: s.ALLOWED_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean),
    accessTokenTtlSeconds: s.ACCESS_TOKEN_EXPIRE_MINUTES * 60,
    datasetTtlMs: s.DATASET_TTL_HOURS * 3_600_000,
    uploadRateLimit: s.UPLOAD_RATE_LIMIT,
    executeRateLimit: s.EXECUTE_RATE_LIMIT,
    loginRateLimit: s.LOGIN_RATE_LIMIT,
    loginRateWindowMs: s.LOGIN_RATE_WINDOW_MINUTES * 60_000,
    passwordHashCost: s.ENVIRONMENT === "test" ? s.PASSWORD_HASH_COST : Math.max(s.PASSWORD_HASH_COST, 2 ** 15),
    tokenIssuer: "wake-analyzer",
    tokenAudience: "wake-analyzer-api",
  };
  cache.set(env, config);
  return config;
}

function readVars(env: Env): Record<string, string | undefined> {
  const vars: Record<string, string | undefined> = {};
  for (const key of Object.keys(SettingsSchema.shape)) {
    const value = (env as unknown as Record<string, unknown>)[key];
    // An empty string in wrangler vars means "use the default", as an unset variable did in the original service.
    vars[key] = typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  }
  vars.ALLOWED_ORIGINS = typeof env.ALLOWED_ORIGINS === "string" ? env.ALLOWED_ORIGINS : "";
  return vars;
}

function checkSecretKey(key: string | undefined): string | null {
  if (!key) return "SECRET_KEY is not set (wrangler secret put SECRET_KEY, or .dev.vars locally)";
  if (PLACEHOLDER_KEYS.has(key.toLowerCase())) return "SECRET_KEY is a placeholder value";
  if (key.length < MIN_SECRET_LENGTH) return `SECRET_KEY is shorter than ${MIN_SECRET_LENGTH} characters`;
  return null;
}
