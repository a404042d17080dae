import { EngineError } from "../errors.js";

/**
 * Upload bytes -> text, refusing anything that is not UTF-8 CSV before the parser sees it. The order matters
 * for the message a user gets: a UTF-16 file is full of NULs, so it is recognised (by BOM or NUL pattern)
 * before the generic "binary content" NUL check, and both run before the UTF-8 decode because a binary file
 * is more usefully described as binary than as badly encoded.
 */
const fatalDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Decodes CSV bytes as strict UTF-8 with the BOM stripped.
 *
 * @throws EngineError `invalid_encoding` (UTF-16 or invalid UTF-8) or `binary_content` (a NUL byte).
 * @example
 * decodeCsvText(new TextEncoder().encode("\uFEFFa,b\n1,2\n")); // "a,b\n1,2\n"
 */
export function decodeCsvText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw utf16Error();
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    if (looksLikeUtf16(bytes)) throw utf16Error();
    const line = countLinesBefore(bytes, nul);
    throw new EngineError(
      "binary_content",
      `The file contains a NUL byte on line ${line} (byte ${nul + 1}); it looks like a binary file, not a CSV.`,
      { line },
    );
  }
  try {
    return fatalDecoder.decode(bytes);
  } catch {
    const offset = findInvalidUtf8(bytes);
    const line = countLinesBefore(bytes, offset);
    throw new EngineError(
      "invalid_encoding",
      `The file is not valid UTF-8: invalid byte sequence on line ${line} (byte ${offset + 1}). Save it as UTF-8 and upload it again.`,
      { line },
    );
  }
}

function utf16Error(): EngineError {
  return new EngineError(
    "invalid_encoding",
    "The file is encoded as UTF-16, which is not supported. Save it as UTF-8 (\"CSV UTF-8\") and upload it again.",
    { line: 1 },
  );
}

// UTF-16 text without a BOM has a NUL in every other byte for ASCII content; binary junk has NULs scattered.
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (even >= half * 0.4 && odd === 0) || (odd >= half * 0.4 && even === 0);
}

/** 1-based line of byte `offset`: CRLF, LF and lone CR each end a line, as in the parser. */
function countLinesBefore(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = bytes[i];
    if (c === 10) line++;
    else if (c === 13 && bytes[i + 1] !== 10) line++;
  }
  return line;
}

/** Only runs after TextDecoder has already refused the bytes, to say where; returns the first bad byte. */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return Math.max(0, n - 1);
}
