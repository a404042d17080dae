import type { Context, MiddlewareHandler } from "hono";
import { ApiError } from "../errors";
import type { AppEnv } from "./app-env";
import { readCappedChunks } from "./read-capped";

/**
 * Largest non-upload body. A plan holds at most 20 filters of at most 65,536 characters each, so 2 MiB is
 * room for any valid request; without a cap a single 90 MB login body would be parsed into two copies
 * inside the 128 MB isolate before any rule could refuse it.
 */
export const MAX_JSON_BODY_BYTES = 2 * 1024 * 1024;

/** A request's body cap in bytes, or null when its route reads the body against a cap of its own. */
export type BodyLimit = (c: Context<AppEnv>) => number | null;

/** Every body but multipart uploads (which count against MAX_UPLOAD_SIZE in their own route): MAX_JSON_BODY_BYTES. */
export const jsonBodyLimit: BodyLimit = (c) => (/^multipart\/form-data/i.test(c.req.header("Content-Type") ?? "") ? null : MAX_JSON_BODY_BYTES);

/**
 * Caps a body on the bytes actually read, answering 413, then hands the buffered body on so validators read it
 * as usual. The cap is per request (jsonBodyLimit by default): a number, or a fixed one for a route's own use.
 *
 * @example
 * app.use(limitBody());
 * router.post("/mcp", requireUser(), limitBody(() => 22 * 1024 * 1024), handler);
 */
export function limitBody(limitOf: BodyLimit | number = jsonBodyLimit): MiddlewareHandler<AppEnv> {
  return async function limitBodyMiddleware(c, next) {
    const limit = typeof limitOf === "number" ? limitOf : limitOf(c);
    if (c.req.raw.body && limit !== null) {
      const tooLarge = () => new ApiError({ code: "payload_too_large", message: `The request body exceeds the limit of ${limit} bytes.` });
      const chunks = await readCappedChunks(c.req.raw, limit, tooLarge);
      c.req.raw = new Request(c.req.raw, { body: new Blob(chunks) });
    }
    await next();
  };
}
