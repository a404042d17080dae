import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCsv } from "../csv/parse-csv";
import type { Table } from "../table/types";

/**
 * A folder of golden fixtures written by a reference script: its cases file and its CSVs, each parsed once by
 * the engine's own CSV parser (the tests compare what a real upload would compute).
 *
 * @example const golden = goldenFixtures(new URL("./fixtures/", import.meta.url)); golden.table("main.csv");
 */
export function goldenFixtures(folder: URL): { cases<T>(file?: string): T[]; table(csv: string): Table } {
  const path = fileURLToPath(folder.href);
  const tables = new Map<string, Table>();
  return {
    cases: <T>(file = "cases.json") => JSON.parse(readFileSync(`${path}${file}`, "utf8")) as T[],
    table(csv) {
      let table = tables.get(csv);
      if (table === undefined) {
        table = parseCsv(new Uint8Array(readFileSync(`${path}${csv}`)));
        tables.set(csv, table);
      }
      return table;
    },
  };
}
