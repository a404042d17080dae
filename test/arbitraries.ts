/**
 * Generators and reference implementations for the property-based suites (test/fuzz-*.test.ts).
 *
 * Generated CSVs are built table-first: every cell is a known token with a known meaning, then serialised with
 * random quoting and line ends, so the expected parse, types, profile and aggregates are known by construction
 * and computed here in the most straightforward way (no shared code with src/engine).
 */
import { fc } from "@fast-check/vitest";
import { expect } from "vitest";
import { ERROR_STATUS } from "../src/errors";
import { createUser, type TestUser } from "./factories";

/** One fixed seed for every fuzz property (fast-check prints it with the failing case). */
export const SEED = 20261127;

// ---------------------------------------------------------------------------------------------------------------
// The HTTP contract every answer must keep.

const PROBLEM_KEYS = new Set(["type", "title", "status", "detail", "code", "request_id", "errors"]);
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Never a 5xx (unless `allow5xx`), always an `X-Request-Id`, and every 4xx/5xx is an RFC 9457 problem with the
 * contract's body whose `code` maps to the HTTP status and whose `request_id` is the header's. Returns the body
 * text (the response is consumed).
 */
export async function checkContract(res: Response, options: { allow5xx?: boolean } = {}): Promise<string> {
  const text = await res.text();
  const requestId = res.headers.get("X-Request-Id");
  expect(requestId, "X-Request-Id").toMatch(REQUEST_ID);
  if (!options.allow5xx) expect(res.status, `unexpected ${res.status}: ${text.slice(0, 500)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toEqual({
      type: "about:blank",
      title: expect.any(String),
      status: res.status,
      detail: expect.stringMatching(/\S/),
      code: expect.any(String),
      request_id: requestId,
      ...(body.errors === undefined ? {} : { errors: expect.any(Array) }),
    });
    for (const key of Object.keys(body)) expect(PROBLEM_KEYS.has(key), `problem key ${key}`).toBe(true);
    expect(ERROR_STATUS[body.code as keyof typeof ERROR_STATUS], `code ${String(body.code)} for ${res.status}`).toBe(res.status);
    for (const problem of (body.errors ?? []) as Array<Record<string, unknown>>) {
      expect(problem).toEqual({
        path: expect.any(String),
        code: expect.any(String),
        message: expect.any(String),
        ...(problem.suggestion === undefined ? {} : { suggestion: expect.any(String) }),
      });
    }
    if (res.status === 401) expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
    if (res.status === 429) expect(res.headers.get("Retry-After")).toMatch(/^\d+$/);
  }
  return text;
}

/** The problem `code` of a body returned by {@link checkContract}, or undefined for a success. */
export const codeOf = (text: string, status: number): string | undefined =>
  status >= 400 ? (JSON.parse(text) as { code: string }).code : undefined;

// ---------------------------------------------------------------------------------------------------------------
// Users, rotated before any per-user limit is reached, so the suites test validation and not the limiters.

let ipCounter = 0;
/** A fresh client address per call (header values only: nothing is sent anywhere). */
export function freshIp(): string {
  ipCounter += 1;
  const n = (Date.now() % 200) * 65536 + ipCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/**
 * Hands out users: at most `uploads` upload attempts that may succeed and `executes` execute calls each (under the
 * 10/h and 100/h defaults), then a fresh user.
 */
export class UserPool {
  private user: TestUser | undefined;
  private uploads = 0;
  private executes = 0;
  created = 0;

  constructor(private readonly limits = { uploads: 9, executes: 90 }) {}

  async forUpload(): Promise<TestUser> {
    if (!this.user || this.uploads >= this.limits.uploads) await this.rotate();
    this.uploads += 1;
    return this.user!;
  }

  async forExecute(count = 1): Promise<TestUser> {
    if (!this.user || this.executes + count > this.limits.executes) await this.rotate();
    this.executes += count;
    return this.user!;
  }

  /** A user that has spent nothing yet (e.g. to upload and then execute against that upload). */
  async fresh(): Promise<TestUser> {
    await this.rotate();
    return this.user!;
  }

  private async rotate(): Promise<void> {
    this.user = await createUser();
    this.uploads = 0;
    this.executes = 0;
    this.created += 1;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// JSON bodies, including keys that pollute prototypes when a parser or merge assigns instead of defining.

const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "polluted", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];
const ROUTE_KEYS = ["session_id", "plan", "operation", "target_column", "filters", "group_by", "username", "password", "email", "full_name"];

type JsonTree = null | boolean | number | string | JsonTree[] | { entries: Array<[string, JsonTree]> };

const jsonKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...ROUTE_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
);

const jsonTree: fc.Arbitrary<JsonTree> = fc.letrec<{ tree: JsonTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<JsonTree>(null, true, false, 0, -1, 1e308, "", "polluted", "count"),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 20 }),
    fc.array(tie("tree"), { maxLength: 4 }),
    fc.array(fc.tuple(jsonKey, tie("tree")), { maxLength: 5 }).map((entries) => ({ entries })),
  ),
})).tree;

/** Serialises a tree; object entries are written as given (duplicate and `__proto__` keys included). */
export function jsonTextOf(tree: JsonTree): string {
  if (tree === null || typeof tree !== "object") return JSON.stringify(tree);
  if (Array.isArray(tree)) return `[${tree.map(jsonTextOf).join(",")}]`;
  return `{${tree.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonTextOf(v)}`).join(",")}}`;
}

/** Payloads that pollute Object.prototype through a naive merge or `obj[key] = value`. */
export const POLLUTION_PAYLOADS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"plan":{"__proto__":{"polluted":"yes"}},"session_id":"x"}',
  '{"session_id":"x","plan":{"operation":"count","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}',
  '{"operation":"mean","target_column":"__proto__","group_by":["__proto__","constructor"],"filters":[{"column":"__proto__","operator":"==","value":"polluted"}]}',
  '{"username":"__proto__","password":"constructor","__proto__":{"isAdmin":true,"polluted":"yes"}}',
  '{"email":"a@b.co","username":"proto_user","password":"xxxxxxxxxx","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
];

