#!/usr/bin/python3
"""Golden fixtures for the engine: seeded CSVs and the results pandas/scipy/statsmodels give for ~600 plans.

Run: /usr/bin/python3 scripts/golden/generate.py   (pandas 1.5.3, scipy 1.10.1, statsmodels 0.13.5, bottleneck)
Writes src/engine/golden/fixtures/{*.csv, cases.json}. The TypeScript test reads only those files. New cases are
appended (the quoting cases come last and draw no random numbers), so existing cases never change.

Every expected value is what the reference library returns, with these documented exceptions:
- t quantiles (forecast intervals) are computed exactly with mpmath: scipy 1.10's `t.ppf` is off by up to
  ~3e-9 relative for some degrees of freedom, more than the 1e-9 tolerance.
- regression on ill-conditioned data (x = 1e9 + noise): statsmodels solves through an SVD and loses
  cond(X)·eps of precision; when it disagrees with the exact rational least-squares solution by more than
  1e-10, the exact one is recorded (case field "reference": "exact").
- Holt: statsmodels' SLSQP and the engine's optimiser differ, so holt cases carry "tolerance": "holt" and
  the test checks the SSE criterion and the forecast with an explicit looser tolerance.
- Degenerate inputs follow the engine's documented rules: regression with n < 2 or constant x -> nulls;
  forecast with fewer than 3 distinct times -> error "insufficient_data".
"""
import json, math, os, warnings
from datetime import datetime, timedelta, timezone
from fractions import Fraction

import mpmath
import numpy as np
import pandas as pd
from scipy import stats
import statsmodels.api as sm
from statsmodels.tsa.holtwinters import ExponentialSmoothing

warnings.filterwarnings("ignore")
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "engine", "golden", "fixtures")
DAY_MS = 86_400_000
rng = np.random.default_rng(20240601)

# ---------------------------------------------------------------- datasets
LABELS = ["alpha", "Beta", "émile", "zeta", "😀smile", "｡dot", "Zulu", "mike", "__proto__"]
REGIONS = ["north", "south", "east", "west"]


def fmt(v):
    return "" if v is None else repr(float(v)) if isinstance(v, float) else str(v)


