"""Writes the numpy reference histograms that src/engine/profile/equal-width-histogram.test.ts compares against.

Run: /usr/bin/python3 scripts/reference/histogram_reference.py  (numpy 1.24). Output is committed; re-running
gives the same bytes (seeded generator). Each case holds its input values (NaN and infinities as the strings
"nan", "inf", "-inf", since JSON has no such numbers), the bin count, and numpy.histogram(finite values, bins)
as {edges, counts}; null where numpy raises or double precision cannot bin the range (the engine's contract).
"""
import json
import math
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src/engine/profile/fixtures/histogram.expected.json"


def encode(x: float):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return float(x)


def reference(values: np.ndarray, bins: int):
    finite = values[np.isfinite(values)]
    if len(finite) == 0:
        return None
    lo, hi = float(finite.min()), float(finite.max())
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5
    delta = hi - lo
    # numpy bins these with a NaN or infinite scale (garbage or an error): the engine answers null
    if not (delta > 0 and math.isfinite(delta) and math.isfinite(bins / delta)):
        return None
    counts, edges = np.histogram(finite, bins=bins)
    return {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]}


def main():
    rng = np.random.default_rng(20261206)
    cases = []

    def add(name, values, bins):
        values = np.asarray(values, dtype=np.float64)
        cases.append({"name": name, "bins": bins, "values": [encode(x) for x in values], "expected": reference(values, bins)})

    add("doc example", [1, 2, 2, 3, math.nan], 2)
    add("normal floats, 20 bins", rng.normal(50, 12, 1000), 20)
    add("lognormal floats (skewed), 20 bins", rng.lognormal(0, 1.5, 600), 20)
    add("integers 1..3, one bin each", rng.integers(1, 4, 300), 3)
    add("integers 0..99, 20 bins", rng.integers(0, 100, 1000), 20)
    add("tenths on the edges (0, 0.1, ..., 1)", np.round(np.arange(0, 1.0001, 0.1), 10), 10)
    add("thirds", [i / 3 for i in range(31)], 7)
    add("one value", [42.5] * 9, 1)
    add("one value, zero", [0.0, -0.0, 0.0], 1)
    add("negative range", -rng.uniform(1e-3, 5, 400), 20)
    add("mixed sign around zero", rng.uniform(-1, 1, 500), 19)
    add("large magnitudes 1e15", 1e15 + rng.integers(0, 10**6, 300).astype(np.float64), 20)
    add("tiny range near 1", 1 + rng.integers(0, 50, 200) * 2.0**-52, 20)
    add("with NaN and infinities (skipped)", [1, 2, math.nan, math.inf, 3, -math.inf, 4, 5], 4)
    add("epoch milliseconds (dates)", 1.7e12 + rng.integers(0, 400, 500).astype(np.float64) * 86400000, 20)
    add("subnormal step", [0.0, 5e-324 * 7, 5e-324 * 3], 3)
    add("only NaN", [math.nan, math.nan], 1)
    add("only infinities", [math.inf, -math.inf], 1)
    add("range overflows", [-1e308, 1e308, 0], 20)
    add("single huge value (±0.5 lost)", [2.0**60, 2.0**60], 1)
    add("values in [0, 1e-300]", rng.uniform(0, 1e-300, 100), 20)
    add("many bins over few values", [1, 1, 2, 10], 20)

    OUT.write_text(json.dumps(cases, indent=1) + "\n")


if __name__ == "__main__":
    main()
