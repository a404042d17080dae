// The playground end to end in Chromium against wrangler dev: sign up, upload, profile, a grouped mean with a
// bar chart whose numbers equal the API's, a validation error and its suggestion, re-run from history, export,
// delete; then /docs and /redoc. Screenshots of each page go to test-results/playground/.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startHarness, type Harness } from "./browser";
import { salesCsv } from "./sales-csv";

let h: Harness;
let page: Page;
const user = { email: `ada${Date.now()}@example.com`, username: `ada${Date.now().toString(36)}`, password: "correct horse battery" };
let sessionId = "";

/** The same call the page makes, straight to the API: the reference the page's numbers are compared with. */
async function apiCall(path: string, init: { method?: string; json?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.json !== undefined) headers["Content-Type"] = "application/json";
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  const res = await fetch(`${h.base}${path}`, { method: init.method ?? "GET", headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

async function apiToken(): Promise<string> {
  const { body } = await apiCall("/api/auth/login", { method: "POST", json: { username: user.username, password: user.password } });
  return (body as { access_token: string }).access_token;
}

async function editorText(): Promise<string> {
  return page.locator("#plan-json").inputValue();
}

beforeAll(async () => {
  // A low upload cap so a 413 needs no large file.
  h = await startHarness({ MAX_UPLOAD_SIZE: 200_000 });
  page = h.page;
}, 300_000);

afterAll(async () => {
  await h?.close();
});

describe("playground", () => {
  it("serves the page at / with a strict CSP and the security headers", async () => {
    const res = await page.goto(`${h.base}/`);
    expect(res?.status()).toBe(200);
    const headers = res!.headers();
    const csp = headers["content-security-policy"];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    await expect.poll(() => page.getByRole("heading", { name: "Try the analysis API" }).isVisible()).toBe(true);
    await h.screenshot("01-sign-in");
  });

  it("signs up and lands on the datasets page, with the token kept out of the URL", async () => {
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Create an account" }) });
    await form.getByLabel("Email").fill(user.email);
    await form.getByLabel("Username").fill(user.username);
    await form.getByLabel("Password").fill(user.password);
    await form.getByRole("button", { name: "Create account and sign in" }).click();
    await page.getByRole("heading", { name: "Datasets", level: 1 }).waitFor();
    await expect.poll(() => page.getByText(`Signed in as ${user.username}`).isVisible()).toBe(true);
    const token = await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem("wake-analyzer.session"));
    expect(JSON.parse(token!).token).toMatch(/^ey/);
    expect(page.url()).not.toContain(JSON.parse(token!).token);
  });

  it("shows the server's reason for a ragged row (with its line), a non-CSV and a file over the cap", async () => {
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({ name: "ragged.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n3\n4,5\n") });
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("line 3");
    expect(await alert.textContent()).toContain("ragged_row");

    await input.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await expect.poll(() => alert.textContent()).toContain("HTTP 415");

    await input.setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.from(`x\n${"1\n".repeat(150_000)}`) });
    await expect.poll(() => alert.textContent()).toContain("HTTP 413");
    await h.screenshot("02-upload-error");
  });

  it("uploads a CSV dropped on the page, then shows its types, profile and distribution charts", async () => {
    const dataTransfer = await page.evaluateHandle((text) => {
      const w = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string, options: { type: string }) => unknown;
      };
      const transfer = new w.DataTransfer();
      transfer.items.add(new w.File([text], "sales.csv", { type: "text/csv" }));
      return transfer;
    }, salesCsv());
    await page.locator(".drop-zone").dispatchEvent("drop", { dataTransfer });
    await page.getByRole("heading", { name: "sales.csv", level: 1 }).waitFor();
    sessionId = /#\/datasets\/([\w-]+)/.exec(page.url())![1];
    const token = await apiToken();
    const { body } = await apiCall(`/api/analytics/datasets/${sessionId}`, { token });
    const dataset = body as { row_count: number; columns: string[]; profile: Record<string, { type: string; null_count: number; distinct_count: number }> };
    expect(await page.locator(".facts").textContent()).toContain(`${dataset.row_count} rows`);
    for (const name of dataset.columns) {
      const row = page.locator("tr", { has: page.locator("th.column-name", { hasText: name }) }).first();
      expect(await row.locator(".type").textContent()).toBe(dataset.profile[name].type);
    }
    const amount = page.locator('tr[data-column="amount"]');
    expect(await amount.getByRole("img").getAttribute("aria-label")).toMatch(/^Histogram of amount: \d+ bins/);
    const region = page.locator('tr[data-column="region"]');
    expect(await region.getByRole("img").getAttribute("aria-label")).toMatch(/^Most frequent values of region: /);
    // A column name and values that look like markup are shown as text, never parsed as HTML.
    expect(await page.locator('tr[data-column="<b>note</b>"] th').textContent()).toBe("<b>note</b>");
    expect(await page.locator("main b, main img[src='x']").count()).toBe(0);
    await h.screenshot("03-dataset");
  });

  it("runs a grouped mean with a bar chart; the numbers on the page equal the API's", async () => {
    await page.getByLabel("Operation").selectOption("mean");
    await page.getByLabel("Target column").selectOption("amount");
    await page.getByLabel("Group by").selectOption("region");
    expect(await page.getByLabel("Chart").inputValue()).toBe("bar");
    const plan = JSON.parse(await editorText());
    expect(plan).toEqual({ operation: "mean", target_column: "amount", group_by: ["region"], chart_type: "bar" });
    await page.getByText("Valid plan for this dataset").waitFor();
    await page.getByRole("button", { name: "Execute" }).click();
    const table = page.locator("table.result-table");
    await table.waitFor();
    const chart = page.locator(".result img.chart");
    await chart.waitFor();
    expect(await chart.getAttribute("alt")).toBe("bar chart: mean of amount by region");
    expect(await chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);

    const { status, body } = await apiCall("/api/analytics/execute", { method: "POST", token: await apiToken(), json: { session_id: sessionId, plan } });
    expect(status).toBe(200);
    const groups = (body as { result: { groups: Array<{ key: { region: string }; value: number; count: number }> } }).result.groups;
    expect(groups.length).toBe(4);
    const rows = await table.locator("tbody tr").all();
    expect(rows.length).toBe(groups.length);
    for (const [i, group] of groups.entries()) {
      expect(await rows[i].locator('td[data-column="region"]').textContent()).toBe(group.key.region);
      expect(await rows[i].locator('td[data-column="value"]').textContent()).toBe(String(group.value));
      expect(await rows[i].locator('td[data-column="count"]').textContent()).toBe(String(group.count));
    }
    await page.getByText("Provenance").click();
    expect(await page.locator(".provenance").textContent()).toContain((body as { provenance: { dataset_sha256: string } }).provenance.dataset_sha256);
    await h.screenshot("04-result");
  });

  it("shows a validation error at its path and applies the did-you-mean suggestion", async () => {
    await page.locator("#plan-json").fill('{\n  "operation": "mean",\n  "target_column": "amont"\n}');
    const problem = page.locator('li[data-path="plan.target_column"]');
    await problem.waitFor();
    expect(await problem.locator(".message").textContent()).toContain("amont");
    await h.screenshot("05-validation-error");
    await problem.getByRole("button", { name: /Did you mean/ }).click();
    await page.getByText("Valid plan for this dataset").waitFor();
    expect(JSON.parse(await editorText())).toEqual({ operation: "mean", target_column: "amount" });

    await page.locator("#plan-json").fill('{"operation": "mean",');
    await expect.poll(() => page.locator("#plan-status").textContent()).toContain("JSON syntax");
    expect(await page.getByRole("button", { name: "Execute" }).isDisabled()).toBe(true);
  });

  it("re-runs a plan from the history", async () => {
    const items = page.locator("ol.history > li");
    // the page's execute and the refused one typed in the editor are not in the list yet
    expect(await items.count()).toBe(1);
    const last = items.last();
    expect(await last.locator(".plan-summary").textContent()).toBe("mean · amount · by region · bar chart");
    await last.getByRole("button", { name: "Re-run" }).click();
    // the list is read again after the run: the page's first run, the test's own API call, the re-run
    const { body } = await apiCall(`/api/analytics/history/${sessionId}`, { token: await apiToken() });
    expect((body as unknown[]).length).toBe(3);
    await expect.poll(() => items.count()).toBe(3);
    expect(JSON.parse(await editorText())).toMatchObject({ operation: "mean", target_column: "amount", group_by: ["region"] });
    await page.locator(".result img.chart").waitFor();
    await items.first().getByRole("button", { name: "Chart" }).click();
    await items.first().locator("img.chart").waitFor();
    await h.screenshot("06-history");
  });

  it("exports the result as CSV and JSON, each with its provenance", async () => {
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    const csv = readFileSync(await csvDownload.path(), "utf8");
    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export JSON" }).click()]);
    const json = JSON.parse(readFileSync(await jsonDownload.path(), "utf8")) as { provenance: { dataset_sha256: string; plan_sha256: string }; result: { groups: Array<{ key: { region: string }; value: number; count: number }> }; chart: { svg?: string } };
    expect(csvDownload.suggestedFilename()).toMatch(/^analysis-[0-9a-f]{8}\.csv$/);
    expect(csv).toContain(`# dataset_sha256: ${json.provenance.dataset_sha256}`);
    expect(csv).toContain(`# plan_sha256: ${json.provenance.plan_sha256}`);
    const data = csv.split("\r\n").filter((line) => line !== "" && !line.startsWith("#"));
    expect(data[0]).toBe("region,value,count");
    expect(data.slice(1)).toEqual(json.result.groups.map((g) => `${g.key.region},${g.value},${g.count}`));
    expect(json.chart.svg).toBeUndefined();
  });

  it("starts from the dataset's example value_counts plan and lists its entries as the API does", async () => {
    await page.getByLabel("Start from an example").selectOption({ label: "value_counts" });
    const plan = JSON.parse(await editorText()) as { operation: string; target_column: string };
    expect(plan.operation).toBe("value_counts");
    await page.getByText("Valid plan for this dataset").waitFor();
    await page.getByRole("button", { name: "Execute" }).click();
    const { body } = await apiCall("/api/analytics/execute", { method: "POST", token: await apiToken(), json: { session_id: sessionId, plan } });
    const entries = (body as { result: { entries: Array<{ value: unknown; count: number }> } }).result.entries;
    const rows = page.locator("table.result-table tbody tr");
    await expect.poll(() => rows.count()).toBe(entries.length);
    for (const [i, entry] of entries.entries()) {
      expect(await rows.nth(i).locator('td[data-column="value"]').textContent()).toBe(entry.value === null ? "—" : String(entry.value));
      expect(await rows.nth(i).locator('td[data-column="count"]').textContent()).toBe(String(entry.count));
    }
    await h.screenshot("07-example-plan");
  });

  it("deletes the dataset after a confirmation", async () => {
    await page.getByRole("button", { name: "Delete dataset" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this dataset?" });
    await dialog.waitFor();
    await h.screenshot("08-delete-confirm");
    // keyboard: the safe button has the focus, and Escape cancels
    expect(await dialog.getByRole("button", { name: "Cancel" }).evaluate((b) => b === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Delete dataset" }).click();
    await dialog.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("heading", { name: "Datasets", level: 1 }).waitFor();
    await expect.poll(() => page.locator("table.datasets, .card p.muted").first().textContent()).not.toContain("sales.csv");
    const { status } = await apiCall(`/api/analytics/datasets/${sessionId}`, { token: await apiToken() });
    expect(status).toBe(404);
    await h.screenshot("09-datasets-after-delete");
  });

  it("serves Swagger UI at /docs, listing every operation, without internet", async () => {
    const docs = await h.context.newPage();
    const res = await docs.goto(`${h.base}/docs`);
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self'");
    const { body } = await apiCall("/openapi.json");
    const operations = Object.values((body as { paths: Record<string, object> }).paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    await expect.poll(() => docs.locator(".opblock").count(), { timeout: 30_000 }).toBe(operations);
    expect(await docs.locator(".opblock-summary-path").allTextContents()).toContain("/api/analytics/execute");
    await h.screenshot("10-docs", docs, false);
    await docs.close();
  });

  it("serves ReDoc at /redoc without internet", async () => {
    const redoc = await h.context.newPage();
    await redoc.goto(`${h.base}/redoc`);
    await redoc.getByRole("heading", { name: /Wake Analyzer API/ }).first().waitFor({ timeout: 30_000 });
    await redoc.getByRole("heading", { name: "Execute a plan over a dataset" }).first().waitFor();
    await h.screenshot("11-redoc", redoc, false);
    await redoc.close();
  });

  it("made no request to another origin and broke no Content-Security-Policy", () => {
    expect(h.offsite).toEqual([]);
    const expected = (p: string) =>
      // the upload and validation errors the tests provoke
      /status of 4\d\d/.test(p) ||
      // ReDoc's side menu always shows Redocly's logo from their CDN; the CSP blocks it and ReDoc hides the image
      /Loading the image 'https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini\.svg' violates the following Content Security Policy/.test(p);
    expect(h.problems.filter((p) => !expected(p))).toEqual([]);
  });
});
