/**
 * Orders two strings by Unicode code point, as Python's `sorted` (and so pandas' group order) does. JavaScript's
 * `<` compares UTF-16 code units instead, which differs only when a surrogate pair (U+10000 and above) meets a
 * character in U+E000..U+FFFF: shifting surrogates above that block restores code point order.
 *
 * @example ["\uFF61", "\u{1F600}"].sort(compareCodePoints) // ["\uFF61", "\u{1F600}"] (JS default gives the reverse)
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return shiftSurrogate(x) - shiftSurrogate(y);
  }
  return a.length - b.length;
}

function shiftSurrogate(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}
