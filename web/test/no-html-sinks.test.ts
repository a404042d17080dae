// Values from datasets reach the page as text: no source file of the page may use an API that parses HTML.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|createContextualFragment|document\.write|srcdoc)\b|\beval\s*\(|new Function\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(ts|tsx)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

it("the page's sources use no HTML-parsing sink and no dynamic code", () => {
  const files = sources(join(import.meta.dirname, "../src"));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) expect(readFileSync(file, "utf8"), file).not.toMatch(SINKS);
});
