import { pythonStrip } from "./python-text";

/** Thousands separators, currency signs and percent signs: removed wherever they are ("$1,234.50" -> 1234.5). */
const DECORATIONS: ReadonlySet<string> = new Set([",", "$", "€", "£", "¥", "₹", "%"]);

/** A decimal literal as pandas' number parser reads it: sign, digits with an optional point, exponent. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;

/**
 * The number a text cell stands for, as analysts clean money and percentages before `pd.to_numeric`:
 * removes every `,` `$` `€` `£` `¥` `₹` `%`, strips surrounding whitespace (Python `str.strip()`), then reads
 * what `pd.to_numeric(..., errors="coerce")` reads: a decimal literal (`12`, `-3.5`, `.5`, `5.`, `1e-3`) or
 * `inf`/`infinity` in any case. Anything else is NaN, and so is a literal beyond the double range ("1e999"),
 * which pandas' parser refuses rather than rounding to infinity. "50%" gives 50, not 0.5.
 *
 * @example parseNumberText(" $1,234.50 ") // 1234.5
 */
export function parseNumberText(text: string): number {
  let cleaned = "";
  for (const char of text) if (!DECORATIONS.has(char)) cleaned += char;
  cleaned = pythonStrip(cleaned);
  if (DECIMAL.test(cleaned)) {
    const value = Number(cleaned);
    return Number.isFinite(value) ? value : Number.NaN;
  }
  const infinity = INFINITY.exec(cleaned);
  if (infinity !== null) return infinity[1] === "-" ? -Infinity : Infinity;
  return Number.NaN;
}
