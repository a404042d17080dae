#!/usr/bin/python3
"""Golden fixtures for src/engine/aggregates: seeded CSVs and what pandas 1.5.3 returns for every aggregation
op (ungrouped and grouped), value_counts, describe and crosstab.

Run: /usr/bin/python3 scripts/golden/aggregations.py   (pandas 1.5.3, numpy 1.24.2, bottleneck 1.3.5)
Writes src/engine/aggregates/fixtures/{*.csv, cases.json}; src/engine/aggregates/aggregates.golden.test.ts reads
only those files. Re-running gives the same bytes.

Paths: an ungrouped case is pandas `Series.<op>()` of the selected rows; a grouped case is
`DataFrameGroupBy.<op>()` after `groupby(keys, sort=True, dropna=True)` (rows missing a key are no group).
pandas has no grouped kurtosis or mode and computes grouped skew by applying `Series.skew`: those groups are
`Series.kurt()`/`mode()`/`skew()` of each group. Values are read as the engine parses them (exact `float()`,
integer columns int64 only when they have no gap, booleans True/False, ISO datetimes in UTC).

Every expected value is pandas' own, except these documented ones (field "reference" in the case):
- "exact": datetime mean, median and quantiles. pandas computes them in float64 nanoseconds (~256 ns steps at
  1.7e18), so truncated to milliseconds they land a millisecond early; the reference is the exact rational
  value rounded to the nearest millisecond (halves up), at the positions pandas uses, and the generator asserts
  that pandas' own value is within 10 µs of it. pandas 1.5 refuses grouped datetime quantiles (2.x computes them).
- "pandas3_tie_order": value_counts (and describe's top) with equal counts: pandas 1.5/2.x sort counts with
  numpy's unstable quicksort, pandas 3 stably (first appearance wins, pandas-dev/pandas#63158). The reference is
  the stable order; the case is marked when pandas 1.5's own order differs.
- "pandas2_labels": describe() percentile labels as pandas 2.x formats them (1.5 shows 0.29 as "29.0%").
- "missing_skipped": string min/max with missing values, which pandas 1.5 refuses (TypeError comparing str
  with NaN); the reference is the same call on the non-missing values, as for every other type.
- "empty_table": crosstab of rows none of which has both values; pandas returns an empty frame (and cannot add
  margins to it); the reference is the engine's documented empty table.
- Booleans in numeric ops (sum, mean, median, std, var, sem, quantile, skew, kurtosis) are the 0/1 float Series
  pandas uses for them; value ops (min, max, first, last, mode, count_distinct, value_counts, describe,
  crosstab) use pandas' nullable boolean dtype and return True/False.
"""
import json, math, os, warnings
from datetime import datetime, timedelta, timezone
from fractions import Fraction

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "engine", "aggregates", "fixtures")
rng = np.random.default_rng(20240712)
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

# ---------------------------------------------------------------- datasets
# kind per column: int, float, bool, dt, str
KINDS = {}
LABELS = ["alpha", "Beta", "émile", "zeta", "😀smile", "｡dot", "ｚ", "Zulu", "𝒜bc", "mike", "__proto__", "Ω"]
GROUPS = ["alpha", "beta", "gamma", "delta", "flat", "ghost"]
WORDS = ["ant", "bee", "cat", "dog", "eel"]


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def write_csv(name, header, rows, kinds):
    KINDS[name] = dict(zip(header, kinds))
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(fmt(v) for v in row) + "\n")


def when_text(ms):
    return (EPOCH + timedelta(milliseconds=ms)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]


MIXED = ["id", "g", "k", "qty", "units", "price", "huge", "offset", "tiny", "const", "flag", "member", "when",
         "day", "label", "word", "blank"]
MIXED_KINDS = ["int", "str", "int", "int", "int", "float", "float", "float", "float", "float", "bool", "bool", "dt",
               "dt", "str", "str", "float"]


