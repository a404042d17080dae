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

/**
 * Caps every body but multipart uploads (which count against MAX_UPLOAD_SIZE in their own route) on the bytes
 * actually read, answering 413, then hands the buffered body on so validators read it as usual. The cap is a
 * number, or a function of the request for paths that need another one.
 *
 * @example
 * app.use(limitBody());
 */
export function limitBody(maxBytes: number | ((c: Context<AppEnv>) => number) = MAX_JSON_BODY_BYTES): MiddlewareHandler<AppEnv> {
  return async function limitBodyMiddleware(c, next) {
    const type = c.req.header("Content-Type") ?? "";
    if (c.req.raw.body && !/^multipart\/form-data/i.test(type)) {
      const limit = typeof maxBytes === "number" ? maxBytes : maxBytes(c);
      const tooLarge = () => new ApiError({ code: "payload_too_large", message: `The request body exceeds the limit of ${limit} bytes.` });
      const chunks = await readCappedChunks(c.req.raw, limit, tooLarge);
      c.req.raw = new Request(c.req.raw, { body: new Blob(chunks) });
    }
    await next();
  };
}
