// Shared set-up of the browser tests: wrangler dev in its own temp state (scripts/wrangler-dev-server.mjs, as the
// load test), Debian's Chromium driven by playwright-core, a context that refuses every request to another
// origin (the pages must work with no internet) and records Content-Security-Policy violations.
import { existsSync, mkdirSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { createDevServer, resolveTools } from "../../scripts/wrangler-dev-server.mjs";

export const ROOT = resolve(import.meta.dirname, "../..");
export const ARTIFACTS = join(ROOT, "test-results", "playground");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Without the background-networking flags Chromium keeps calling out to Google services (no network here). */
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Harness {
  base: string;
  context: BrowserContext;
  page: Page;
  /** Requests the pages tried to make to another origin (all refused). */
  offsite: string[];
  /** Console errors and CSP violations seen in any page. */
  problems: string[];
  /** Saves test-results/playground/<name>.png: the whole page, or only the viewport for very long ones. */
  screenshot(name: string, target?: Page, fullPage?: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(vars: Record<string, string | number> = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = createDevServer({ root: ROOT, host: "127.0.0.1", tools: resolveTools(ROOT), startupTimeoutS: 180, vars, tempPrefix: "wake-browser-", quiet: true });
  const profile = mkdtempSync(join(tmpdir(), "wake-chromium-"));
  let context: BrowserContext | null = null;
  try {
    const base = await server.start();
    // A persistent context on a fresh profile directory: the --user-data-dir the flags above are meant with.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      locale: "en-US",
      timezoneId: "UTC",
    });
    const offsite: string[] = [];
    const problems: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(`${base}/`) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
      offsite.push(url);
      return route.abort("blockedbyclient");
    });
    const first = context.pages()[0];
    if (first) watch(first, problems);
    context.on("page", (page) => watch(page, problems));
    const page = first ?? (await context.newPage());
    const opened = context;
    const harness: Harness = {
      base,
      context: opened,
      page,
      offsite,
      problems,
      screenshot: async (name, target = page, fullPage = true) => {
        await target.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
      },
      close: async () => {
        await opened.close();
        await server.stop();
        rmSync(profile, { recursive: true, force: true });
      },
    };
    return harness;
  } catch (error) {
    await context?.close();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${server.tail(40)}`);
  }
}

function watch(page: Page, problems: string[]): void {
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
}