def mixed_rows(n):
    rows = []
    start = 1_704_067_200_000  # 2024-01-01
    for i in range(n):
        miss = lambda p: rng.random() < p
        g = None if i % 41 == 40 else GROUPS[int(rng.integers(0, len(GROUPS)))]
        if i == 7:
            g = "solo"
        k = int(rng.integers(1, 4))
        qty = int(rng.integers(0, 25))
        units = None if miss(0.1) else int(rng.integers(-50, 50))
        price = None if miss(0.12) else float(np.round(rng.normal(40, 25), 1))
        huge = float((1 if i % 2 else -1) * 3e15 + np.round(rng.normal(0, 300), 2))
        offset = float(1e15 + np.round(rng.normal(0, 2), 3))
        tiny = float(5 + np.round(rng.normal(0, 1), 3) * 1e-9)
        const = 7.5
        flag = None if miss(0.1) else bool(rng.random() < 0.35)
        member = bool(rng.random() < 0.6)
        when = None if miss(0.1) else when_text(start + int(rng.integers(0, 400 * 86_400_000)))
        day = (EPOCH + timedelta(days=19_700 + int(rng.integers(0, 60)))).strftime("%Y-%m-%d")
        label = None if miss(0.1) else LABELS[int(rng.integers(0, len(LABELS)))]
        word = WORDS[int(rng.integers(0, len(WORDS)))]
        if g == "ghost":
            units = price = flag = when = label = None
            huge = offset = tiny = const = None
        if g == "flat":
            price, units, huge, offset, tiny, flag, label = 10.0, 3, 2e15, 1e15, 5.0, True, "same"
            when = "2024-02-29T12:00:00.000"
        rows.append([i + 1, g, k, qty, units, price, huge, offset, tiny, const, flag, member, when, day, label, word,
                     None])
    return rows


SMALL = ["g", "x", "n", "t", "s", "b"]
SMALL_KINDS = ["str", "float", "int", "dt", "str", "bool"]


def small_rows():
    # groups of 1..6 values (quantile ties at h = x.5, the n < 3 / n < 4 rules), and one all-missing group
    rows = []
    base = 1_700_000_000_000
    for size, name in zip(range(1, 7), ["one", "two", "three", "four", "five", "six"]):
        for j in range(size):
            x = float([3.5, -1.25, 3.5, 10.0, 0.1, 7.75][j])
            rows.append([name, x, [4, 4, 1, 9, 2, 4][j], when_text(base + [0, 1, 1, 86_400_001, 3, 7][j] * 1000 + j),
                         ["b", "a", "b", "😀", "｡", "a"][j], [True, False, True, False, True, True][j]])
    rows.append(["none", None, 5, None, None, None])
    rows.append(["none", None, 6, None, None, None])
    return rows


TIES = ["many", "few", "num", "miss", "order"]
TIES_KINDS = ["str", "str", "float", "str", "int"]


def ties_rows():
    # 20 strings x 3 (more than 16 distinct with equal counts: pandas 1.5's quicksort reorders them), 5 strings x
    # ~12, 20 numbers x 3, strings with missing values as frequent as the most frequent string
    many = [f"v{j:02d}" for j in range(20) for _ in range(3)]
    num = [float(j) / 4 for j in range(20) for _ in range(3)]
    rng.shuffle(many)
    rng.shuffle(num)
    rows = []
    for i in range(60):
        few = ["e", "d", "c", "b", "a"][i % 5]
        miss = None if i % 6 == 0 else ["x", "y", "z"][i % 3] if i % 4 else "x"
        rows.append([many[i], few, num[i], miss, 60 - i])
    return rows


LARGE = ["g", "huge", "offset", "x"]
LARGE_KINDS = ["str", "float", "float", "float"]


def large_rows(n):
    # past numpy's 8192-element reduction buffer: blocked pairwise sums differ from one tree on this data
    rows = []
    for i in range(n):
        huge = None if i % 97 == 5 else float((1 if i % 2 else -1) * 3e15 + np.round(rng.normal(0, 500), 2))
        offset = float(1e15 + np.round(rng.normal(0, 3), 3))
        x = None if i % 13 == 0 else float(np.round(rng.standard_t(3) * 10 + 2e6, 4))
        rows.append([["p", "q", "r", "s"][int(rng.integers(0, 4))], huge, offset, x])
    return rows


# ---------------------------------------------------------------- loading (as the engine parses)
def load(name):
    raw = pd.read_csv(os.path.join(OUT, name), keep_default_na=False, dtype=str)
    out = {}
    for c in raw.columns:
        kind = KINDS[name][c]
        text = raw[c]
        missing = text == ""
        if kind in ("int", "float"):
            # float(), not pd.to_numeric: pandas' own parsers are off by one ulp for some values; the engine is exact
            s = text.map(lambda x: float(x) if x != "" else np.nan).astype("float64")
            if kind == "int" and not missing.any():
                s = s.astype("int64")
            out[c] = s
        elif kind == "bool":
            out[c] = text.map({"true": True, "false": False, "": None}).astype("boolean")
        elif kind == "dt":
            out[c] = pd.to_datetime(text.where(~missing, None), utc=True)
        else:
            out[c] = text.where(~missing, np.nan).astype(object)
    return pd.DataFrame(out)