def write_csv(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            f.write(",".join(fmt(v) for v in row) + "\n")


def main_rows(n):
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    rows = []
    for i in range(n):
        miss = lambda p: rng.random() < p
        qty = int(rng.integers(0, 30))
        price = None if miss(0.1) else float(np.round(rng.normal(40, 30), 2))
        huge = float(rng.normal(0, 1) * 1e15 + 3e15 * (i % 3 - 1))
        offset = float(1e9 + rng.normal(0, 1) * 1e-2)
        score = float(np.round(rng.normal(0, 1), 1))
        flag = None if miss(0.05) else bool(rng.random() < 0.4)
        region = None if miss(0.08) else REGIONS[int(rng.integers(0, 4))]
        segment = ["a", "b", "c"][int(rng.integers(0, 3))]
        label = LABELS[int(rng.integers(0, len(LABELS)))]
        when = None if miss(0.05) else (start + timedelta(minutes=int(rng.integers(0, 200 * 24 * 60)))).strftime("%Y-%m-%dT%H:%M:%S")
        day = (start + timedelta(days=int(i // 4))).strftime("%Y-%m-%d")  # 4 rows per day: forecast averages them
        sales = None if miss(0.05) else float(np.round(100 + 1.5 * (i // 4) + rng.normal(0, 8), 3))
        t_num = float(np.round(i * 0.5 + (rng.random() < 0.2) * 0.25, 2))
        rows.append([i + 1, qty, price, huge, offset, 7.5, score, flag, region, segment, label, when, day, sales, t_num])
    return rows


MAIN_HEADER = ["id", "qty", "price", "huge", "offset", "const", "score", "flag", "region", "segment", "label",
               "when", "day", "sales", "t_num"]
TYPES = {"id": "num", "qty": "num", "price": "num", "huge": "num", "offset": "num", "const": "num", "score": "num",
         "flag": "bool", "region": "str", "segment": "str", "label": "str", "when": "dt", "day": "dt",
         "sales": "num", "t_num": "num", "level": "num", "tick": "num"}


def series_rows(n):
    start = datetime(2023, 6, 1, tzinfo=timezone.utc)
    rows, level = [], 50.0
    for i in range(n):
        level += 0.8 + rng.normal(0, 1.5)
        gap = 1 if i % 7 else 2  # irregular spacing: median spacing is 1 day
        start += timedelta(days=gap)
        rows.append([start.strftime("%Y-%m-%d"), float(np.round(level, 4)), i * 10])
    return rows


def load(name):
    df = pd.read_csv(os.path.join(OUT, name), keep_default_na=True, dtype=str)
    out = pd.DataFrame(index=df.index)
    for c in df.columns:
        kind = TYPES[c]
        if kind == "num":
            # float(), not pd.to_numeric: pandas' own parsers (to_numeric, read_csv's default) are off by one ulp
            # for ~45% of values like 999999999.998553; the engine parses exactly, so the reference must too.
            out[c] = df[c].map(lambda x: float(x) if isinstance(x, str) else np.nan).astype("float64")
            if out[c].notna().all() and (out[c] == np.round(out[c])).all() and c in ("id", "qty", "tick"):
                out[c] = out[c].astype("int64")
        elif kind == "bool":
            out[c] = df[c].map({"True": 1.0, "False": 0.0}).astype("float64")
        elif kind == "dt":
            out[c] = pd.to_datetime(df[c], utc=True)
        else:
            out[c] = df[c].astype(object)
    return out


# ---------------------------------------------------------------- semantics
def ms_of(ts):
    return float((ts - pd.Timestamp(0, tz="UTC")) // pd.Timedelta(milliseconds=1))


def iso(ms):
    return (datetime(1970, 1, 1) + timedelta(milliseconds=int(ms))).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def parse_iso(text):
    return ms_of(pd.Timestamp(text, tz="UTC"))


def filter_mask(df, f):
    s, op, v = df[f["column"]], f["operator"], f["value"]
    kind = TYPES[f["column"]]
    if kind == "str":
        present = s.notna()
        # Python compares strings by code point, as pandas does (and the engine).
        cmp = {"==": lambda a: a == v, "!=": lambda a: a != v, ">": lambda a: a > v, "<": lambda a: a < v,
               ">=": lambda a: a >= v, "<=": lambda a: a <= v}[op]
        res = s.map(lambda x: cmp(x) if isinstance(x, str) else False)
        return (res | ~present) if op == "!=" else (res & present)
    if kind == "dt":
        s = s.map(lambda t: np.nan if pd.isna(t) else ms_of(t)).astype("float64")
        v = parse_iso(v)
    elif kind == "bool":
        v = 1.0 if v in (True, "true", "True") else 0.0
    else:
        v = float(v)
    return {"==": s == v, "!=": s != v, ">": s > v, "<": s < v, ">=": s >= v, "<=": s <= v}[op]


def apply_filters(df, filters):
    mask = pd.Series(True, index=df.index)
    for f in filters:
        mask &= filter_mask(df, f)
    return df[mask]


def num(x):
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def key_json(col, v):
    kind = TYPES[col]
    if kind == "bool":
        return bool(v == 1.0)
    if kind == "dt":
        return iso(ms_of(v))
    if kind == "str":
        return v
    return int(v) if float(v).is_integer() and abs(v) < 2**53 else float(v)


def aggregate_series(s, op, col):
    kind = TYPES[col] if col else None
    if op == "count":
        c = int(s.count()) if col else int(len(s))
        return {"value": c, "count": c}
    count = int(s.count())
    if kind == "dt":
        v = getattr(s, op)()
        return {"value": None if pd.isna(v) else iso(ms_of(v)), "count": count}
    v = {"sum": s.sum, "mean": s.mean, "std": s.std, "median": s.median, "min": s.min, "max": s.max}[op]()
    if op == "sum" and s.dtype == np.int64:
        return {"value": int(v), "count": count}
    return {"value": num(v), "count": count}


def aggregate_grouped(df, op, col, keys):
    g = df.dropna(subset=keys).groupby(keys, sort=True, dropna=True)
    if col is None:
        series = g.size()
        return [(k, {"value": int(c), "count": int(c)}) for k, c in series.items()]
    s = g[col]
    counts = s.count()
    if op == "count":
        return [(k, {"value": int(c), "count": int(c)}) for k, c in counts.items()]
    if TYPES[col] == "dt":
        res = getattr(s, op)()
        return [(k, {"value": None if pd.isna(v) else iso(ms_of(v)), "count": int(counts[k])}) for k, v in res.items()]
    res = {"sum": s.sum, "mean": s.mean, "std": s.std, "median": s.median, "min": s.min, "max": s.max}[op]()
    out = []
    for k, v in res.items():
        value = int(v) if op == "sum" and res.dtype == np.int64 else num(v)
        out.append((k, {"value": value, "count": int(counts[k])}))
    return out


def grouped(df, keys, per_group):
    work = df.dropna(subset=keys)
    groups = []
    for k, sub in work.groupby(keys, sort=True, dropna=True):
        kt = k if isinstance(k, tuple) else (k,)
        groups.append({"key": {c: key_json(c, v) for c, v in zip(keys, kt)}, **per_group(sub)})
    return {"groups": groups}


def correlation(sub, x, y, method):
    pair = sub[[x, y]].dropna()
    n = len(pair)
    a, b = pair[x].to_numpy(dtype=float), pair[y].to_numpy(dtype=float)
    if n < 2:
        r, p = math.nan, math.nan
    elif method == "pearson":
        r, p = stats.pearsonr(a, b)
    else:
        r, p = stats.spearmanr(a, b)
    return {"coefficient": num(r), "p_value": num(p), "n": n, "method": method}


EXACT_REGRESSIONS = []


def regression(sub, x, y):
    pair = sub[[x, y]].dropna()
    n = len(pair)
    a, b = pair[x].to_numpy(dtype=float), pair[y].to_numpy(dtype=float)
    nulls = {"slope": None, "intercept": None, "r_squared": None, "n": n, "slope_std_error": None,
             "intercept_std_error": None, "slope_p_value": None, "intercept_p_value": None}
    if n < 2 or (a == a[0]).all():
        return nulls
    res = sm.OLS(b, sm.add_constant(a, has_constant="add")).fit()
    out = {"slope": num(res.params[1]), "intercept": num(res.params[0]), "r_squared": num(res.rsquared), "n": n,
           "slope_std_error": num(res.bse[1]), "intercept_std_error": num(res.bse[0]),
           "slope_p_value": num(res.pvalues[1]), "intercept_p_value": num(res.pvalues[0])}
    if n == 2:
        out.update(slope_std_error=None, intercept_std_error=None, slope_p_value=None, intercept_p_value=None)
    exact = exact_regression(a, b)
    if any(exact[k] is not None and out[k] is not None and abs(exact[k] - out[k]) > 1e-10 * max(abs(exact[k]), 1e-300)
           for k in ("slope", "intercept", "slope_std_error")):
        EXACT_REGRESSIONS.append(1)
        return exact
    return out


def exact_regression(a, b):
    n = len(a)
    xs, ys = [Fraction(v) for v in a], [Fraction(v) for v in b]
    xm, ym = sum(xs) / n, sum(ys) / n
    sxx = sum((v - xm) ** 2 for v in xs)
    sxy = sum((u - xm) * (v - ym) for u, v in zip(xs, ys))
    syy = sum((v - ym) ** 2 for v in ys)
    slope = sxy / sxx
    intercept = ym - slope * xm
    ssr = syy - slope * sxy
    df = n - 2
    out = {"slope": float(slope), "intercept": float(intercept),
           "r_squared": None if syy == 0 else float(1 - ssr / syy), "n": n}
    if df > 0:
        s2 = ssr / df
        se_s = math.sqrt(float(s2 / sxx))
        se_i = math.sqrt(float(s2 * (Fraction(1, n) + xm * xm / sxx)))
        out.update(slope_std_error=se_s, intercept_std_error=se_i,
                   slope_p_value=num(2 * stats.t.sf(abs(float(slope) / se_s), df)) if se_s > 0 else None,
                   intercept_p_value=num(2 * stats.t.sf(abs(float(intercept) / se_i), df)) if se_i > 0 else None)
    else:
        out.update(slope_std_error=None, intercept_std_error=None, slope_p_value=None, intercept_p_value=None)
    return out


def t_quantile(p, df):
    mpmath.mp.dps = 40
    q = 1 - mpmath.mpf(p)
    guess = stats.t.ppf(p, df)
    f = lambda t: mpmath.betainc(mpmath.mpf(df) / 2, 0.5, 0, df / (df + t * t), regularized=True) / 2 - q
    return float(mpmath.findroot(f, guess))


def time_series(sub, tcol, vcol):
    pair = sub[[tcol, vcol]].dropna()
    if TYPES[tcol] == "dt":
        pair = pair.assign(**{tcol: pair[tcol].map(ms_of).astype("float64")})
    s = pair.groupby(tcol, sort=True)[vcol].mean()
    return s.index.to_numpy(dtype=float), s.to_numpy(dtype=float)


def forecast(sub, plan):
    tcol, vcol = plan["time_column"], plan["target_column"]
    times, values = time_series(sub, tcol, vcol)
    if len(times) < 3:
        return {"error": "insufficient_data"}
    is_dt = TYPES[tcol] == "dt"
    h, conf = plan["horizon"], plan["confidence"]
    step = float(np.median(np.diff(times)))
    future = [times[-1] + k * step for k in range(1, h + 1)]
    x_of = (lambda t: (t - times[0]) / DAY_MS) if is_dt else (lambda t: t)
    label = (lambda t: iso(math.floor(t + 0.5))) if is_dt else (lambda t: float(t))
    n = len(times)
    if plan["forecast_method"] == "linear":
        x = np.array([x_of(t) for t in times])
        res = sm.OLS(values, sm.add_constant(x, has_constant="add")).fit()
        x0 = np.array([x_of(t) for t in future])
        pred = res.get_prediction(sm.add_constant(x0, has_constant="add"))
        frame = pred.summary_frame(alpha=1 - conf)
        q = t_quantile(1 - (1 - conf) / 2, n - 2)
        se_obs = np.sqrt(pred.se_mean ** 2 + res.scale)
        points = [{"time": label(t), "value": num(m), "lower": num(m - q * s), "upper": num(m + q * s)}
                  for t, m, s in zip(future, frame["mean"], se_obs)]
        fit = {"slope": num(res.params[1]), "intercept": num(res.params[0]), "r_squared": num(res.rsquared), "n": n,
               "residual_std_error": num(math.sqrt(res.scale))}
    else:
        res = ExponentialSmoothing(values, trend="add", initialization_method="estimated").fit()
        alpha, beta = res.params["smoothing_level"], res.params["smoothing_trend"]
        level, trend = float(res.level[-1]), float(res.trend[-1])
        sigma2 = res.sse / n
        z = stats.norm.ppf(1 - (1 - conf) / 2)
        points, acc = [], 0.0
        for k, t in enumerate(future, start=1):
            if k > 1:
                acc += (alpha * (1 + beta * (k - 1))) ** 2
            m = level + k * trend
            half = z * math.sqrt(sigma2 * (1 + acc))
            points.append({"time": label(t), "value": m, "lower": m - half, "upper": m + half})
        fit = {"alpha": alpha, "beta": beta, "initial_level": res.params["initial_level"],
               "initial_trend": res.params["initial_trend"], "level": level, "trend": trend, "sse": float(res.sse), "n": n}
    return {"method": plan["forecast_method"], "horizon": h, "confidence": conf, "points": points, "fit": fit}


def run(df, plan):
    sub = apply_filters(df, plan["filters"])
    op, keys = plan["operation"], plan["group_by"]
    if op == "forecast":
        return forecast(sub, plan)
    if op in ("correlation", "regression"):
        fn = (lambda g: correlation(g, plan["x_axis"], plan["y_axis"], plan["method"])) if op == "correlation" \
            else (lambda g: regression(g, plan["x_axis"], plan["y_axis"]))
        return grouped(sub, keys, fn) if keys else fn(sub)
    col = plan.get("target_column")
    if not keys:
        return aggregate_series(sub[col] if col else sub, op, col)
    out = aggregate_grouped(sub, op, col, keys)
    return {"groups": [{"key": {c: key_json(c, v) for c, v in zip(keys, k if isinstance(k, tuple) else (k,))}, **r}
                       for k, r in out]}


# ---------------------------------------------------------------- cases
def plan(operation, filters=(), group_by=(), **fields):
    p = {"operation": operation, "filters": list(filters), "group_by": list(group_by)}
    p.update(fields)
    return p


F = {
    "none": [],
    "price>10": [{"column": "price", "operator": ">", "value": 10}],
    "region!=north": [{"column": "region", "operator": "!=", "value": "north"}],
    "price!=missing": [{"column": "price", "operator": "!=", "value": "50.5"}],
    "qty>=10&flag": [{"column": "qty", "operator": ">=", "value": 10}, {"column": "flag", "operator": "==", "value": True}],
    "empty": [{"column": "region", "operator": "==", "value": "nowhere"}],
    "when>=": [{"column": "when", "operator": ">=", "value": "2024-03-01T00:00:00Z"}],
    "label<m": [{"column": "label", "operator": "<", "value": "m"}],
    "score<=0": [{"column": "score", "operator": "<=", "value": 0}, {"column": "segment", "operator": "!=", "value": "c"}],
    "day<": [{"column": "day", "operator": "<", "value": "2024-01-20"}],
}
G = {"none": [], "region": ["region"], "segment,flag": ["segment", "flag"], "label": ["label"], "qty": ["qty"],
     "day": ["day"], "flag,region,segment": ["flag", "region", "segment"]}
COMBOS = [("none", "none"), ("price>10", "none"), ("price!=missing", "region"), ("region!=north", "segment,flag"),
          ("empty", "none"), ("empty", "region"), ("qty>=10&flag", "label"), ("when>=", "day"), ("label<m", "qty"),
          ("score<=0", "flag,region,segment"), ("day<", "segment,flag")]
AGGS = ["mean", "sum", "count", "min", "max", "std", "median"]
NUMERIC = ["qty", "price", "huge", "offset", "const", "score", "flag"]


def cases():
    out = []
    add = lambda csv, name, p, **extra: out.append({"id": name, "csv": csv, "plan": p, **extra})
    for op in AGGS:
        cols = NUMERIC + (["when"] if op in ("min", "max", "count") else []) + (["region", None] if op == "count" else [])
        for col in cols:
            for f, g in COMBOS:
                fields = {"target_column": col} if col else {}
                add("main.csv", f"{op}:{col}:{f}:{g}", plan(op, F[f], G[g], **fields))
            add("single.csv", f"{op}:{col}:single", plan(op, **({"target_column": col} if col else {})))
    pairs = [("qty", "price"), ("huge", "offset"), ("score", "qty"), ("const", "price"), ("flag", "price"), ("offset", "sales")]
    for x, y in pairs:
        for f, g in [("none", "none"), ("price>10", "none"), ("none", "region"), ("region!=north", "segment,flag"),
                     ("empty", "none"), ("empty", "region")]:
            for method in ("pearson", "spearman"):
                add("main.csv", f"corr:{method}:{x}~{y}:{f}:{g}", plan("correlation", F[f], G[g], x_axis=x, y_axis=y, method=method))
            add("main.csv", f"reg:{y}~{x}:{f}:{g}", plan("regression", F[f], G[g], x_axis=x, y_axis=y, confidence=0.95))
        add("single.csv", f"corr:{x}~{y}:single", plan("correlation", x_axis=x, y_axis=y, method="pearson"))
        add("single.csv", f"reg:{y}~{x}:single", plan("regression", x_axis=x, y_axis=y, confidence=0.95))
    # tiny groups: 2 rows per group (n = 2 special cases)
    add("main.csv", "corr:pearson:tiny-groups", plan("correlation", [{"column": "id", "operator": "<=", "value": 8}], ["segment"], x_axis="qty", y_axis="price", method="pearson"))
    add("main.csv", "corr:spearman:tiny-groups", plan("correlation", [{"column": "id", "operator": "<=", "value": 8}], ["segment"], x_axis="qty", y_axis="price", method="spearman"))
    add("main.csv", "reg:tiny-groups", plan("regression", [{"column": "id", "operator": "<=", "value": 8}], ["segment"], x_axis="qty", y_axis="price", confidence=0.95))
    for method in ("linear", "holt"):
        for csv, t, v, f, h, conf in [
            ("main.csv", "day", "sales", "none", 12, 0.95), ("main.csv", "day", "sales", "price>10", 5, 0.8),
            ("main.csv", "t_num", "sales", "none", 7, 0.95), ("main.csv", "day", "sales", "day<", 3, 0.99),
            ("series.csv", "date", "level", "none", 30, 0.95), ("series.csv", "tick", "level", "none", 10, 0.9),
            ("main.csv", "day", "sales", "empty", 12, 0.95), ("single.csv", "day", "sales", "none", 12, 0.95),
        ]:
            filters = F[f] if csv == "main.csv" else []
            p = plan("forecast", filters, target_column=v, time_column=t, horizon=h, forecast_method=method, confidence=conf)
            add(csv, f"forecast:{method}:{csv}:{t}:{f}:{h}", p, **({"tolerance": "holt"} if method == "holt" else {}))
    return out


# ---------------------------------------------------------------- quoting (appended after every other case)
# Written byte for byte (write_csv never quotes): RFC 4180 quoting as pandas' C parser reads it. Quoted commas,
# doubled quotes, a newline and a CRLF inside quotes, a quoted number, and a quoted empty field beside a missing
# one (both are NA to pandas). No random numbers: the seeded generator's sequence for the data above is untouched.
QUOTED_CSV = (
    'city,amount,note\n'
    '"Paris, France",10,plain\n'
    '"say ""hi""",20,"with ""quotes"""\n'
    '"two\nlines",30,"crlf\r\ninside"\r\n'
    '"",40,quoted empty city\n'
    ',50,missing city\n'
    '"Paris, France",60,""\n'
    'plain,"70",quoted number\n'
    '"a,b,c",,"trailing, comma,"\n'
    '"say ""hi""",80,\n'
    '"two\nlines",90,"x"\n'
    'plain,100,"line\nbreak, and ""all"""\n'
)
TYPES.update({"city": "str", "amount": "num", "note": "str"})


def quoting_cases():
    out = []
    add = lambda name, p: out.append({"id": f"quoting:{name}", "csv": "quoted.csv", "plan": p})
    add("count-rows", plan("count"))
    add("count-city", plan("count", target_column="city"))
    add("count-note", plan("count", target_column="note"))
    add("count-by-city", plan("count", group_by=["city"]))
    add("sum-amount-by-city", plan("sum", group_by=["city"], target_column="amount"))
    add("mean-amount-by-note", plan("mean", group_by=["note"], target_column="amount"))
    for value in ["Paris, France", 'say "hi"', "two\nlines", "a,b,c"]:
        add(f"sum-where-city=={json.dumps(value)}", plan("sum", [{"column": "city", "operator": "==", "value": value}], target_column="amount"))
    add("max-amount-where-note!=", plan("max", [{"column": "note", "operator": "!=", "value": "plain"}], target_column="amount"))
    add("count-where-city>", plan("count", [{"column": "city", "operator": ">", "value": "Paris, France"}], ["city"]))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    write_csv("main.csv", MAIN_HEADER, main_rows(320))
    write_csv("single.csv", MAIN_HEADER, main_rows(1))
    TYPES["date"] = "dt"
    write_csv("series.csv", ["date", "level", "tick"], series_rows(90))
    with open(os.path.join(OUT, "quoted.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(QUOTED_CSV)
    frames = {name: load(name) for name in ("main.csv", "single.csv", "series.csv", "quoted.csv")}
    result = []
    for case in cases() + quoting_cases():
        before = len(EXACT_REGRESSIONS)
        case["expected"] = run(frames[case["csv"]], case["plan"])
        if len(EXACT_REGRESSIONS) > before:
            case["reference"] = "exact"
        result.append(case)
    with open(os.path.join(OUT, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=0, allow_nan=False)
    print(f"{len(result)} cases, {len(EXACT_REGRESSIONS)} regressions use the exact reference")


if __name__ == "__main__":
    main()
