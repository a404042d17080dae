/**
 * numpy's float arithmetic where JavaScript's differs (pandas' Series operators are numpy's):
 * - `%` is Python's modulo (the result has the divisor's sign), `//` floors, both by numpy's `npy_divmod`:
 *     mod = fmod(a, b); div = (a - mod) / b; if mod ≠ 0 and sign(mod) ≠ sign(b): mod += b, div -= 1;
 *     floordiv = floor(div), + 1 if div - floor(div) > 0.5 (snaps the quotient to the nearest integer);
 *   division by zero gives a / b (±inf or NaN) for `//` and NaN for `%` (pandas gives the same for integers).
 * - `**` is C's pow: pow(1, y) = 1 and pow(-1, ±inf) = 1 even for y = NaN, where Math.pow gives NaN.
 */

/** Python/numpy `a % b` for doubles. @example pythonMod(-7, 3) // 2 */
export function pythonMod(a: number, b: number): number {
  if (b === 0) return Number.NaN;
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/** Python/numpy `a // b` for doubles. @example floorDivide(-7, 2) // -4 */
export function floorDivide(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return a / b < 0 || Object.is(a / b, -0) ? -0 : 0;
  let floored = Math.floor(div);
  if (div - floored > 0.5) floored += 1;
  return floored;
}

/** C `pow`, as numpy's `power` for doubles. @example power(1, NaN) // 1 */
export function power(a: number, b: number): number {
  if (a === 1) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return a ** b;
}
