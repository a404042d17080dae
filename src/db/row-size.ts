/**
 * D1 stores at most 2,000,000 bytes per row, counted in UTF-8. Rows built from user data (dataset metadata, an
 * analysis) are measured against this budget, leaving room for the other columns and SQLite's own encoding.
 */
export const ROW_BUDGET_BYTES = 1_800_000;

const encoder = new TextEncoder();

/** UTF-8 bytes of a value's JSON, which is what a JSON column occupies in D1 (not its character count). */
export function jsonByteLength(value: unknown): number {
  return encoder.encode(JSON.stringify(value ?? null)).byteLength;
}