# ---------------------------------------------------------------- formatting
def ms_of(ts):
    return int((ts - pd.Timestamp(0, tz="UTC")) // pd.Timedelta(milliseconds=1))


def iso(ms):
    return (EPOCH + timedelta(milliseconds=int(ms))).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def num(x):
    if x is None or x is pd.NA or x is pd.NaT:
        return None
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    return x if math.isfinite(x) else None


def value_json(kind, v):
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if kind == "dt":
        return iso(ms_of(v))
    if kind == "bool":
        return bool(v)
    if kind == "str":
        return v
    return num(v)


def key_json(kind, v):
    if kind == "bool":
        return bool(v)
    if kind == "dt":
        return iso(ms_of(v))
    if kind == "str":
        return v
    return int(v) if float(v).is_integer() and abs(v) < 2**53 else float(v)


# ---------------------------------------------------------------- exact datetime references
def round_half_up(x):
    return math.floor(x + Fraction(1, 2))


def series_point(n, q, method):
    """numpy.percentile(values, 100q)'s position (below, above, gamma) as pandas' Series.quantile uses it."""
    h = (n - 1) * ((q * 100) / 100)
    if method == "lower":
        i = math.floor(h)
        return i, i, 0.0
    if method == "higher":
        i = math.ceil(h)
        return i, i, 0.0
    if method == "nearest":
        i = int(np.around(h))
        return i, i, 0.0
    index = h if method == "linear" else 0.5 * (math.floor(h) + math.ceil(h))
    if index >= n - 1:
        return n - 1, n - 1, 0.0
    below = math.floor(index)
    gamma = index - below if method == "linear" else (0.0 if index % 1 == 0 else 0.5)
    return below, below + 1, gamma


def group_point(n, q, method):
    """pandas' cython group_quantile position."""
    position = q * (n - 1)
    i = int(position)
    f = position % 1
    if f == 0 or method == "lower":
        return i, i, 0.0
    if method == "linear":
        return i, i + 1, f
    if method == "higher":
        return i + 1, i + 1, 0.0
    if method == "midpoint":
        return i, i + 1, 0.5
    j = i + 1 if (f > 0.5 or (f == 0.5 and q > 0.5)) else i
    return j, j, 0.0


def exact_quantile_ms(ms, q, method, grouped):
    if not ms:
        return None
    xs = sorted(ms)
    below, above, gamma = (group_point if grouped else series_point)(len(xs), q, method)
    a, b = xs[below], xs[above]
    return round_half_up(a + Fraction(gamma) * (b - a))


def exact_mean_ms(ms):
    return round_half_up(Fraction(sum(ms), len(ms))) if ms else None


def check_close_ms(exact, pandas_value):
    """pandas' float-nanosecond datetime must be within 10 µs of the exact millisecond reference."""
    if exact is None:
        assert pandas_value is None or pd.isna(pandas_value), pandas_value
        return
    ns = (pandas_value - pd.Timestamp(0, tz="UTC")) // pd.Timedelta(nanoseconds=1)
    assert abs(ns - exact * 1_000_000) <= 510_000, (ns, exact)  # 0.5 ms of rounding + 10 µs of float error


# ---------------------------------------------------------------- the op references
NUMERIC_OPS = {"sum", "mean", "median", "std", "var", "sem", "quantile", "skew", "kurtosis"}
ACCEPTS = {
    "count": {"int", "float", "bool", "dt", "str"}, "count_distinct": {"int", "float", "bool", "dt", "str"},
    "sum": {"int", "float", "bool"}, "mean": {"int", "float", "bool", "dt"}, "median": {"int", "float", "bool", "dt"},
    "min": {"int", "float", "bool", "dt", "str"}, "max": {"int", "float", "bool", "dt", "str"},
    "std": {"int", "float", "bool"}, "var": {"int", "float", "bool"}, "sem": {"int", "float", "bool"},
    "quantile": {"int", "float", "bool", "dt"}, "skew": {"int", "float", "bool"}, "kurtosis": {"int", "float", "bool"},
    "mode": {"int", "float", "bool", "dt", "str"}, "first": {"int", "float", "bool", "dt", "str"},
    "last": {"int", "float", "bool", "dt", "str"},
}


def as_numeric(s, kind):
    return s.astype("float64") if kind == "bool" else s


def series_ref(op, s, kind, params):
    """pandas Series.<op>() of the selected rows; returns (value, reference-note or None)."""
    if op == "count":
        return int(s.count()), None
    if op == "count_distinct":
        return int(s.nunique()), None
    if kind == "dt" and op in ("mean", "median", "quantile"):
        ms = [ms_of(t) for t in s.dropna()]
        if op == "mean":
            exact = exact_mean_ms(ms)
            check_close_ms(exact, s.mean())
        else:
            q, method = (0.5, "linear") if op == "median" else (params["q"], params["interpolation"])
            exact = exact_quantile_ms(ms, q, method, grouped=False)
            check_close_ms(exact, s.median() if op == "median" else s.quantile(q, interpolation=method))
        return (None if exact is None else iso(exact)), "exact"
    if op in NUMERIC_OPS:
        x = as_numeric(s, kind)
        ddof = params.get("ddof", 1)
        v = {"sum": lambda: x.sum(), "mean": lambda: x.mean(), "median": lambda: x.median(),
             "std": lambda: x.std(ddof=ddof), "var": lambda: x.var(ddof=ddof), "sem": lambda: x.sem(ddof=ddof),
             "quantile": lambda: x.quantile(params["q"], interpolation=params["interpolation"]),
             "skew": lambda: x.skew(), "kurtosis": lambda: x.kurt()}[op]()
        return num(v), None
    present = s.dropna()
    if op in ("min", "max"):
        if kind == "str" and len(present) < len(s):
            v = getattr(present, op)() if len(present) else None
            return value_json(kind, v), "missing_skipped"
        return value_json(kind, getattr(s, op)() if len(present) else None), None
    if op == "mode":
        return [value_json(kind, v) for v in s.mode(dropna=True)], None
    if op in ("first", "last"):
        if len(present) == 0:
            return None, None
        return value_json(kind, present.iloc[0 if op == "first" else -1]), None
    raise ValueError(op)


def grouped_ref(op, sub, col, keys, params):
    """pandas DataFrameGroupBy.<op>() per group: list of (key tuple, value), and a reference note or None."""
    kinds = [KIND_OF[k] for k in keys]
    frame = sub.dropna(subset=keys)
    if col is None:
        res, note = [(k, int(v)) for k, v in frame.groupby(keys, sort=True, dropna=True).size().items()], None
    else:
        res, note = grouped_values(op, frame, col, keys, params)
    out = []
    for k, v in res:
        kt = k if isinstance(k, tuple) else (k,)
        out.append({"key": {c: key_json(kd, kv) for c, kd, kv in zip(keys, kinds, kt)}, "value": v})
    return out, note


def grouped_values(op, frame, col, keys, params):
    kind = KIND_OF[col]
    g = frame.groupby(keys, sort=True, dropna=True)[col]
    note = None
    if op == "count":
        res = [(k, int(v)) for k, v in g.count().items()]
    elif op == "count_distinct":
        res = [(k, int(v)) for k, v in g.nunique().items()]
    elif kind == "dt" and op in ("mean", "median", "quantile"):
        res, note = [], "exact"
        for k, x in g:
            ms = [ms_of(t) for t in x.dropna()]
            if op == "mean":
                exact = exact_mean_ms(ms)
                check_close_ms(exact, x.mean())
            else:
                q, method = (0.5, "linear") if op == "median" else (params["q"], params["interpolation"])
                exact = exact_quantile_ms(ms, q, method, grouped=True)
                if op == "median":
                    check_close_ms(exact, x.median())
                else:  # pandas 1.5 refuses grouped datetime quantiles: check against the same kernel on float ns
                    ns = x.map(lambda t: np.nan if pd.isna(t) else float(ms_of(t)) * 1e6).astype("float64")
                    approx = pd.DataFrame({"k": 0, "v": ns}).groupby("k")["v"].quantile(q, interpolation=method)
                    if exact is not None:
                        assert abs(approx.iloc[0] - exact * 1e6) <= 510_000, (approx.iloc[0], exact)
            res.append((k, None if exact is None else iso(exact)))
    elif op in NUMERIC_OPS:
        x = frame.assign(**{col: as_numeric(frame[col], kind)}).groupby(keys, sort=True, dropna=True)[col]
        ddof = params.get("ddof", 1)
        if op == "kurtosis":
            res = [(k, num(part.kurt())) for k, part in x]
        else:
            v = {"sum": lambda: x.sum(), "mean": lambda: x.mean(), "median": lambda: x.median(),
                 "std": lambda: x.std(ddof=ddof), "var": lambda: x.var(ddof=ddof), "sem": lambda: x.sem(ddof=ddof),
                 "quantile": lambda: x.quantile(params["q"], interpolation=params["interpolation"]),
                 "skew": lambda: x.skew()}[op]()
            res = [(k, num(val)) for k, val in v.items()]
    elif op in ("min", "max"):
        if kind == "str" and frame[col].isna().any():
            res = [(k, value_json(kind, getattr(part.dropna(), op)() if part.notna().any() else None)) for k, part in g]
            note = "missing_skipped"
        else:
            res = [(k, value_json(kind, v)) for k, v in getattr(g, op)().items()]
    elif op == "mode":
        res = [(k, [value_json(kind, v) for v in part.mode(dropna=True)]) for k, part in g]
    elif op in ("first", "last"):
        res = [(k, value_json(kind, v)) for k, v in getattr(g, op)().items()]
    else:
        raise ValueError(op)
    return res, note


# ---------------------------------------------------------------- value_counts, describe, crosstab
def as_object(s):
    """Booleans with gaps as read_csv holds them: object True/False/NaN (the nullable dtype puts <NA> last)."""
    return s.astype(object).where(s.notna(), np.nan) if KIND_OF[s.name] == "bool" else s


def stable_counts(s, dropna):
    """value_counts in first-appearance order, sorted stably by count (pandas 3); and whether 1.5 differs."""
    s = as_object(s)
    vc = s.value_counts(sort=False, dropna=dropna)
    order = sorted(range(len(vc)), key=lambda i: -int(vc.iloc[i]))
    stable = [(vc.index[i], int(vc.iloc[i])) for i in order]
    legacy = s.value_counts(dropna=dropna)
    same = [value_json(KIND_OF[s.name], k) for k, _ in stable] == [value_json(KIND_OF[s.name], k) for k in legacy.index]
    return stable, same


def value_counts_ref(s, params):
    kind = KIND_OF[s.name]
    dropna = params.get("dropna", True)
    stable, same = stable_counts(s, dropna)
    total = int(s.count()) if dropna else len(s)
    shown = stable if params.get("limit") is None else stable[: params["limit"]]
    entries = []
    for key, c in shown:
        entry = {"value": value_json(kind, key), "count": c}
        if params.get("normalize"):
            entry["proportion"] = c / total
        entries.append(entry)
    if params.get("normalize") and shown:  # pandas' own proportions, in its (first-appearance) order
        s = as_object(s)
        prop = s.value_counts(normalize=True, sort=False, dropna=dropna)
        counts = s.value_counts(sort=False, dropna=dropna)
        for entry in entries:
            i = next(j for j in range(len(counts)) if value_json(kind, counts.index[j]) == entry["value"])
            entry["proportion"] = float(prop.iloc[i])
    return {"entries": entries, "total": total, "distinct": len(stable)}, (None if same else "pandas3_tie_order")


def format_percentiles_2x(percentiles):
    """pandas 2.x format_percentiles, re-derived from its documented behaviour (see percentile-labels.ts)."""
    p = np.asarray(percentiles, dtype=float) * 100

    def precision(a):
        gaps = ([a[0]] if a[0] > 0 else []) + list(np.abs(np.diff(a))) + ([100 - a[-1]] if a[-1] < 100 else [])
        return max(1, int(-np.floor(np.log10(min(gaps)))))

    wholes = p.round(precision(p)).astype(int)
    is_whole = np.isclose(wholes, p)
    if is_whole.all():
        return [f"{w}%" for w in wholes]
    digits = precision(np.unique(p))
    return [f"{int(x.round())}%" if w else f"{repr(float(x.round(digits)))}%" for x, w in zip(p, is_whole)]


def describe_ref(s, params):
    kind = KIND_OF[s.name]
    note = None
    if kind in ("str", "bool"):
        stable, same = stable_counts(s, True)
        if not same:
            note = "pandas3_tie_order"
        d = as_object(s).describe()
        top = value_json(kind, stable[0][0]) if stable else None
        stats = [("count", int(d["count"])), ("unique", int(d["unique"])), ("top", top),
                 ("freq", stable[0][1] if stable else None)]
        if stable:
            assert int(d["freq"]) == stable[0][1]
        return {"kind": "categorical", "statistics": [{"name": n, "value": v} for n, v in stats]}, note
    pcts = params.get("percentiles")
    d = s.describe(percentiles=pcts, datetime_is_numeric=True) if pcts is not None else s.describe(datetime_is_numeric=True)
    labels_15 = [i for i in d.index if i.endswith("%")]
    refined = sorted(set(list(pcts) + ([0.5] if 0.5 not in pcts else [])) if pcts is not None else [0.25, 0.5, 0.75])
    labels = format_percentiles_2x(refined)
    if labels != labels_15:
        note = "pandas2_labels"
    if kind == "dt":
        ms = [ms_of(t) for t in s.dropna()]
        exact = [exact_quantile_ms(ms, q, "linear", False) for q in refined]
        for e, label15 in zip(exact, labels_15):
            check_close_ms(e, d[label15])
        stats = [("count", int(d["count"])), ("mean", None if not ms else iso(exact_mean_ms(ms))),
                 ("min", value_json(kind, s.min() if ms else None))]
        stats += [(label, None if e is None else iso(e)) for label, e in zip(labels, exact)]
        stats += [("max", value_json(kind, s.max() if ms else None))]
        return {"kind": "datetime", "statistics": [{"name": n, "value": v} for n, v in stats]}, \
            "exact" + ("+pandas2_labels" if note else "")
    values = [num(d["count"]), num(d["mean"]), num(d["std"]), num(d["min"])] + [num(d[l]) for l in labels_15] + [num(d["max"])]
    names = ["count", "mean", "std", "min"] + labels + ["max"]
    return {"kind": "numeric", "statistics": [{"name": n, "value": v} for n, v in zip(names, values)]}, note


def crosstab_ref(a, b, params):
    ka, kb = KIND_OF[a.name], KIND_OF[b.name]
    both = a.notna() & b.notna()
    a2 = a[both].astype(bool) if ka == "bool" else a[both]
    b2 = b[both].astype(bool) if kb == "bool" else b[both]
    normalize, margins = params.get("normalize", False), params.get("margins", False)
    out = {"rowLabels": [], "columnLabels": [], "values": [], "rowMargins": None, "columnMargins": None,
           "grandMargin": None}
    if len(a2) == 0:
        if margins:
            out.update(rowMargins=[] if normalize != "index" else None, columnMargins=[] if normalize != "columns" else None,
                       grandMargin=0 if normalize is False else (None if normalize == "all" else None))
        return out, "empty_table"
    t = pd.crosstab(a2.rename("a"), b2.rename("b"), normalize=normalize, margins=margins)
    rows = [i for i in t.index if not (margins and i == "All")]
    cols = [c for c in t.columns if not (margins and c == "All")]
    out["rowLabels"] = [key_json(ka, r) for r in rows]
    out["columnLabels"] = [key_json(kb, c) for c in cols]
    out["values"] = [[num(t.loc[r, c]) for c in cols] for r in rows]
    if margins:
        has_row, has_col = "All" in t.index, "All" in t.columns
        out["rowMargins"] = [num(t.loc[r, "All"]) for r in rows] if has_col else None
        out["columnMargins"] = [num(t.loc["All", c]) for c in cols] if has_row else None
        out["grandMargin"] = num(t.loc["All", "All"]) if has_row and has_col else None
    return out, None


# ---------------------------------------------------------------- cases
KIND_OF = {}
FRAMES = {}


def select(df, rows):
    return df if rows is None else df.iloc[rows]


def add_aggregate(out, csv, op, col, params=None, group_by=(), rows=None, tag=""):
    params = params or {}
    df = select(FRAMES[csv], rows)
    set_kinds(csv)
    case = {"id": f"{op}:{col}:{csv}:{'+'.join(group_by) or '-'}{tag}", "kind": "aggregate", "csv": csv, "op": op,
            "column": col, "params": params, "group_by": list(group_by)}
    if rows is not None:
        case["rows"] = [int(r) for r in rows]
    if col is not None and KIND_OF[col] not in ACCEPTS[op]:
        case["expected"] = {"error": "incompatible_type"}
    elif group_by:
        case["expected"], note = grouped_ref(op, df, col, list(group_by), params)
        if note:
            case["reference"] = note
    else:
        if col is None:
            case["expected"], note = len(df), None
        else:
            case["expected"], note = series_ref(op, df[col].rename(col), KIND_OF[col], params)
        if note:
            case["reference"] = note
    out.append(case)


def set_kinds(csv):
    KIND_OF.clear()
    KIND_OF.update(KINDS[csv])


def add_other(out, kind, csv, columns, params, rows=None, tag=""):
    df = select(FRAMES[csv], rows)
    set_kinds(csv)
    case = {"id": f"{kind}:{'~'.join(columns)}:{csv}{tag}", "kind": kind, "csv": csv, "columns": list(columns),
            "params": params}
    if rows is not None:
        case["rows"] = [int(r) for r in rows]
    if kind == "value_counts":
        expected, note = value_counts_ref(df[columns[0]].rename(columns[0]), params)
    elif kind == "describe":
        expected, note = describe_ref(df[columns[0]].rename(columns[0]), params)
    else:
        expected, note = crosstab_ref(df[columns[0]].rename(columns[0]), df[columns[1]].rename(columns[1]), params)
    case["expected"] = expected
    if note:
        case["reference"] = note
    out.append(case)


OPS = ["count", "count_distinct", "sum", "mean", "median", "min", "max", "std", "var", "sem", "quantile", "skew",
       "kurtosis", "mode", "first", "last"]
MIXED_COLUMNS = ["qty", "units", "price", "huge", "offset", "tiny", "const", "flag", "member", "when", "day", "label",
                 "word", "blank"]


def cases():
    out = []
    mixed = FRAMES["mixed.csv"]
    alpha_rows = [i for i in range(len(mixed)) if mixed["g"].iloc[i] == "alpha"]
    every_third = list(range(0, len(mixed), 3))
    for op in OPS:
        params = {"q": 0.3, "interpolation": "linear"} if op == "quantile" else {}
        for col in MIXED_COLUMNS:
            add_aggregate(out, "mixed.csv", op, col, params)
            add_aggregate(out, "mixed.csv", op, col, params, group_by=["g"])
        for col in ["price", "qty", "when", "label", "flag"]:
            add_aggregate(out, "mixed.csv", op, col, params, group_by=["g", "k"], rows=every_third, tag=":every3rd")
            add_aggregate(out, "mixed.csv", op, col, params, rows=alpha_rows, tag=":alpha")
            add_aggregate(out, "single.csv", op, col, params)
            add_aggregate(out, "single.csv", op, col, params, group_by=["g"])
            add_aggregate(out, "mixed.csv", op, col, params, rows=[], tag=":no-rows")
        for col in ["x", "n", "t", "s", "b"]:
            add_aggregate(out, "small.csv", op, col, params)
            add_aggregate(out, "small.csv", op, col, params, group_by=["g"])
        for col in ["huge", "offset", "x"]:
            if KINDS["large.csv"][col] in ACCEPTS[op] and op not in ("mode", "count_distinct", "first", "last", "min", "max"):
                add_aggregate(out, "large.csv", op, col, params)
                add_aggregate(out, "large.csv", op, col, params, group_by=["g"])
    add_aggregate(out, "mixed.csv", "count", None)
    add_aggregate(out, "mixed.csv", "count", None, group_by=["g"])
    add_aggregate(out, "mixed.csv", "count", None, group_by=["flag", "k"])
    add_aggregate(out, "mixed.csv", "sum", "qty", group_by=["member"])
    add_aggregate(out, "mixed.csv", "mean", "price", group_by=["day"])
    add_aggregate(out, "mixed.csv", "max", "label", group_by=["word"])
    for ddof in (0, 2, 5):
        for op in ("std", "var", "sem"):
            for col in ("price", "offset", "member"):
                add_aggregate(out, "mixed.csv", op, col, {"ddof": ddof}, tag=f":ddof{ddof}")
                add_aggregate(out, "mixed.csv", op, col, {"ddof": ddof}, group_by=["g"], tag=f":ddof{ddof}")
            add_aggregate(out, "small.csv", op, "x", {"ddof": ddof}, group_by=["g"], tag=f":ddof{ddof}")
    for method in ("linear", "lower", "higher", "midpoint", "nearest"):
        for q in (0, 0.07, 0.25, 0.37, 0.5, 0.9, 1):
            p = {"q": q, "interpolation": method}
            for col in ("price", "qty", "when"):
                add_aggregate(out, "mixed.csv", "quantile", col, p, tag=f":{method}:{q}")
                add_aggregate(out, "mixed.csv", "quantile", col, p, group_by=["g"], tag=f":{method}:{q}")
            add_aggregate(out, "small.csv", "quantile", "x", p, group_by=["g"], tag=f":{method}:{q}")
            add_aggregate(out, "small.csv", "quantile", "t", p, group_by=["g"], tag=f":{method}:{q}")
        for q in (0.5, 1 / 3):
            for csv, rows in (("small.csv", [9, 10, 11, 12]), ("small.csv", [15, 16, 17, 18, 19, 20])):
                add_aggregate(out, csv, "quantile", "x", {"q": q, "interpolation": method}, rows=rows, tag=f":{method}:{q}:n{len(rows)}")
                add_aggregate(out, csv, "quantile", "n", {"q": q, "interpolation": method}, rows=rows, tag=f":{method}:{q}:n{len(rows)}")
            for col in ("units", "flag", "huge"):
                add_aggregate(out, "mixed.csv", "quantile", col, {"q": q, "interpolation": method}, tag=f":{method}:{q}")
                add_aggregate(out, "mixed.csv", "quantile", col, {"q": q, "interpolation": method}, group_by=["g"], tag=f":{method}:{q}")
    # 125·0.056 = 7 exactly, but pandas' Series path sees q through 100·q / 100 and lands just above 7
    for method in ("linear", "lower", "higher", "midpoint", "nearest"):
        add_aggregate(out, "mixed.csv", "quantile", "qty", {"q": 0.056, "interpolation": method}, rows=list(range(126)),
                      tag=f":{method}:0.056:n126")
    # value_counts
    for col in ["label", "word", "price", "qty", "flag", "when", "day", "blank"]:
        for params in ({}, {"normalize": True}, {"dropna": False}, {"dropna": False, "normalize": True, "limit": 3},
                       {"limit": 2}, {"limit": 0}):
            add_other(out, "value_counts", "mixed.csv", [col], params, tag=":" + json.dumps(params, sort_keys=True))
    for col in ["many", "few", "num", "miss", "order"]:
        for params in ({}, {"dropna": False}, {"normalize": True, "limit": 5}):
            add_other(out, "value_counts", "ties.csv", [col], params, tag=":" + json.dumps(params, sort_keys=True))
    add_other(out, "value_counts", "mixed.csv", ["label"], {"dropna": False}, rows=alpha_rows, tag=":alpha")
    add_other(out, "value_counts", "mixed.csv", ["label"], {}, rows=[], tag=":no-rows")
    # describe
    for col in MIXED_COLUMNS:
        add_other(out, "describe", "mixed.csv", [col], {})
    for pcts in ([0.1, 0.9], [0.05, 0.333, 0.5, 0.95], [0.29, 0.07], [0, 1], [0.0001, 0.9999], [0.125, 0.875],
                 [0.01999, 0.02001, 0.666666, 0.9999], [1e-7], []):
        for col in ("price", "qty", "when"):
            add_other(out, "describe", "mixed.csv", [col], {"percentiles": pcts}, tag=":" + json.dumps(pcts))
    for col in ["x", "n", "t", "s", "b"]:
        add_other(out, "describe", "small.csv", [col], {})
        add_other(out, "describe", "small.csv", [col], {}, rows=[21, 22], tag=":all-missing")
    for col in ["many", "few", "miss"]:
        add_other(out, "describe", "ties.csv", [col], {})
    add_other(out, "describe", "single.csv", ["price"], {})
    add_other(out, "describe", "single.csv", ["label"], {})
    # crosstab
    for a, b in (("g", "word"), ("word", "flag"), ("k", "label"), ("flag", "member"), ("label", "k"), ("day", "word")):
        for normalize in (False, "all", "index", "columns"):
            for margins in (False, True):
                add_other(out, "crosstab", "mixed.csv", [a, b], {"normalize": normalize, "margins": margins},
                          tag=f":{normalize}:{margins}")
    add_other(out, "crosstab", "small.csv", ["g", "b"], {"margins": True})
    add_other(out, "crosstab", "small.csv", ["t", "s"], {"normalize": "index", "margins": True})
    for normalize in (False, "all", "index", "columns"):
        add_other(out, "crosstab", "small.csv", ["g", "s"], {"normalize": normalize, "margins": True}, rows=[21, 22],
                  tag=f":empty:{normalize}")
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    write_csv("mixed.csv", MIXED, mixed_rows(600), MIXED_KINDS)
    write_csv("single.csv", MIXED, mixed_rows(1), MIXED_KINDS)
    write_csv("small.csv", SMALL, small_rows(), SMALL_KINDS)
    write_csv("ties.csv", TIES, ties_rows(), TIES_KINDS)
    write_csv("large.csv", LARGE, large_rows(8_500), LARGE_KINDS)
    for name in KINDS:
        FRAMES[name] = load(name)
    result = cases()
    ids = [c["id"] for c in result]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1][:5]
    with open(os.path.join(OUT, "cases.json"), "w", encoding="utf-8") as f:
        # one case per line: small, and a regenerated case shows as one changed line
        f.write("[\n" + ",\n".join(json.dumps(c, ensure_ascii=False, allow_nan=False) for c in result) + "\n]\n")
    refs = {}
    for c in result:
        refs[c.get("reference", "pandas")] = refs.get(c.get("reference", "pandas"), 0) + 1
    print(f"{len(result)} cases; by reference: {refs}")


if __name__ == "__main__":
    main()
