import { z } from "zod";
import { withSlot } from "../../rate-limit/rate-limit";
import { UploadResponseSchema } from "../../routes/datasets";
import { uploadCsv } from "../../services/datasets";
import { defineTool } from "../tool";

export const uploadCsvTool = defineTool({
  name: "upload_csv",
  title: "Upload a CSV",
  description:
    "Store a CSV file given as text and return its session_id and profile, as describe_dataset would. The first " +
    "line is the header; fields are comma-separated with RFC 4180 quoting. The same rules as the upload API apply: " +
    "at most MAX_UPLOAD_SIZE bytes of UTF-8 (10 MB by default), 1,000,000 rows, 500 columns, 64 KiB per cell; every " +
    "row must have as many fields as the header (otherwise code ragged_row, naming the line). Types are inferred " +
    "(integer, float, boolean, datetime, string). Uses one of the user's hourly uploads (UPLOAD_RATE_LIMIT) when " +
    "the file is stored; the dataset expires after DATASET_TTL_HOURS (24 by default).",
  input: z.strictObject({
    csv: z.string().meta({ description: "The whole file as text, header line first." }),
    filename: z.string().default("data.csv").meta({ description: "A name ending in .csv, shown in list_datasets (default data.csv)." }),
  }),
  output: UploadResponseSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run({ csv, filename }, c) {
    const config = c.get("config");
    const ctx = { db: c.get("db"), bucket: c.env.UPLOADS, userId: c.get("userId"), ttlMs: config.datasetTtlMs, maxBytes: config.maxUploadSize, timing: c.get("timing") };
    const metadata = await withSlot(c, "upload", () => uploadCsv(ctx, { filename, bytes: new TextEncoder().encode(csv) }));
    return { structured: { success: true, session_id: metadata.session_id, metadata } };
  },
});
