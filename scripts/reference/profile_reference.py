"""Writes the pandas reference profiles that src/engine/profile/profile-table.test.ts compares against.

Run: /usr/bin/python3 scripts/reference/profile_reference.py  (pandas 1.5.3). Output is committed.
Datetime columns are read with parse_dates (pandas leaves ISO strings as object otherwise); `top` ties are
ordered by value ascending, as the engine documents, since pandas' own tie order is not stable. `histogram` is
numpy.histogram of the finite values with min(20, distinct finite values) bins; datetimes in epoch milliseconds.
"""
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "src/engine/csv/fixtures"
OUT = ROOT / "src/engine/profile/fixtures"
# the engine type of each column (pandas reads the integer column with a gap as float64)
CASES = {"profile.csv": {"n": "integer", "f": "float", "s": "string", "b": "boolean", "d": "datetime"}}


def finite(x):
    x = float(x)
    return x if math.isfinite(x) else None


def histogram(values: np.ndarray):
    finite_values = values[np.isfinite(values)]
    if len(finite_values) == 0:
        return None
    counts, edges = np.histogram(finite_values, bins=min(20, len(np.unique(finite_values))))
    return {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]}


def profile_column(s: pd.Series, kind: str):
    p = {"type": kind, "null_count": int(s.isna().sum()), "distinct_count": int(s.nunique())}
    values = s.dropna()
    if kind in ("integer", "float"):
        p.update(min=finite(values.min()) if len(values) else None, max=finite(values.max()) if len(values) else None,
                 mean=finite(values.mean()) if len(values) else None,
                 std=finite(values.std(ddof=1)) if len(values) > 1 else None,
                 histogram=histogram(values.to_numpy(dtype=np.float64)))
    elif kind == "datetime":
        fmt = lambda t: t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
        p.update(min=fmt(values.min()) if len(values) else None, max=fmt(values.max()) if len(values) else None,
                 histogram=histogram((values.astype("int64") // 10**6).to_numpy(dtype=np.float64)))
    else:
        counts = values.value_counts()
        items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        p["top"] = [{"value": bool(k) if kind == "boolean" else str(k), "count": int(c)} for k, c in items]
    return p


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for filename, kinds in CASES.items():
        dates = [name for name, kind in kinds.items() if kind == "datetime"]
        df = pd.read_csv(FIXTURES / filename)
        for name in dates:
            df[name] = pd.to_datetime(df[name], utc=True)
        expected = {name: profile_column(df[name], kinds[name]) for name in df.columns}
        (OUT / filename.replace(".csv", ".expected.json")).write_text(json.dumps(expected, indent=2) + "\n")


if __name__ == "__main__":
    main()
