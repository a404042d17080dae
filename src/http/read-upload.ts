import { ApiError } from "../errors";
import type { CsvFile } from "../services/datasets";
import { readCappedChunks } from "./read-capped";

/** Room for the multipart boundary and part headers around the file itself. */
const MULTIPART_OVERHEAD = 16 * 1024;

/**
 * The multipart field `file` of an upload, read no further than `maxBytes` and the multipart overhead. The file's
 * own size and name are the service's to judge (uploadCsv), as for a CSV sent any other way.
 *
 * @example
 * const { filename, bytes } = await readUploadedFile(c.req.raw, config.maxUploadSize);
 */
export async function readUploadedFile(request: Request, maxBytes: number): Promise<CsvFile> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new ApiError({ code: "unsupported_media_type", message: "Upload a CSV as multipart/form-data with the field 'file'." });
  }
  const tooLarge = () => new ApiError({ code: "payload_too_large", message: `The file exceeds the limit of ${maxBytes} bytes.` });
  // A Blob over the chunks avoids concatenating them into one more 10 MB copy inside the 128 MB isolate.
  const body = new Blob(await readCappedChunks(request, maxBytes + MULTIPART_OVERHEAD, tooLarge));
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": contentType } }).formData();
  } catch {
    throw new ApiError({ code: "malformed_request", message: "The multipart body could not be parsed." });
  }
  const file = form.get("file");
  if (file === null || typeof file === "string") {
    throw new ApiError({
      code: "validation_error",
      message: "The multipart field 'file' with a CSV file is required.",
      errors: [{ path: "file", code: "required", message: "Field required." }],
    });
  }
  return { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
