/**
 * Generated CSVs, built table-first: every cell is a known token with a known meaning, then serialised with
 * random quoting and line ends, so the expected parse, types, profile and aggregates are known by construction
 * (see ./reference.ts and ./reference-execute.ts).
 */
import { fc } from "@fast-check/vitest";

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
