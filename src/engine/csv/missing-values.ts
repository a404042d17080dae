/**
 * pandas 1.5's default NA tokens (`pandas._libs.parsers.STR_NA_VALUES`). They are matched exactly against the
 * cell content, untrimmed and case-sensitive, as pandas does: " NA" and "na" are strings, not missing.
 */
export const NA_TOKENS: ReadonlySet<string> = new Set([
  "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A",
  "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
]);

/** The longest token is 8 code units ("#N/A N/A"), so longer cells skip the slice and the set lookup. */
const LONGEST_TOKEN = 8;

/**
 * Whether `text[start, end)` is a missing value: empty or one of pandas' default NA tokens.
 *
 * @example
 * isMissingCell("1,NA,3", 2, 4); // true
 */
export function isMissingCell(text: string, start: number, end: number): boolean {
  const length = end - start;
  return length === 0 || (length <= LONGEST_TOKEN && NA_TOKENS.has(text.slice(start, end)));
}
