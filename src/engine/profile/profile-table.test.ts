import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/parse-csv.js";
import { jsonRecord } from "../json-record.js";
import { profileTable } from "./profile-table.js";

const read = (path: string) => readFileSync(join(import.meta.dirname, path));

function expectClose(actual: unknown, expected: unknown, path = ""): void {
  if (typeof expected === "number" && typeof actual === "number") {
    const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(tolerance);
  } else if (expected !== null && typeof expected === "object") {
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

describe("profileTable", () => {
  it("matches the pandas reference (scripts/reference/profile_reference.py)", () => {
    const table = parseCsv(new Uint8Array(read("../csv/fixtures/profile.csv")));
    const expected = JSON.parse(read("fixtures/profile.expected.json").toString("utf8"));
    expectClose(JSON.parse(JSON.stringify(jsonRecord(profileTable(table)))), expected);
  });

  it("null statistics below enough values and for non-finite ones", () => {
    const table = parseCsv(new TextEncoder().encode("a,b,c\n1,,inf\nNA,,2\n"));
    const profile = profileTable(table);
    expect(profile.get("a")).toEqual({ type: "integer", null_count: 1, distinct_count: 1, min: 1, max: 1, mean: 1, std: null, histogram: { edges: [0.5, 1.5], counts: [1] } });
    expect(profile.get("b")).toEqual({ type: "float", null_count: 2, distinct_count: 0, min: null, max: null, mean: null, std: null, histogram: null });
    expect(profile.get("c")).toMatchObject({ max: null, mean: null, std: null, min: 2, histogram: { edges: [1.5, 2.5], counts: [1] } });
  });

  it("top keeps at most 10, count desc then value asc", () => {
    const values = ["k", "k", "k", ...Array.from({ length: 12 }, (_, i) => String.fromCharCode(97 + i))];
    const top = profileTable(parseCsv(new TextEncoder().encode(`s\n${values.join("\n")}\n`))).get("s")!.top!;
    expect(top).toHaveLength(10);
    expect(top[0]).toEqual({ value: "k", count: 4 });
    expect(top.slice(1).map((t) => t.value)).toEqual(["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
  });

  it("its JSON record keeps __proto__ and constructor as own keys", () => {
    const profile = profileTable(parseCsv(new TextEncoder().encode("__proto__,constructor\n1,x\n")));
    const json = JSON.stringify(jsonRecord(profile));
    expect(json).toContain('"__proto__":{"type":"integer"');
    expect(JSON.parse(json, (k, v) => v)).toBeTypeOf("object");
    expect(Object.keys(jsonRecord(profile))).toEqual(["__proto__", "constructor"]);
  });
});
