/**
 * Seeded synthetic CSVs for the benchmarks: same bytes on every run and machine, shaped like a typical
 * upload (ids, amounts, measurements with gaps, categories, dates, flags, short free text).
 */

/**
 * mulberry32: tiny, fast, good enough for benchmark data (not for anything secret); uniform in [0, 1).
 *
 * @example const random = createRandom(42); random(); // same sequence for the same seed
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ["N", "S", "E", "W", "NE", "NW", "SE", "SW"];
const STATUSES = ["active", "inactive", "pending"];
const WORDS = ["ant", "bee", "cat", "dog", "eel", "fox", "gnu", "hen", "ibis", "jay", "koi", "lynx", "mole", "newt",
  "owl", "puma"];
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2020, 0, 1);

/**
 * A ~10 MB CSV with 10 columns: id (integer), amount (integer, -2000..7999), price (float, ~2% missing), score (float),
 * region (8 codes), status (3 values), day (ISO date), created_at (ISO date-time, naive), is_member (boolean),
 * note (a word, 5% quoted
 * pairs with a comma). About 10 MB at the default 145,000 rows, just under the 10 MiB upload limit.
 *
 * @example
 * const bytes = generateBenchCsv(1000, 7); // deterministic for a given (rows, seed)
 */
export function generateBenchCsv(rows = 145_000, seed = 42): Uint8Array {
  const random = createRandom(seed);
  const lines: string[] = ["id,amount,price,score,region,status,day,created_at,is_member,note"];
  for (let i = 0; i < rows; i++) {
    const price = random() < 0.02 ? "" : (random() * 100).toFixed(2);
    const score = (random() * 200 - 100).toFixed(2);
    const day = new Date(START_MS + Math.floor(random() * 2000) * DAY_MS).toISOString().slice(0, 10);
    const created = new Date(START_MS + Math.floor(random() * 2000 * DAY_MS)).toISOString().slice(0, 16);
    const word = WORDS[Math.floor(random() * WORDS.length)];
    // a few quoted fields with commas keep the quoted path in the measurement
    const note = random() < 0.05 ? `"${word}, ${WORDS[Math.floor(random() * WORDS.length)]}"` : word;
    lines.push(
      `${i + 1},${Math.floor(random() * 10_000) - 2_000},${price},${score},` +
        `${REGIONS[Math.floor(random() * REGIONS.length)]},${STATUSES[Math.floor(random() * STATUSES.length)]},` +
        `${day},${created},${random() < 0.5 ? "true" : "false"},${note}`,
    );
  }
  lines.push("");
  return new TextEncoder().encode(lines.join("\n"));
}

/**
 * A high-cardinality string column for the snapshot decode measurement: `id,note` where note is a word plus a
 * number below 18,750 (300,000 combinations), which leaves ~115k distinct values in 145,000 rows.
 *
 * @example
 * const bytes = generateDistinctNotesCsv(1000, 7);
 */
export function generateDistinctNotesCsv(rows = 145_000, seed = 7): Uint8Array {
  const random = createRandom(seed);
  const lines: string[] = ["id,note"];
  for (let i = 0; i < rows; i++) lines.push(`${i + 1},${WORDS[Math.floor(random() * WORDS.length)]}-${Math.floor(random() * 18_750)}`);
  lines.push("");
  return new TextEncoder().encode(lines.join("\n"));
}
