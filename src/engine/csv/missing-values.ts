/**
 * pandas 1.5's default NA tokens (`pandas._libs.parsers.STR_NA_VALUES`). They are matched exactly against the
 * cell content, untrimmed and case-sensitive, as pandas does: " NA" and "na" are strings, not missing.
 */
export const NA_TOKENS: ReadonlySet<string> = new Set([
  "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A",
  "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
]);

/** The tokens as ASCII bytes, bucketed by length, so a cell is compared in place without decoding it. */
const TOKENS_BY_LENGTH: Uint8Array[][] = [];
for (const token of NA_TOKENS) {
  (TOKENS_BY_LENGTH[token.length] ??= []).push(Uint8Array.from(token, (ch) => ch.charCodeAt(0)));
}

/**
 * Whether `bytes[start, end)` is a missing value: empty or one of pandas' default NA tokens.
 *
 * @example
 * isMissingCell(new TextEncoder().encode("1,NA,3"), 2, 4); // true
 */
export function isMissingCell(bytes: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length === 0) return true;
  const candidates = TOKENS_BY_LENGTH[length];
  if (candidates === undefined) return false;
  next: for (const token of candidates) {
    for (let k = 0; k < length; k++) if (bytes[start + k] !== token[k]) continue next;
    return true;
  }
  return false;
}