/** JSON text: fc.jsonValue, hand-built trees with hostile keys, and the classic pollution payloads. */
export const jsonBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  jsonTree.map(jsonTextOf),
  fc.object({ key: jsonKey, maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.dictionary(jsonKey, fc.jsonValue({ maxDepth: 1 })).map((v) => JSON.stringify(v)),
  fc.constantFrom(...POLLUTION_PAYLOADS),
  // truncated or otherwise broken JSON
  fc.jsonValue().map((v) => JSON.stringify(v) ?? "").map((t) => t.slice(0, Math.max(0, t.length - 1))),
);

export const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/problem+json",
  "application/vnd.api+json",
  "text/plain",
  "text/csv",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=fuzzboundary",
  "multipart/form-data",
  "application/octet-stream",
  "application/json; charset=latin1; boundary=x",
  "",
] as const;

/** Header values: printable ASCII and tabs (workerd re-encodes Latin-1 as UTF-8 with a warning per value). */
export const headerValue = (maxLength = 80): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) }, { weight: 1, arbitrary: fc.constant(0x09) }), { maxLength })
    .map((codes) => String.fromCharCode(...codes));

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/=+$/, "").replaceAll("+", "-").replaceAll("/", "_");
export const b64urlJson = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

const b64urlSegment = fc.uint8Array({ maxLength: 48 }).map(base64url);

/** Authorization values: random strings, random base64url segments and JWT-shaped garbage. */
export const authorizationValue: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  headerValue(),
  headerValue(40).map((v) => `Bearer ${v}`),
  fc.array(b64urlSegment, { minLength: 1, maxLength: 4 }).map((parts) => `Bearer ${parts.join(".")}`),
  fc
    .tuple(
      fc.record({ alg: fc.constantFrom("HS256", "none", "HS512", "RS256", "ES256", ""), typ: fc.constantFrom("JWT", "at+jwt") }),
      fc.record(
        {
          sub: fc.oneof(fc.uuid(), fc.string()),
          exp: fc.oneof(fc.integer(), fc.constant(4_102_444_800)),
          iat: fc.integer(),
          iss: fc.constantFrom("wake-analyzer", "evil"),
          aud: fc.constantFrom("wake-analyzer-api", "other"),
        },
        { requiredKeys: [] },
      ),
      fc.oneof(fc.constant(""), b64urlSegment),
      fc.constantFrom("Bearer ", "bearer ", "BEARER  ", "Bearer\t", "Basic ", ""),
    )
    .map(([header, payload, signature, scheme]) => `${scheme}${b64urlJson(header)}.${b64urlJson(payload)}.${signature}`),
);

