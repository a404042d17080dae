/**
 * Python's `repr(float)` (and numpy float64's `str`): the shortest digits that read back as the same double,
 * in fixed notation when the decimal exponent is -4 < e <= 16 ("0.0001", "1234.5", "10.0", always with a
 * point), else scientific with a signed two-digit exponent ("1e-05", "1.5e+16"). JavaScript's
 * `toExponential()` gives the same shortest digits; only the layout differs.
 *
 * @example pythonFloatRepr(1e-5) // "1e-05"
 */
export function pythonFloatRepr(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (x === 0) return `${sign}0.0`;
  const [mantissa, exponentText] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exponent = Number(exponentText);
  const point = exponent + 1; // digits before the decimal point
  if (point > -4 && point <= 16) {
    if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
    if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}.0`;
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  const lead = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
  return `${sign}${lead}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
}
