import type { z } from "zod";
import { ApiError } from "../errors";
import { zodIssuesToProblems } from "../engine/plan/zod-issue-problems";

/**
 * Reads a JSON body by hand, for routes whose answer to a bad body is not the generic 422 (e.g. /validate
 * answers 200 with the problems). Same rules as the validated routes: JSON content type (415), parseable (400).
 */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError({ code: "unsupported_media_type", message: "The body must be JSON (Content-Type: application/json)." });
  }
  try {
    return JSON.parse(await request.text());
  } catch {
    throw new ApiError({ code: "malformed_request", message: "Malformed JSON in request body" });
  }
}

/** Parses `value` with `schema`, answering 422 with field problems when it does not fit. */
export function parseBody<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError({ code: "validation_error", message: "The request does not match the schema.", errors: zodIssuesToProblems(parsed.error.issues, value, { name: "body", schema }) });
  }
  return parsed.data;
}