// ---------------------------------------------------------------------------------------------------------------
// Tables built first, then serialised to CSV.

export type Kind = "integer" | "float" | "boolean" | "datetime" | "string";
export type Value = number | string | null; // booleans as 1/0, datetimes as epoch ms, strings as text

/** A cell: the token written to the file and, per possible column type, what it means. */
export interface Cell {
  token: string;
  /** Which family the token belongs to ("na" = missing). `str` tokens make the column a string column. */
  family: "int" | "float" | "bool" | "date" | "str" | "na";
  /** The typed value when the column ends up typed (number, 1/0, epoch ms). */
  typed: number | null;
}

export interface GeneratedTable {
  headers: string[];
  /** cells[column][row] */
  cells: Cell[][];
  rowCount: number;
}

export interface SerialisedCsv {
  text: string;
  bytes: Uint8Array;
}

const NA = ["", "NA", "null", "NaN", "#N/A", "None", "n/a", "<NA>", "-nan", "NULL", "1.#QNAN", "N/A", "nan", "#NA"];
const na: fc.Arbitrary<Cell> = fc.constantFrom(...NA).map((token) => ({ token, family: "na", typed: null }));

const integerCell: fc.Arbitrary<Cell> = fc
  .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constantFrom("plain", "plus", "zeros", "spaces"))
  .map(([v, form]) => {
    const text = String(v);
    const token = v < 0 || form === "plain" ? text : form === "plus" ? `+${text}` : form === "zeros" ? `00${text}` : ` ${text} `;
    return { token, family: "int", typed: v };
  });

const floatCell: fc.Arbitrary<Cell> = fc
  .tuple(
    fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100),
      fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
    ),
    fc.boolean(),
  )
  .map(([v, exponent]) => {
    const token = exponent && v !== 0 ? v.toExponential() : String(v);
    return { token, family: /^[+-]?\d+$/.test(token) ? "int" : "float", typed: Number(token) === 0 ? 0 : Number(token) };
  });

const booleanCell: fc.Arbitrary<Cell> = fc
  .constantFrom("true", "True", "TRUE", "false", "False", "FALSE")
  .map((token) => ({ token, family: "bool", typed: token.toLowerCase() === "true" ? 1 : 0 }));

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const datetimeCell: fc.Arbitrary<Cell> = fc
  .tuple(
    fc.integer({ min: 1970, max: 2100 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.integer({ min: 0, max: 59 }),
    fc.constantFrom("date", "T", "Tz", "space", "Tms"),
  )
  .map(([y, mo, d, h, mi, s, form]) => {
    const date = `${y}-${pad(mo)}-${pad(d)}`;
    const time = `${pad(h)}:${pad(mi)}:${pad(s)}`;
    if (form === "date") return { token: date, family: "date", typed: Date.UTC(y, mo - 1, d) };
    const token = form === "T" ? `${date}T${time}` : form === "Tz" ? `${date}T${time}Z` : form === "space" ? `${date} ${pad(h)}:${pad(mi)}` : `${date}T${time}.250`;
    const ms = Date.UTC(y, mo - 1, d, h, mi, form === "space" ? 0 : s) + (form === "Tms" ? 250 : 0);
    return { token, family: "date", typed: ms };
  });

const HOSTILE_STRINGS = [
  "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "a,b", 'say "hi"', "line\nbreak", "cr\r\nlf", "é", "😀", "Ω≈ç",
  "__proto__", "constructor", "toString", "ｶﾀｶﾅ", "\u{1F600}x", "\uFF61", "x'); DROP TABLE users;--", " lead", "trail ",
];
const STRING_UNITS = ["a", "b", "z", "é", "ß", "😀", "ｶ", "\uFF61", " ", ",", '"', "\n", "<", ">", "&", "0", "9", "_", "-", "."];
const stringCell: fc.Arbitrary<Cell> = fc
  .oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.tuple(fc.constantFrom("s", "k", "x", "Ω", "é", "<"), fc.array(fc.constantFrom(...STRING_UNITS), { maxLength: 8 })).map(([head, rest]) => head + rest.join("")),
    fc.constantFrom("east", "west", "north", "south"),
  )
  .map((token) => ({ token, family: "str", typed: null }));

const CELLS: Record<Kind, fc.Arbitrary<Cell>> = {
  integer: integerCell,
  float: fc.oneof(floatCell, integerCell),
  boolean: booleanCell,
  datetime: datetimeCell,
  // strings mixed with typed-looking tokens (exercises the re-scan when a typed-looking column turns to text)
  string: fc.oneof({ weight: 4, arbitrary: stringCell }, { weight: 1, arbitrary: integerCell }, { weight: 1, arbitrary: booleanCell }),
};

const HOSTILE_HEADERS = ["__proto__", "constructor", "<script>alert(1)</script>", "toString", "hasOwnProperty", "", " ", "a", "a", "a_2", "value", "名前", "x,y", 'q"uote', " padded ", "multi\nline", "😀"];
const headerArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_HEADERS) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom("a", "b", "c", "_", "é", "1", " "), { minLength: 1, maxLength: 6 }).map((c) => c.join("")) },
);

