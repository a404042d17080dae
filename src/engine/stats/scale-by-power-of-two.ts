/**
 * x · 2^e without intermediate overflow or underflow of 2^e itself (C's `ldexp`): the power is applied in
 * steps of at most 2^±1000, so x = 2^200 with e = -1100 gives 2^-900 rather than 0.
 *
 * @example scaleByPowerOfTwo(2 ** 200, -1100) // 2 ** -900 (1.1830521861667747e-271)
 */
export function scaleByPowerOfTwo(x: number, e: number): number {
  let value = x;
  let remaining = e;
  while (remaining > 1000) {
    value *= 2 ** 1000;
    remaining -= 1000;
  }
  while (remaining < -1000) {
    value *= 2 ** -1000;
    remaining += 1000;
  }
  return value * 2 ** remaining;
}
