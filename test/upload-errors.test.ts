import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { BASE, createUser, problem, type TestUser, upload } from "./factories";

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...enc(p)] : p)));

let user: TestUser;
beforeAll(async () => {
  user = await createUser();
});

/** [name, file content, filename, status, code, line?] */
const CORPUS: Array<[string, string | Uint8Array, string, number, string, number?]> = [
  ["an empty file", "", "empty.csv", 400, "empty_file"],
  ["only blank lines", "\n\r\n  \n", "blank.csv", 400, "empty_file"],
  ["a header without rows", "a,b,c\n", "header.csv", 400, "no_data_rows"],
  ["a NUL byte", bytes("a,b\n1,", [0], "\n"), "nul.csv", 415, "binary_content"],
  ["UTF-16 with a BOM", bytes([0xff, 0xfe], [0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0, 0x31, 0, 0x2c, 0, 0x32, 0]), "utf16.csv", 415, "invalid_encoding"],
  ["invalid UTF-8", bytes("name\n", [0xc3, 0x28], "\n"), "latin.csv", 415, "invalid_encoding"],
  ["binary junk", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), "image.csv", 415, "binary_content"],
  ["a non-.csv name", "a,b\n1,2\n", "data.txt", 415, "unsupported_media_type"],
  ["a ragged row", "a,b\n1,2\n3\n4,5\n", "ragged.csv", 400, "ragged_row", 3],
  ["an unterminated quote", 'a,b\n1,"open\n2,3\n', "quote.csv", 400, "malformed_csv", 2],
  ["501 columns", Array.from({ length: 501 }, (_, i) => `c${i}`).join(",") + "\n" + "1,".repeat(500) + "1\n", "wide.csv", 400, "too_many_columns"],
  ["a 70 KiB cell", `a,b\n1,${"x".repeat(70 * 1024)}\n`, "cell.csv", 400, "cell_too_large", 2],
  ["over 4,000,000 cells", "a,b,c,d,e\n" + "1,1,1,1,1\n".repeat(800_001), "cells.csv", 400, "too_many_cells"],
  ["a 300-character header", `${"h".repeat(300)},b\n1,2\n`, "header.csv", 400, "invalid_csv"],
];

describe("upload (.error)", () => {
  it.each(CORPUS)("refuses %s", async (_name, content, filename, status, code, line) => {
    const res = await upload(user.token, content, filename);
    expect(res.status).toBe(status);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    const body = (await res.json()) as { detail: string; errors?: Array<{ path: string }> };
    expect(body).toEqual(expect.objectContaining(problem(status, code)));
    expect(body.detail.length).toBeGreaterThan(10);
    if (line) {
      expect(body.detail).toMatch(new RegExp(`^Line ${line}\\b`));
      expect(body.errors?.[0].path).toBe(`file:line ${line}`);
    }
  });

  it("accepts odd but valid CSV: BOM, CR and CRLF line ends, quoted commas, quotes and newlines, no final newline", async () => {
    const content = bytes([0xef, 0xbb, 0xbf], 'id,note\r\n1,"a, b"\r2,"say ""hi"""\n3,"two\nlines"');
    const res = await upload(user.token, content, "ODD.CSV");
    expect(res.status).toBe(201);
    const { metadata } = (await res.json()) as { metadata: { columns: string[]; row_count: number; profile: Record<string, { top?: unknown }> } };
    expect(metadata.columns).toEqual(["id", "note"]);
    expect(metadata.row_count).toBe(3);
    expect(metadata.profile.note.top).toEqual([
      { value: "a, b", count: 1 },
      { value: 'say "hi"', count: 1 },
      { value: "two\nlines", count: 1 },
    ]);
  });

  it("accepts exactly 4,000,000 cells ending with a newline (a trailing newline is not a row)", async () => {
    const res = await upload(user.token, "a,b,c,d,e\n" + "1,1,1,1,1\n".repeat(800_000), "cells.csv");
    expect(res.status).toBe(201);
    const { metadata } = (await res.json()) as { metadata: { row_count: number; column_count: number } };
    expect(metadata.row_count * metadata.column_count).toBe(4_000_000);
  }, 60_000);

  it("answers 413 for a file one byte over MAX_UPLOAD_SIZE", async () => {
    const limit = 10_485_760;
    const row = "1234567,abcdefghij\n";
    const header = "id,text\n";
    const body = header + row.repeat(Math.floor((limit - header.length) / row.length));
    const padded = body + "9".repeat(limit + 1 - body.length);
    expect(enc(padded).byteLength).toBe(limit + 1);
    const res = await upload(user.token, padded, "big.csv");
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(problem(413, "payload_too_large"));
  });

  it("counts bytes read, not Content-Length: a lying or absent header still gets 413", async () => {
    const boundary = "----wake-boundary";
    const big = "a\n" + "1\n".repeat(5_300_000);
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lie.csv"\r\nContent-Type: text/csv\r\n\r\n${big}\r\n--${boundary}--\r\n`;
    const payload = enc(multipart);
    const streamOf = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < payload.length; i += 65536) controller.enqueue(payload.subarray(i, i + 65536));
          controller.close();
        },
      });
    for (const lengthHeader of [{ "Content-Length": "100" }, {}] as Array<Record<string, string>>) {
      const res = await exports.default.fetch(
        new Request(`${BASE}/api/analytics/upload`, {
          method: "POST",
          headers: { Authorization: `Bearer ${user.token}`, "Content-Type": `multipart/form-data; boundary=${boundary}`, ...lengthHeader },
          body: streamOf(),
        }),
      );
      expect(res.status).toBe(413);
    }
  });

  it("answers 422 when the multipart field `file` is missing and 415 for a JSON body", async () => {
    const form = new FormData();
    form.append("other", "x");
    const res = await exports.default.fetch(new Request(`${BASE}/api/analytics/upload`, { method: "POST", body: form, headers: { Authorization: `Bearer ${user.token}` } }));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual(problem(422, "validation_error", { errors: [{ path: "file", code: "required", message: "Field required." }] }));
    const json = await exports.default.fetch(
      new Request(`${BASE}/api/analytics/upload`, { method: "POST", body: "{}", headers: { Authorization: `Bearer ${user.token}`, "Content-Type": "application/json" } }),
    );
    expect(json.status).toBe(415);
  });
});