const columnArb = (rows: number, missingWeight: number): fc.Arbitrary<{ kind: Kind; header: string; cells: Cell[] }> =>
  fc.tuple(fc.constantFrom<Kind>("integer", "float", "boolean", "datetime", "string"), headerArb).chain(([kind, header]) =>
    fc
      .array(fc.oneof({ weight: missingWeight, arbitrary: na }, { weight: 10, arbitrary: CELLS[kind] }), { minLength: rows, maxLength: rows })
      .map((cells) => ({ kind, header, cells })),
  );

/** A table of 1-`maxColumns` columns and `minRows`-`maxRows` rows with known cells. */
export function tableArb(options: { maxColumns?: number; minRows?: number; maxRows?: number } = {}): fc.Arbitrary<GeneratedTable> {
  const { maxColumns = 8, minRows = 0, maxRows = 50 } = options;
  return fc
    .tuple(fc.integer({ min: 1, max: maxColumns }), fc.integer({ min: minRows, max: maxRows }), fc.integer({ min: 0, max: 4 }))
    .chain(([columns, rows, missingWeight]) =>
      fc.array(columnArb(rows, missingWeight), { minLength: columns, maxLength: columns }).map((cols) => ({
        headers: cols.map((c) => c.header),
        cells: cols.map((c) => c.cells),
        rowCount: rows,
      })),
    );
}

export interface CsvStyle {
  /** Per line: "\n", "\r\n" or "\r". */
  lineEnds: string[];
  /** Quote every field / quote only where needed / quote at random. */
  quoting: "all" | "minimal" | "random";
  quoteCoins: boolean[];
  bom: boolean;
  finalNewline: boolean;
}

export const csvStyleArb: fc.Arbitrary<CsvStyle> = fc.record({
  lineEnds: fc.oneof(
    fc.constantFrom("\n", "\r\n", "\r").map((e) => [e]),
    fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: 1, maxLength: 8 }),
  ),
  quoting: fc.constantFrom("all", "minimal", "random"),
  quoteCoins: fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
});

