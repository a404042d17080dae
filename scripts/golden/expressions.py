#!/usr/bin/python3
"""Golden fixtures for the expression language: seeded CSVs and, for each case, the column pandas computes.

Run: /usr/bin/python3 scripts/golden/expressions.py   (pandas 1.5.3, numpy 1.24, scipy 1.10.1, scikit-learn 1.2.1)
Writes src/engine/expr/fixtures/{*.csv, cases.json}; src/engine/expr/expressions.golden.test.ts reads only those.

A case is a CSV, an optional filter expression applied first, a derive step (name, expr, order_by?, partition_by?)
and either the expected column in the frame's order with the engine type it must have, or an expected error code.
Values: null for missing, numbers (Infinity as "Infinity"), true/false, strings, datetimes as epoch milliseconds.

Every value is what the reference returns, computed here with pandas (numpy, scipy, scikit-learn) on the CSV as
the engine reads it (numbers parsed exactly with float(), as scripts/golden/generate.py does). Where the engine
follows a documented rule rather than a pandas call, the rule is reproduced here and named:
- to_date(x) without a format reads ISO 8601 exactly as the CSV reader does (ISO_DATE below); pandas converts.
- to_date(x, format) calls pandas' array_strptime, the routine pd.to_datetime(format=...) runs, directly:
  pandas 1.5 skips it for ISO-looking formats ("%Y-%m-%d" also accepts "2024-01-05 10:00"), pandas 2 does not.
- to_number: the cleaning (drop , $ € £ ¥ ₹ %, strip) is the engine's rule, pd.to_numeric(errors="coerce") decides
  what is a number, float() gives its exact value (pandas' parser is off by an ulp for some long literals).
- Window/partition references sort with sort_values(kind="stable", na_position="last") and use pandas' groupby
  methods (shift, diff, cumsum, rank, rolling), whose rows with a missing key are missing.
- Result types are the engine's (integer = whole numbers with missing allowed, pandas' Int64); each case's
  pandas dtype is checked against it.
"""
import io, json, math, os, sys, warnings

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(__file__))
from expression_cases import CASES  # noqa: E402
from expression_data import CSVS, TYPES, write_csvs  # noqa: E402

warnings.filterwarnings("ignore")
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "engine", "expr", "fixtures")
EPOCH = pd.Timestamp(0, tz="UTC")


# ---------------------------------------------------------------- reading CSVs as the engine does
def load(name):
    df = pd.read_csv(io.StringIO(CSVS[name]), keep_default_na=True, dtype=str)
    out = pd.DataFrame(index=df.index)
    for c in df.columns:
        kind = TYPES[name][c]
        if kind in ("int", "num"):
            out[c] = df[c].map(lambda x: float(x) if isinstance(x, str) else np.nan).astype("float64")
        elif kind == "bool":
            out[c] = df[c].map({"True": 1.0, "False": 0.0, "true": 1.0, "false": 0.0}).astype("float64")
        elif kind == "dt":
            out[c] = pd.Series([iso_utc(x) if isinstance(x, str) else pd.NaT for x in df[c]], index=df.index, dtype="datetime64[ns, UTC]")
        else:
            out[c] = df[c].astype(object)
    return out


def iso_utc(text):
    ts = pd.Timestamp(text)
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def ms_of(ts):
    return int((ts - EPOCH) // pd.Timedelta(milliseconds=1))


# ---------------------------------------------------------------- encoding expected values
def encode(values, kind):
    out = []
    for v in values:
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            out.append(None)
        elif kind == "string":
            out.append(str(v))
        elif kind == "datetime":
            out.append(ms_of(v))
        elif kind == "boolean":
            out.append(bool(v))
        else:
            v = float(v)
            if math.isinf(v):
                out.append("Infinity" if v > 0 else "-Infinity")
            elif kind == "integer":
                assert v == round(v), f"integer case has {v}"
                out.append(int(v))
            else:
                out.append(v)
    return out


ALLOWED_DTYPES = {
    "integer": ("int64", "Int64", "UInt32", "float64"),
    "float": ("float64",),
    "boolean": ("bool", "boolean", "object", "float64"),
    "datetime": ("datetime64[ns, UTC]",),
    "string": ("object", "category"),
}


def check_dtype(series, kind, case_id):
    dtype = str(series.dtype)
    assert dtype in ALLOWED_DTYPES[kind], f"{case_id}: pandas gives {dtype} for an engine {kind}"


# ---------------------------------------------------------------- cases
def identifier(case, seen):
    options = "".join(f" {k}={json.dumps(case[k], ensure_ascii=False)}" for k in ("order_by", "partition_by") if k in case)
    where = f" where {case['filter'][0]}" if "filter" in case else ""
    base = f"{case['csv'][:-4]}: {case['expr']}{options}{where}"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base} #{seen[base]}"


def derive_of(case):
    step = {"name": "out", "expr": case["expr"]}
    for key in ("order_by", "partition_by"):
        if key in case:
            step[key] = case[key]
    return step


def build(case, frames, seen):
    df = frames[case["csv"]]
    if "filter" in case:
        df = case["filter"][1](df)
    out = {"id": identifier(case, seen), "csv": case["csv"]}
    if "filter" in case:
        out["filter"] = case["filter"][0]
    out["derive"] = derive_of(case)
    if "reference" in case:
        out["reference"] = case["reference"]
    if "error" in case:
        if case["pandas"] is not None:
            try:
                case["pandas"](df)
            except Exception:  # the reference refuses it too
                pass
            else:
                raise AssertionError(f"{out['id']}: pandas does not raise")
        out["expected"] = {"error": case["error"]}
        return out
    try:
        result = case["ref"](df)
    except ValueError as error:
        if case.get("qcut") and "Bin edges must be unique" in str(error):
            out["expected"] = {"error": "invalid_argument"}
            return out
        raise
    dictionary = None
    if isinstance(result, tuple):
        result, dictionary = result
    if not isinstance(result, pd.Series):
        result = pd.Series(result, index=df.index)
    assert len(result) == len(df), out["id"]
    if result.notna().any():
        check_dtype(result, case["kind"], out["id"])
    out["expected"] = {"type": case["kind"], "values": encode(result, case["kind"])}
    if dictionary is not None:
        out["expected"]["dictionary"] = dictionary
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    write_csvs(OUT)
    frames = {name: load(name) for name in CSVS}
    seen = {}
    cases = [build(case, frames, seen) for case in CASES]
    with open(os.path.join(OUT, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, ensure_ascii=False, indent=1)
        f.write("\n")
    errors = sum(1 for c in cases if "error" in c["expected"])
    print(f"{len(cases)} cases ({errors} errors) in {OUT}")


if __name__ == "__main__":
    main()
