import { EngineError } from "../errors.js";

/**
 * Refuses anything that is not UTF-8 CSV before the parser sees it. The order matters for the message a user
 * gets: a UTF-16 file is full of NULs, so it is recognised (by BOM or NUL pattern) before the generic "binary
 * content" NUL check, and both run before the UTF-8 check because a binary file is more usefully described as
 * binary than as badly encoded.
 *
 * The bytes are validated, not decoded: the scanner reads them directly, so a decoded copy of the file would
 * only add ~10 MB of heap (see scan-cells.ts). A fatal TextDecoder cannot validate without producing that
 * text: run over 64 KiB chunks it still left ~13 MB of strings on the heap, over 16 KiB chunks ~10.6 MB of
 * young garbage. So an ASCII prefix (valid UTF-8) is skipped 4 bytes at a time (~4 ms for the 10 MB bench
 * file) and the rest is checked by a byte loop (~7-10 ms for that file with a leading "é"), allocation-free.
 */

/**
 * Checks that `bytes` are strict UTF-8 text and returns where the content starts (3 after a UTF-8 BOM, else 0).
 *
 * @throws EngineError `invalid_encoding` (UTF-16 or invalid UTF-8) or `binary_content` (a NUL byte).
 * @example
 * checkCsvBytes(new TextEncoder().encode("\uFEFFa,b\n1,2\n")); // 3
 */
export function checkCsvBytes(bytes: Uint8Array): number {
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
  const offset = findInvalidUtf8(bytes);
  if (offset !== -1) {
    const line = countLinesBefore(bytes, offset);
    throw new EngineError(
      "invalid_encoding",
      `The file is not valid UTF-8: invalid byte sequence on line ${line} (byte ${offset + 1}). Save it as UTF-8 and upload it again.`,
      { line },
    );
  }
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
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

/**
 * The first byte that does not start a well-formed UTF-8 sequence, or -1. Well-formed as in the Unicode
 * standard (and a fatal TextDecoder): no overlong forms, no surrogates, nothing above U+10FFFF, no truncated
 * sequence at the end. Runs of ASCII are skipped a 32-bit word at a time (no byte of the word >= 0x80).
 */
function findInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  const head = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
  const words = head === n ? new Uint32Array(0) : new Uint32Array(bytes.buffer, bytes.byteOffset + head, (n - head) >> 2);
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      if (i >= head && ((i - head) & 3) === 0) {
        let w = (i - head) >> 2;
        while (w < words.length && (words[w] & 0x80808080) === 0) w++;
        if (w > (i - head) >> 2) {
          i = head + w * 4;
          continue;
        }
      }
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
    } else return i;
    if (i + need >= n) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (need === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    if (need === 3 && (cp < 0x10000 || cp > 0x10ffff)) return i;
    i += need + 1;
  }
  return -1;
}
