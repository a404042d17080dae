import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Workers forbid eval and new Function, and a plan must never become code: the service's own sources use neither. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("no dynamic code", () => {
  const files = sources(import.meta.dirname);

  it("finds the sources", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each([
    ["eval(", /\beval\s*\(/],
    ["new Function", /\bnew\s+Function\s*\(/],
    ["a RegExp built at run time", /\bnew\s+RegExp\s*\(/],
  ])("no source calls %s", (_name, pattern) => {
    const offenders = files.filter((file) => pattern.test(readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")));
    expect(offenders).toEqual([]);
  });
});
