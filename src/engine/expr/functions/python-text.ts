/**
 * Python's `str` methods where JavaScript's differ, as pandas' `.str` accessor calls them on object columns.
 * Python indexes strings by code point, JavaScript by UTF-16 code unit: the two agree until a character above
 * U+FFFF (an emoji, a rare CJK ideograph) appears, so every position here is counted in code points.
 */

/**
 * Python's `str.isspace()` set, which `str.strip()` removes: JavaScript's `trim` also strips U+FEFF (a BOM) but
 * not the information separators U+001C..U+001F or NEL (U+0085), which Python counts as whitespace.
 *
 * @example isPythonSpace(0x85) // true
 */
export function isPythonSpace(code: number): boolean {
  if (code <= 0x20) return (code >= 0x09 && code <= 0x0d) || code >= 0x1c;
  if (code < 0x85) return false;
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
    || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/**
 * Python `s.strip()`: removes leading and trailing whitespace as `str.isspace()` defines it (every such
 * character is a single UTF-16 unit, so scanning units is exact).
 *
 * @example pythonStrip("\u0085 a b\u3000") // "a b"
 */
export function pythonStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPythonSpace(text.charCodeAt(start))) start++;
  while (end > start && isPythonSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Whether the text has a surrogate unit, i.e. a character above U+FFFF (unit and code point indexes differ). */
function hasSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return true;
  }
  return false;
}

/**
 * Python `len(s)`: the number of code points (a surrogate pair counts once, a combining mark counts on its own).
 *
 * @example codePointLength("a😀") // 2 (JavaScript's length is 3)
 */
export function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

/** A Python slice bound: negative counts from the end, then clamped to [0, length]. */
function sliceBound(index: number, length: number): number {
  if (index < 0) return Math.max(0, index + length);
  return Math.min(index, length);
}

/**
 * Python `s[start:stop]` on code points: negative indexes count from the end, out-of-range bounds are clamped,
 * and an empty range gives "" (pandas `str.slice(start, stop)`).
 *
 * @example sliceCodePoints("😀abc", -2) // "bc"
 */
export function sliceCodePoints(text: string, start: number, stop?: number): string {
  if (!hasSurrogate(text)) {
    const from = sliceBound(start, text.length);
    const to = stop === undefined ? text.length : sliceBound(stop, text.length);
    return to > from ? text.slice(from, to) : "";
  }
  const points = Array.from(text);
  const from = sliceBound(start, points.length);
  const to = stop === undefined ? points.length : sliceBound(stop, points.length);
  return to > from ? points.slice(from, to).join("") : "";
}

/**
 * Python `s.replace(old, new)`: every non-overlapping occurrence, left to right; an empty `old` inserts `new`
 * before every code point and at the end ("ab" -> "-a-b-"), never inside a surrogate pair.
 *
 * @example pythonReplace("a.b.c", ".", "") // "abc"
 */
export function pythonReplace(text: string, old: string, replacement: string): string {
  if (old.length > 0) return text.split(old).join(replacement);
  return `${replacement}${Array.from(text).join(replacement)}${text.length > 0 ? replacement : ""}`;
}

/**
 * pandas `s.str.split(sep, regex=False).str[index]`: Python `s.split(sep)[index]` with a negative index
 * counting from the end; an index out of range is missing (null). `sep` must not be empty.
 *
 * @example splitPart("a,b,,c", ",", -1) // "c"
 */
export function splitPart(text: string, sep: string, index: number): string | null {
  const parts = text.split(sep);
  const at = index < 0 ? index + parts.length : index;
  return at >= 0 && at < parts.length ? parts[at] : null;
}
