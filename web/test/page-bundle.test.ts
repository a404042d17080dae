// The playground stays small: a production build, with its script and stylesheet under a gzipped budget.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expect, it } from "vitest";

const DIST = join(import.meta.dirname, "../../dist/web");

it("ships the page as one production script and one stylesheet, 25 KB and 5 KB gzipped at most", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<link\b[^>]*\bhref="\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]);
  expect(scripts).toHaveLength(1);
  expect(styles).toHaveLength(1);
  const script = readFileSync(join(DIST, scripts[0]));
  // the development JSX runtime would carry a file name and line number per element
  expect(script.toString("utf8")).not.toMatch(/lineNumber|jsxDEV/);
  expect(gzipSync(script, { level: 9 }).byteLength).toBeLessThan(25_000);
  expect(gzipSync(readFileSync(join(DIST, styles[0])), { level: 9 }).byteLength).toBeLessThan(5_000);
});
