import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, FIELD_PROBLEM_CODES } from "./errors";

/** The service's sources, comments removed. */
function sources(dir: string): Array<[string, string]> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): Array<[string, string]> => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    if (!entry.name.endsWith(".ts") || entry.name.endsWith(".test.ts")) return [];
    return [[path, readFileSync(path, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")]];
  });
}

/** Every place a source writes a problem or error code as a literal. */
const CODE_LITERALS = [
  /\bcode: "([a-z_]+)"/g,
  /\b(?:chartProblem|new EngineError)\(\s*"([a-z_]+)"/g,
  /\bmakeProblem\(\s*\[[^\]]*\],\s*"([a-z_]+)"/g,
  /\bparams: \{ code: "([a-z_]+)" \}/g,
];

describe("problem codes", () => {
  const files = sources(import.meta.dirname);
  const listed = new Set<string>([...ERROR_CODES, ...FIELD_PROBLEM_CODES]);

  it("every code a source writes is in the lists the OpenAPI document is built from", () => {
    const found = files.flatMap(([file, text]) => CODE_LITERALS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => `${m[1]} (${file})`)));
    expect(found.length).toBeGreaterThan(40);
    expect(found.filter((entry) => !listed.has(entry.split(" ")[0]))).toEqual([]);
  });
});