/** Writes the table as CSV. Fields that need it are always quoted; a line that would be blank is quoted too. */
export function serialiseCsv(table: GeneratedTable, style: CsvStyle): SerialisedCsv {
  let coin = 0;
  const field = (text: string): string => {
    const needs = /[",\r\n]/.test(text);
    const wants = style.quoting === "all" || (style.quoting === "random" && style.quoteCoins[coin++ % style.quoteCoins.length]);
    return needs || wants ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const line = (texts: string[]): string => {
    const written = texts.map(field).join(",");
    // a blank (or spaces-only) line is skipped by CSV readers: quote the lone field so the row stays
    return /^[ \t]*$/.test(written) ? `"${texts[0]}"` : written;
  };
  const lines = [line(table.headers)];
  for (let r = 0; r < table.rowCount; r++) lines.push(line(table.cells.map((column) => column[r].token)));
  let text = style.bom ? "\uFEFF" : "";
  lines.forEach((l, i) => {
    text += l;
    if (i < lines.length - 1 || style.finalNewline) text += style.lineEnds[i % style.lineEnds.length];
  });
  return { text, bytes: new TextEncoder().encode(text) };
}

// ---------------------------------------------------------------------------------------------------------------
// Reference parse and profile.

/** API.md header rules: trim; empty -> column_<n>; duplicates -> _2, _3, ... never colliding with a real header. */
export function referenceColumnNames(headers: readonly string[]): string[] {
  const base = headers.map((h, i) => (h.trim() === "" ? `column_${i + 1}` : h.trim()));
  const taken = new Set<string>();
  return base.map((name) => {
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
    let k = 2;
    while (taken.has(`${name}_${k}`) || base.includes(`${name}_${k}`)) k++;
    taken.add(`${name}_${k}`);
    return `${name}_${k}`;
  });
}

export interface ReferenceColumn {
  name: string;
  type: Kind;
  /** Typed value per row: numbers (booleans 1/0, datetimes epoch ms) or strings; null = missing. */
  values: Value[];
}

/** API.md type inference over the non-missing cells. */
export function referenceColumn(name: string, cells: readonly Cell[]): ReferenceColumn {
  const present = cells.filter((c) => c.family !== "na");
  const families = new Set(present.map((c) => c.family));
  let type: Kind;
  if (present.length === 0) type = "float";
  else if ([...families].every((f) => f === "int")) type = "integer";
  else if ([...families].every((f) => f === "int" || f === "float")) type = "float";
  else if (families.size === 1 && families.has("bool")) type = "boolean";
  else if (families.size === 1 && families.has("date")) type = "datetime";
  else type = "string";
  const values = cells.map((c): Value => (c.family === "na" ? null : type === "string" ? c.token : c.typed));
  return { name, type, values };
}

export function referenceTable(table: GeneratedTable): ReferenceColumn[] {
  const names = referenceColumnNames(table.headers);
  return table.cells.map((cells, i) => referenceColumn(names[i], cells));
}

/** Expected ColumnProfile, numbers to be compared with {@link closeTo}. */
export function referenceProfile(column: ReferenceColumn): Record<string, unknown> {
  const present = column.values.filter((v): v is number | string => v !== null);
  const base = { type: column.type, null_count: column.values.length - present.length, distinct_count: new Set(present).size };
  if (column.type === "string" || column.type === "boolean") {
    const counts = new Map<string | number, number>();
    for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
    const top = [...counts]
      .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, 10)
      .map(([value, count]) => ({ value: column.type === "boolean" ? value === 1 : value, count }));
    return { ...base, top };
  }
  const numbers = present as number[];
  if (column.type === "datetime") {
    const iso = (x: number) => new Date(x).toISOString();
    return { ...base, min: numbers.length ? iso(Math.min(...numbers)) : null, max: numbers.length ? iso(Math.max(...numbers)) : null };
  }
  const n = numbers.length;
  const mean = n ? numbers.reduce((s, x) => s + x, 0) / n : null;
  const std = n >= 2 && mean !== null ? Math.sqrt(numbers.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : null;
  return { ...base, min: n ? Math.min(...numbers) : null, max: n ? Math.max(...numbers) : null, mean, std };
}

/** Relative tolerance 1e-9 against `scale` (the magnitude of the terms, so cancellation cannot fail it). */
export function closeTo(actual: unknown, expected: number | null, scale: number, label: string): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(typeof actual, `${label}: ${String(actual)} vs ${expected}`).toBe("number");
  const tolerance = 1e-9 * Math.max(Math.abs(expected), scale, Number.MIN_VALUE);
  expect(Math.abs((actual as number) - expected), `${label}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** Compares a served ColumnProfile with the reference one. */
export function checkProfile(actual: Record<string, unknown>, column: ReferenceColumn): void {
  const expected = referenceProfile(column);
  const label = `profile of ${JSON.stringify(column.name)}`;
  const { mean, std, ...exact } = expected as { mean?: number | null; std?: number | null };
  const { mean: actualMean, std: actualStd, ...actualExact } = actual as { mean?: unknown; std?: unknown };
  expect(actualExact, label).toEqual(exact);
  if (column.type === "integer" || column.type === "float") {
    const numbers = column.values.filter((v): v is number => v !== null);
    const scale = numbers.reduce((s, x) => s + Math.abs(x), 0) / Math.max(numbers.length, 1);
    closeTo(actualMean, mean ?? null, scale, `${label}.mean`);
    closeTo(actualStd, std ?? null, scale, `${label}.std`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Plans over a known table, and the reference aggregations.

export const REFERENCE_OPERATIONS = ["mean", "sum", "count", "min", "max"] as const;
type ReferenceOperation = (typeof REFERENCE_OPERATIONS)[number];
const OTHER_OPERATIONS = ["std", "median", "correlation", "regression", "forecast"] as const;
const OPERATORS = ["==", "!=", ">", "<", ">=", "<="] as const;

export interface GeneratedFilter {
  column: string;
  operator: (typeof OPERATORS)[number];
  value: string | number | boolean;
}

/** A plan over `columns`: mostly well-formed, sometimes naming unknown columns or wrong types. */
export function planArb(columns: readonly ReferenceColumn[]): fc.Arbitrary<Record<string, unknown>> {
  const names = columns.map((c) => c.name);
  const columnName = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom("no_such_column", "__proto__", "constructor") });
  const filterValue = (name: string): fc.Arbitrary<string | number | boolean> => {
    const column = columns.find((c) => c.name === name);
    const seen = (column?.values ?? []).filter((v): v is number | string => v !== null);
    const asJson = (v: number | string): string | number | boolean =>
      column?.type === "boolean" ? v === 1 : column?.type === "datetime" ? new Date(v as number).toISOString() : v;
    const fromData = seen.length ? fc.constantFrom(...seen).map(asJson) : fc.constant(0);
    return fc.oneof(
      { weight: 12, arbitrary: fromData },
      { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.string({ maxLength: 6 }), fc.constantFrom("1e3", " 42 ", "2024-01-01", "true", "nan", "inf", "0x10")) },
    );
  };
  const filter: fc.Arbitrary<GeneratedFilter> = columnName.chain((column) =>
    fc.record({ column: fc.constant(column), operator: fc.constantFrom(...OPERATORS), value: filterValue(column) }),
  );
  const ofTypes = (types: readonly Kind[]) => {
    const fitting = columns.filter((c) => types.includes(c.type)).map((c) => c.name);
    return fitting.length ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fitting) }, { weight: 1, arbitrary: columnName }) : columnName;
  };
  const common = { filters: fc.array(filter, { maxLength: 3 }), group_by: fc.uniqueArray(columnName, { maxLength: 2 }) };
  const aggregation = fc.constantFrom(...REFERENCE_OPERATIONS).chain((operation) =>
    fc.record(
      { operation: fc.constant(operation), target_column: ofTypes(TARGET_TYPES[operation]), ...common },
      { requiredKeys: operation === "count" ? ["operation"] : ["operation", "target_column"] },
    ),
  );
  const numeric = ofTypes(["integer", "float"]);
  const chart = { chart_type: fc.constantFrom("line", "bar", "scatter", "heatmap", "box", "histogram") };
  const other = fc.oneof(
    fc.record({ operation: fc.constantFrom("std", "median"), target_column: numeric, ...common, ...chart }, { requiredKeys: ["operation", "target_column"] }),
    fc.record(
      { operation: fc.constant("correlation"), x_axis: numeric, y_axis: numeric, method: fc.constantFrom("pearson", "spearman"), ...common, ...chart },
      { requiredKeys: ["operation", "x_axis", "y_axis"] },
    ),
    fc.record(
      { operation: fc.constant("regression"), x_axis: numeric, y_axis: numeric, confidence: fc.constantFrom(0.5, 0.9, 0.95, 0.99), ...common, ...chart },
      { requiredKeys: ["operation", "x_axis", "y_axis"] },
    ),
    fc.record(
      {
        operation: fc.constant("forecast"),
        target_column: numeric,
        time_column: ofTypes(["datetime", "integer", "float"]),
        horizon: fc.integer({ min: 1, max: 30 }),
        forecast_method: fc.constantFrom("linear", "holt"),
        confidence: fc.constantFrom(0.5, 0.9, 0.95, 0.99),
        filters: common.filters,
        ...chart,
      },
      { requiredKeys: ["operation", "target_column", "time_column"] },
    ),
  );
  return fc.oneof({ weight: 4, arbitrary: aggregation }, { weight: 1, arbitrary: other });
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** API.md filter coercion for the values the generator produces; null = uncoercible (a validation error). */
function coerce(type: Kind, value: string | number | boolean): number | string | null {
  switch (type) {
    case "integer":
    case "float": {
      if (typeof value === "number") return Number.isFinite(value) ? value : null;
      if (typeof value !== "string" || !DECIMAL.test(value.trim())) return null;
      const n = Number(value.trim());
      return Number.isFinite(n) ? n : null;
    }
    case "datetime": {
      if (typeof value !== "string" || !ISO.test(value.trim())) return null;
      const t = value.trim();
      const ms = Date.parse(/[Zz]|[+-]\d{2}:?\d{2}$/.test(t.slice(10)) || t.length === 10 ? t : `${t}Z`);
      return Number.isNaN(ms) ? null : ms;
    }
    case "boolean":
      if (typeof value === "boolean") return value ? 1 : 0;
      if (typeof value !== "string") return null;
      return ["true", "True", "TRUE"].includes(value.trim()) ? 1 : ["false", "False", "FALSE"].includes(value.trim()) ? 0 : null;
    case "string":
      return typeof value === "string" ? value : null;
  }
}

const TARGET_TYPES: Record<ReferenceOperation, readonly Kind[]> = {
  mean: ["integer", "float", "boolean"],
  sum: ["integer", "float", "boolean"],
  count: ["integer", "float", "boolean", "datetime", "string"],
  min: ["integer", "float", "datetime"],
  max: ["integer", "float", "datetime"],
};

/** Code-point order (Python's, pandas' group order). */
function compareCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function compare(a: number | string, op: GeneratedFilter["operator"], b: number | string): boolean {
  switch (op) {
    case "==": return a === b;
    case "!=": return a !== b;
    case ">": return a > b;
    case "<": return a < b;
    case ">=": return a >= b;
    case "<=": return a <= b;
  }
}

export type ReferenceOutcome =
  | { valid: false }
  | { valid: true; filteredRows: number; result: unknown; scale: number[] /* per result value, for closeTo */ };

/**
 * The expected answer of an aggregation plan (mean/sum/count/min/max with filters and group_by), or
 * `{valid: false}` when API.md says validation refuses it. Other operations return undefined (not checked).
 */
export function referenceExecute(columns: readonly ReferenceColumn[], plan: Record<string, unknown>): ReferenceOutcome | undefined {
  const operation = plan.operation as string;
  if (!(REFERENCE_OPERATIONS as readonly string[]).includes(operation)) return undefined;
  const op = operation as ReferenceOperation;
  const byName = new Map(columns.map((c) => [c.name, c] as const));
  const targetName = plan.target_column as string | undefined;
  const target = targetName === undefined ? undefined : byName.get(targetName);
  if (targetName === undefined ? op !== "count" : !target || !TARGET_TYPES[op].includes(target.type)) return { valid: false };
  const filters = (plan.filters ?? []) as GeneratedFilter[];
  const coerced: Array<{ column: ReferenceColumn; op: GeneratedFilter["operator"]; value: number | string }> = [];
  for (const f of filters) {
    const column = byName.get(f.column);
    const value = column ? coerce(column.type, f.value) : null;
    if (!column || value === null) return { valid: false };
    coerced.push({ column, op: f.operator, value });
  }
  const groupBy = ((plan.group_by ?? []) as string[]).map((name) => byName.get(name));
  if (groupBy.some((c) => c === undefined)) return { valid: false };
  const keys = groupBy as ReferenceColumn[];

  const rowCount = columns[0].values.length;
  const rows: number[] = [];
  for (let r = 0; r < rowCount; r++) {
    // a missing value fails every comparison except !=, which it passes
    if (coerced.every((f) => (f.column.values[r] === null ? f.op === "!=" : compare(f.column.values[r]!, f.op, f.value)))) rows.push(r);
  }

  const aggregate = (groupRows: number[]): { value: number | string | null; count: number; scale: number } => {
    if (!target) return { value: groupRows.length, count: groupRows.length, scale: 0 };
    const present = groupRows.map((r) => target.values[r]).filter((v): v is number | string => v !== null);
    const n = present.length;
    if (op === "count") return { value: n, count: n, scale: 0 };
    const numbers = present as number[];
    const absSum = numbers.reduce((s, x) => s + Math.abs(x), 0);
    if (op === "sum") return { value: numbers.reduce((s, x) => s + x, 0), count: n, scale: absSum };
    if (op === "mean") return { value: n ? numbers.reduce((s, x) => s + x, 0) / n : null, count: n, scale: n ? absSum / n : 0 };
    if (n === 0) return { value: null, count: 0, scale: 0 };
    const extreme = op === "min" ? Math.min(...numbers) : Math.max(...numbers);
    return { value: target.type === "datetime" ? new Date(extreme).toISOString() : extreme, count: n, scale: 0 };
  };

  if (keys.length === 0) {
    const { scale, ...result } = aggregate(rows);
    return { valid: true, filteredRows: rows.length, result, scale: [scale] };
  }
  const groups = new Map<string, { key: Array<number | string>; rows: number[] }>();
  for (const r of rows) {
    const key = keys.map((c) => c.values[r]);
    if (key.some((v) => v === null)) continue; // dropna=True
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key: key as Array<number | string>, rows: [] };
    group.rows.push(r);
    groups.set(id, group);
  }
  const ordered = [...groups.values()].sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const x = a.key[k];
      const y = b.key[k];
      const c = typeof x === "string" ? compareCodePoints(x, y as string) : (x as number) - (y as number);
      if (c !== 0) return c;
    }
    return 0;
  });
  const scale: number[] = [];
  const result = {
    groups: ordered.map((g) => {
      const key: Record<string, unknown> = {};
      keys.forEach((c, k) => {
        const v = g.key[k];
        const json = c.type === "boolean" ? v === 1 : c.type === "datetime" ? new Date(v as number).toISOString() : v;
        Object.defineProperty(key, c.name, { value: json, enumerable: true, writable: true, configurable: true });
      });
      const { scale: s, ...fields } = aggregate(g.rows);
      scale.push(s);
      return { key, ...fields };
    }),
  };
  return { valid: true, filteredRows: rows.length, result, scale };
}

/** Compares a served aggregation result with the reference (values within rel tol 1e-9 of their scale). */
export function checkAggregation(actual: unknown, expected: Extract<ReferenceOutcome, { valid: true }>, label: string): void {
  const single = (a: Record<string, unknown>, e: Record<string, unknown>, scale: number, where: string) => {
    expect(a.count, `${where}.count`).toBe(e.count);
    if (typeof e.value === "number") closeTo(a.value, e.value, scale, `${where}.value`);
    else expect(a.value, `${where}.value`).toEqual(e.value);
  };
  const e = expected.result as Record<string, unknown>;
  if (!("groups" in e)) {
    expect(Object.keys(actual as object).sort(), label).toEqual(["count", "value"]);
    single(actual as Record<string, unknown>, e, expected.scale[0], label);
    return;
  }
  const actualGroups = (actual as { groups: Array<Record<string, unknown>> }).groups;
  const expectedGroups = e.groups as Array<Record<string, unknown>>;
  expect(actualGroups.map((g) => g.key), `${label} group keys`).toEqual(expectedGroups.map((g) => g.key));
  expectedGroups.forEach((g, i) => single(actualGroups[i], g, expected.scale[i], `${label}.groups[${i}]`));
}

/** Per-property timeout: the properties run hundreds of requests each (about 2-20 ms apiece in workerd). */
export const PROPERTY_TIMEOUT = 120_000;