describe("upload metadata within D1's row limit (UTF-8 bytes)", () => {
  const cjk = (n: number, seed: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + ((seed * 31 + i * 7) % 20000))).join("");
  const wide = (columns: number, headerLength: number) => {
    const header = Array.from({ length: columns }, (_, c) => cjk(headerLength, c)).join(",");
    const rows = Array.from({ length: 10 }, (_, r) => Array.from({ length: columns }, (_, c) => cjk(210, c * 10 + r + 7)).join(","));
    return [header, ...rows].join("\n");
  };

  it("shortens long non-ASCII top values further rather than fail the insert", async () => {
    const res = await upload(user.token, wide(300, 250), "cjk.csv");
    expect(res.status).toBe(201);
    const { metadata } = (await res.json()) as { metadata: { profile: Record<string, { top: Array<{ value: string }> }> } };
    const tops = Object.values(metadata.profile).flatMap((p) => p.top.map((t) => t.value));
    expect(Math.max(...tops.map((v) => v.length))).toBe(40);
  });

  it("leaves the histograms out (null) when the names and top values leave no room for them", async () => {
    // 100 numeric and 400 string columns with 256-character names: 1.82 MB of metadata with histograms, 1.77 MB without
    const numeric = 100;
    const header = Array.from({ length: 500 }, (_, c) => cjk(256, c)).join(",");
    const rows = Array.from({ length: 21 }, (_, r) =>
      Array.from({ length: 500 }, (_, c) => (c < numeric ? String(Math.sin(r * 7 + c) * 1e-7 + c) : cjk(40, c * 10 + (r % 10) + 7))).join(","),
    );
    const res = await upload(user.token, [header, ...rows].join("\n"), "cjk-numbers.csv");
    expect(res.status).toBe(201);
    const { metadata } = (await res.json()) as { metadata: { profile: Record<string, { type: string; histogram?: unknown; mean?: number }> } };
    const numbers = Object.values(metadata.profile).filter((p) => p.type === "float");
    expect(numbers).toHaveLength(numeric);
    expect(numbers.every((p) => p.histogram === null && typeof p.mean === "number")).toBe(true);
  });

  it("refuses with 400 when even the names are too large to store", async () => {
    const res = await upload(user.token, wide(500, 256), "cjk-wide.csv");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(problem(400, "invalid_csv", { errors: [{ path: "file:line 1", code: "metadata_too_large", message: expect.any(String) }] }));
  });
});
