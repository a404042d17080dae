import { createRoute, z } from "@hono/zod-openapi";
import { requireSecretKey } from "../auth/secret-key";
import { requireUser } from "../auth/require-user";
import { issueAccessToken } from "../auth/tokens";
import { ApiError } from "../errors";
import { BearerSecurity, createRouter, jsonBody, jsonResponse, problemResponses } from "../http/openapi";
import { limitLoginAttempts, loginAccount } from "../rate-limit/login-limit";
import { findLoginUser, registerUser, toPublicUser, verifyLogin } from "../services/users";
import { timed } from "../timing";

const codePoints = (s: string) => [...s].length;

export const UserSchema = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    username: z.string(),
    full_name: z.string().nullable(),
    is_active: z.boolean(),
    created_at: z.string().meta({ example: "2026-11-27T10:00:00.000Z" }),
  })
  .openapi("User");

const RegisterSchema = z
  .strictObject({
    email: z.email().max(254),
    username: z
      .string()
      .min(3)
      .max(32)
      .regex(/^[A-Za-z0-9_.-]+$/, "Username may contain only letters, digits, '_', '.' and '-'"),
    password: z
      .string()
      .refine((p) => codePoints(p) >= 8, { message: "Password must be at least 8 characters", params: { code: "too_short" } })
      .refine((p) => codePoints(p) <= 128, { message: "Password must be at most 128 characters", params: { code: "too_long" } })
      .meta({ description: "8-128 characters, used exactly as typed (no trimming, no truncation)." }),
    full_name: z.string().max(200).nullish(),
  })
  .openapi("RegisterRequest");

const LoginSchema = z
  .strictObject({
    username: z.string().min(1).max(254).meta({ description: "Username or email (case-insensitive)." }),
    password: z.string().min(1).max(1024),
  })
  .openapi("LoginRequest");

const TokenSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal("bearer"),
    expires_in: z.number().int().meta({ description: "Seconds until the token expires." }),
  })
  .openapi("Token");

const register = createRoute({
  method: "post",
  path: "/api/auth/register",
  tags: ["auth"],
  summary: "Create an account",
  request: { body: jsonBody(RegisterSchema) },
  responses: { 201: jsonResponse(UserSchema, "The new user."), ...problemResponses(400, 409, 415, 422) },
});

const login = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags: ["auth"],
  summary: "Exchange username (or email) and password for a bearer token",
  description:
    "Wrong username and wrong password give the same 401 `invalid_credentials`. Failed logins are counted per " +
    "account, whether it was named by username or by email, and per client address: LOGIN_RATE_LIMIT per " +
    "LOGIN_RATE_WINDOW_MINUTES (default 10 per 15 minutes) for one account from one address, ten times that for " +
    "one account from everywhere and for one address over every account. Only a 401 counts, a successful login " +
    "does not; once a limit is used up the answer is 429 with `Retry-After`, without checking the password. " +
    "`RateLimit-Policy` and `RateLimit` (IETF draft) report the address's limit, and on a 429 the limit used up. " +
    "503 `service_unavailable` when the limiter cannot be reached (fails closed).",
  request: { body: jsonBody(LoginSchema) },
  responses: { 200: jsonResponse(TokenSchema, "An access token."), ...problemResponses(400, 401, 415, 422, 429, 503) },
});

const me = createRoute({
  method: "get",
  path: "/api/auth/me",
  tags: ["auth"],
  summary: "The current user",
  security: BearerSecurity,
  middleware: [requireUser()] as const,
  responses: { 200: jsonResponse(UserSchema, "The authenticated user."), ...problemResponses(401) },
});

export const authRoutes = createRouter()
  .openapi(register, async (c) => {
    const body = c.req.valid("json");
    const user = await registerUser(c.get("db"), body, c.get("config").passwordHashCost, c.get("timing"));
    c.set("userId", user.id);
    return c.json(user, 201);
  })
  .openapi(login, async (c) => {
    const secretKey = requireSecretKey(c);
    const { username, password } = c.req.valid("json");
    const config = c.get("config");
    const timing = c.get("timing");
    const named = await timed(timing, "db", () => findLoginUser(c.get("db"), username));
    const user = await limitLoginAttempts(c, loginAccount(named?.id ?? null, username), () =>
      timed(timing, "auth", () => verifyLogin(named, password, config.passwordHashCost)),
    );
    if (!user) throw new ApiError({ code: "invalid_credentials", message: "Incorrect username or password" });
    c.set("userId", user.id);
    return c.json(await timed(timing, "auth", () => issueAccessToken(config, secretKey, user.id)), 200);
  })
  .openapi(me, (c) => c.json(toPublicUser(c.get("user")), 200));
