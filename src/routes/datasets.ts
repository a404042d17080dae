import { createRoute, z } from "@hono/zod-openapi";
import { requestedDataset, requireUser } from "../auth/require-user";
import { BearerSecurity, createRouter, jsonResponse, problemResponses } from "../http/openapi";
import { readUploadedFile } from "../http/read-upload";
import { UPLOAD_LIMIT } from "../rate-limit/rate-limit";
import { deleteDataset, listDatasetsQuery, toDatasetMetadata, uploadCsv } from "../services/datasets";

const ColumnTypeSchema = z.enum(["integer", "float", "boolean", "datetime", "string"]);

const ColumnProfileSchema = z
  .object({
    type: ColumnTypeSchema,
    null_count: z.number().int(),
    distinct_count: z.number().int(),
    min: z.union([z.number(), z.string()]).nullable().optional().meta({ description: "Numeric columns: a number; datetime columns: ISO 8601 UTC." }),
    max: z.union([z.number(), z.string()]).nullable().optional(),
    mean: z.number().nullable().optional(),
    std: z.number().nullable().optional().meta({ description: "Sample standard deviation (ddof=1); null below two values." }),
    top: z
      .array(z.object({ value: z.union([z.string(), z.boolean()]), count: z.number().int() }))
      .max(10)
      .optional()
      .meta({ description: "String and boolean columns: most frequent values, count descending then value ascending; values longer than 200 characters are shortened." }),
    histogram: z
      .object({
        edges: z.array(z.number()).meta({ description: "Bin edges, one more than `counts`; datetime columns in milliseconds since the epoch (UTC)." }),
        counts: z.array(z.number().int()).meta({ description: "Values per bin; bin i is [edges[i], edges[i+1]), the last one closed." }),
      })
      .nullable()
      .optional()
      .meta({
        description:
          "Numeric and datetime columns: numpy.histogram of the finite values with min(20, distinct finite values) equal-width bins " +
          "from the smallest to the largest value (±0.5 around a single value). null when there is no finite value, when the range " +
          "cannot be binned in double precision, or when a very wide file's metadata needed the room; absent on datasets uploaded " +
          "before histograms were profiled.",
      }),
  })
  .openapi("ColumnProfile");

export const DatasetSchema = z
  .object({
    id: z.string(),
    session_id: z.string(),
    filename: z.string(),
    row_count: z.number().int(),
    column_count: z.number().int(),
    columns: z.array(z.string()).meta({ description: "Column names in file order: trimmed; empty -> column_<n>; duplicates -> _2, _3, ..." }),
    column_types: z.record(z.string(), ColumnTypeSchema),
    size_bytes: z.number().int(),
    sha256: z.string(),
    uploaded_at: z.string(),
    expires_at: z.string(),
    profile: z.record(z.string(), ColumnProfileSchema),
  })
  .openapi("Dataset");

export const UploadResponseSchema = z
  .object({ success: z.literal(true), session_id: z.string(), metadata: DatasetSchema })
  .openapi("UploadResponse");

/** A dataset's `session_id`, in a path or a body. */
export const SessionIdSchema = z.string().min(1).max(64);

export const SessionParamsSchema = z.object({
  session_id: SessionIdSchema.openapi({ param: { name: "session_id", in: "path" } }),
});

const upload = createRoute({
  method: "post",
  path: "/api/analytics/upload",
  tags: ["datasets"],
  summary: "Upload a CSV",
  description:
    "Multipart field `file`: a `.csv` name, UTF-8 (BOM stripped), no NUL byte, RFC 4180 quoting, CRLF/LF/CR line ends. " +
    "A row with a different number of fields than the header is refused (400 `ragged_row`, naming the line) rather " +
    "than padded, so no value ever lands in the wrong column. Caps: MAX_UPLOAD_SIZE bytes (counted on the bytes read), " +
    "1,000,000 rows, 500 columns, 64 KiB per cell, 256 characters per column name. 415 for a non-CSV name or content " +
    "that is not UTF-8 text; 400 with the reason and line for an unreadable CSV. Rate limit: UPLOAD_RATE_LIMIT " +
    "uploads per hour per user (default 10, sliding window). An authenticated upload takes a slot before its body " +
    "is read and keeps it only when the dataset is stored (201); a refused or failed upload gives it back. Over the " +
    "limit: 429 with `Retry-After`. `RateLimit-Policy` and `RateLimit` (IETF draft) are on every answer; 503 " +
    "`service_unavailable` when the limiter cannot be reached (fails closed).",
  security: BearerSecurity,
  middleware: [requireUser({ limit: UPLOAD_LIMIT })] as const,
  request: {
    body: {
      required: true,
      content: {
        "multipart/form-data": {
          schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } },
        },
      },
    },
  },
  responses: { 201: jsonResponse(UploadResponseSchema, "The stored dataset."), ...problemResponses(400, 401, 413, 415, 422, 429, 503) },
});

const list = createRoute({
  method: "get",
  path: "/api/analytics/datasets",
  tags: ["datasets"],
  summary: "The caller's datasets, newest first (expired ones excluded)",
  security: BearerSecurity,
  middleware: [requireUser({ read: (db, userId) => listDatasetsQuery(db, userId) })] as const,
  responses: { 200: jsonResponse(z.array(DatasetSchema), "Datasets."), ...problemResponses(401) },
});

const get = createRoute({
  method: "get",
  path: "/api/analytics/datasets/{session_id}",
  tags: ["datasets"],
  summary: "One dataset",
  security: BearerSecurity,
  middleware: [requireUser({ dataset: "param" })] as const,
  request: { params: SessionParamsSchema },
  responses: { 200: jsonResponse(DatasetSchema, "The dataset."), ...problemResponses(401, 404, 422) },
});

const remove = createRoute({
  method: "delete",
  path: "/api/analytics/datasets/{session_id}",
  tags: ["datasets"],
  summary: "Delete a dataset, its stored files and its analyses",
  security: BearerSecurity,
  middleware: [requireUser()] as const,
  request: { params: SessionParamsSchema },
  responses: { 204: { description: "Deleted." }, ...problemResponses(401, 404, 422) },
});

export const datasetRoutes = createRouter()
  .openapi(upload, async (c) => {
    const config = c.get("config");
    const file = await readUploadedFile(c.req.raw, config.maxUploadSize);
    const metadata = await uploadCsv(
      { db: c.get("db"), bucket: c.env.UPLOADS, userId: c.get("userId"), ttlMs: config.datasetTtlMs, maxBytes: config.maxUploadSize, timing: c.get("timing") },
      file,
    );
    return c.json({ success: true as const, session_id: metadata.session_id, metadata }, 201);
  })
  // The datasets were read with the user (requireUser's `read`).
  .openapi(list, (c) => c.json(c.get("read").map(toDatasetMetadata), 200))
  .openapi(get, async (c) => c.json(toDatasetMetadata(await requestedDataset(c, c.req.valid("param").session_id)), 200))
  .openapi(remove, async (c) => {
    const { unfinished } = await deleteDataset(c.get("db"), c.env.UPLOADS, c.get("userId"), c.req.valid("param").session_id, new Date(), c.get("timing"));
    if (unfinished) c.set("failure", unfinished);
    return c.body(null, 204);
  });
