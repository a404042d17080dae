/**
 * Python's `repr(float)`: the shortest digits that round-trip (as JavaScript's `toString`), written in
 * positional form when the decimal exponent is in [-4, 16) and as `d.ddde±XX` otherwise, with `.0` on
 * integral values. patsy names the levels of a float column with it (`C(x)[T.4.0]`, `C(x)[T.1e+16]`).
 *
 * @example pythonFloatRepr(4) // "4.0"
 * @example pythonFloatRepr(1e16) // "1e+16"
 * @example pythonFloatRepr(0.0001) // "0.0001"
 */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const sign = value < 0 ? "-" : "";
  // toExponential() without an argument gives the shortest round-trip digits, like repr.
  const [mantissa, exponentText] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const magnitude = Math.abs(exponent);
    return `${sign}${fraction}e${exponent < 0 ? "-" : "+"}${magnitude < 10 ? "0" : ""}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${"0".repeat(exponent + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** Python's `repr(int)` for an integral double (an int64 column's level): plain digits. */
export function pythonIntRepr(value: number): string {
  return Object.is(value, -0) ? "0" : BigInt(value).toString();
}
