/**
 * Generated CSVs through the real upload: tables are built first and serialised with random quoting, line ends,
 * BOM, NA tokens, unicode and hostile headers, so the expected parse is known by construction. Every upload of a
 * table with rows answers 201 and reads back (upload answer and GET) with the reference row count, column names
 * (header rules), types and profile; a table without rows answers the contract's 400. Seeded (SEED).
 */
import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { call, upload } from "./factories";
import { checkContract, codeOf } from "./fuzz/contract";
import { csvStyleArb, serialiseCsv, tableArb } from "./fuzz/csv-arbitraries";
import { checkProfile, referenceTable } from "./fuzz/reference";
import { PROPERTY_TIMEOUT, SEED } from "./fuzz/seed";
import { UserPool } from "./fuzz/user-pool";

const pool = new UserPool();

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

describe("generated CSV uploads", () => {
  fcTest.prop([tableArb({ maxColumns: 8, minRows: 0, maxRows: 50 }), csvStyleArb, fc.constantFrom("data.csv", "Ünïcödé <b>.csv", "weird name.CSV")], {
    numRuns: 220,
    seed: SEED,
  })("parse, types and profile match the reference; no data rows is a 400 problem", async (table, style, filename) => {
    const { bytes } = serialiseCsv(table, style);
    const user = await pool.forUpload();
    const res = await upload(user.token, bytes, filename);
    const text = await checkContract(res);
    if (table.rowCount === 0) {
      expect(res.status, text).toBe(400);
      expect(codeOf(text, res.status)).toBe("no_data_rows");
      return;
    }
    expect(res.status, text).toBe(201);
    const uploaded = JSON.parse(text) as { session_id: string; metadata: Record<string, unknown> };
    const got = await call(`/api/analytics/datasets/${uploaded.session_id}`, { token: user.token });
    const gotText = await checkContract(got);
    expect(got.status).toBe(200);
    const metadata = JSON.parse(gotText) as {
      filename: string;
      row_count: number;
      column_count: number;
      columns: string[];
      column_types: Record<string, string>;
      size_bytes: number;
      sha256: string;
      profile: Record<string, Record<string, unknown>>;
    };
    expect(metadata).toEqual(uploaded.metadata);

    const reference = referenceTable(table);
    expect(metadata.filename).toBe(filename);
    expect(metadata.row_count).toBe(table.rowCount);
    expect(metadata.column_count).toBe(reference.length);
    expect(metadata.columns).toEqual(reference.map((c) => c.name));
    expect(metadata.size_bytes).toBe(bytes.byteLength);
    expect(metadata.sha256).toBe(await sha256Hex(bytes));
    // names are own data keys (JSON.parse defines `__proto__` as an own property)
    expect(Object.keys(metadata.column_types).sort()).toEqual(reference.map((c) => c.name).sort());
    expect(Object.keys(metadata.profile).sort()).toEqual(reference.map((c) => c.name).sort());
    for (const column of reference) {
      expect(Object.hasOwn(metadata.column_types, column.name)).toBe(true);
      expect(metadata.column_types[column.name], `type of ${JSON.stringify(column.name)}`).toBe(column.type);
      checkProfile(metadata.profile[column.name], column);
    }
  }, PROPERTY_TIMEOUT);
});
