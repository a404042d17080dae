import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const webRoot = dirname(fileURLToPath(import.meta.url));
const here = (path: string) => resolve(webRoot, path);

/**
 * The pages served as Workers static assets from dist/web: the playground at /, Swagger UI at /docs and ReDoc at
 * /redoc. Every script and stylesheet is bundled into hashed files under /assets/ (no CDN, no inline script), and
 * public/_headers gives every page its Content-Security-Policy.
 */
export default defineConfig({
  root: here("."),
  base: "/",
  publicDir: here("public"),
  logLevel: "warn",
  // The production JSX runtime even when NODE_ENV says otherwise (vitest sets "test", wrangler dev may set
  // "development"): the dev runtime adds file names and line numbers to every element.
  oxc: { jsx: { runtime: "automatic", importSource: "preact", development: false } },
  build: {
    outDir: here("../dist/web"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // A chunk per page plus the two vendored documentation bundles (1-2 MB each, loaded only by /docs and /redoc).
    chunkSizeWarningLimit: 2500,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      checks: { pluginTimings: false },
      input: { index: here("index.html"), docs: here("docs.html"), redoc: here("redoc.html") },
    },
  },
});
