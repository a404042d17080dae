/**
 * The remainder of Stirling's series, ω(x) = ln Γ(x) - [(x - ½) ln x - x + ½ ln 2π], for x >= 10:
 *
 *   ω(x) = 1/(12x) - 1/(360x³) + 1/(1260x⁵) - 1/(1680x⁷) + 1/(1188x⁹) - 691/(360360x¹¹) + 1/(156x¹³)
 *
 * (the terms left out are below 1e-17 there). Lets callers combine the large parts of ln Γ analytically
 * instead of subtracting two huge log-gammas.
 *
 * @example logGammaCorrection(10) // 0.008330563433362899
 */
export function logGammaCorrection(x: number): number {
  const y = 1 / (x * x);
  return (
    (1 / 12 - y * (1 / 360 - y * (1 / 1260 - y * (1 / 1680 - y * (1 / 1188 - y * (691 / 360360 - y / 156)))))) / x
  );
}
