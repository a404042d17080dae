#!/usr/bin/python3
"""Golden fixtures for plan steps and v2 filters: plans whose steps prepare the rows (filters with the v2
operators and OR groups, derive, filter expressions, drop_outliers, fill_missing, drop_missing, drop_duplicates,
sort) before a v1 operation, with the results pandas/scipy give for the same preparation.

Run: /usr/bin/python3 scripts/golden/steps.py   (pandas 1.5.3, scipy 1.10.1)
Writes src/engine/golden/fixtures/{passengers.csv, steps-cases.json}. The TypeScript test reads only those files.

Each case's expected value holds the result, the rows the operation used (filtered_row_count) and the rows left
after each step. The reference semantics, written out with pandas below:
- filters: pandas comparisons (strings by code point, as Python compares them), isin (NaN in the list matches
  missing), between (inclusive), isna/notna, str.contains/startswith/endswith(regex=False, na=False), case-
  insensitive by upper-casing both sides (as pandas' str.contains(case=False)); an {any} group ORs its filters.
- derive: the pandas expression written next to each engine expression.
- drop_outliers: scipy.stats.zscore(nan_policy="omit") |z| <= t, or Q1/Q3 by Series.quantile with k·IQR fences;
  missing values are kept.
- fill_missing: fillna(value | mean() | median() | mode()[0]), ffill(), bfill().
- drop_missing: dropna(subset); drop_duplicates(subset, keep) with keep none = False; sort: sort_values(kind=
  "stable", na_position="last").
"""
import csv, json, os, sys, warnings

import numpy as np
import pandas as pd
from scipy import stats

sys.path.insert(0, os.path.dirname(__file__))
import generate as g  # noqa: E402  (shared aggregation, correlation and key helpers)

warnings.filterwarnings("ignore")
OUT = g.OUT
rng = np.random.default_rng(20261206)

SURNAMES = ["Braund", "Cumings", "Heikkinen", "Futrelle", "Allen", "Moran", "McCarthy", "Palsson", "Johnson", "Nasser",
            "Sandström", "Ødegård", "O'Brien", "Zürich-Berg", "😀Smile", "Ｆullwidth"]
TITLES = ["Mr", "Mrs", "Miss", "Master", "Dr", "Rev"]
PASSENGER_HEADER = ["PassengerId", "Survived", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Ticket", "Fare",
                    "Cabin", "Embarked", "Boarded"]
KINDS = {"PassengerId": "num", "Survived": "num", "Pclass": "num", "Name": "str", "Sex": "str", "Age": "num",
         "SibSp": "num", "Parch": "num", "Ticket": "str", "Fare": "num", "Cabin": "str", "Embarked": "str",
         "Boarded": "dt"}


def passenger_rows(n):
    rows = []
    for i in range(n):
        title = TITLES[int(rng.integers(0, len(TITLES)))]
        sex = "female" if title in ("Mrs", "Miss") else "male"
        name = f"{SURNAMES[int(rng.integers(0, len(SURNAMES)))]}, {title}. Person{int(rng.integers(0, 40))}"
        age = None if rng.random() < 0.2 else float(np.round(rng.uniform(0.5, 80) * 2) / 2)
        pclass = int(rng.integers(1, 4))
        fare = float(np.round(rng.gamma(2.0, 12.0) * (4 - pclass), 4))
        if rng.random() < 0.02:
            fare = float(np.round(rng.uniform(400, 520), 4))  # a few extreme fares
        embarked = None if rng.random() < 0.03 else ["S", "C", "Q"][int(rng.integers(0, 3))]
        cabin = f"{'ABCDEF'[int(rng.integers(0, 6))]}{int(rng.integers(1, 120))}" if rng.random() < 0.25 else None
        boarded = (pd.Timestamp("1912-04-10") + pd.Timedelta(days=int(rng.integers(0, 3)), hours=int(rng.integers(0, 24)))).strftime("%Y-%m-%dT%H:%M:%S")
        rows.append([i + 1, int(rng.random() < 0.38), pclass, name, sex, age, int(rng.integers(0, 4)), int(rng.integers(0, 3)),
                     f"T{int(rng.integers(100, 140))}", fare, cabin, embarked, boarded])
    # Exact duplicates of a few rows (a new id only), for drop_duplicates over subsets.
    for k in range(12):
        dup = list(rows[int(rng.integers(0, n))])
        dup[0] = n + k + 1
        rows.append(dup)
    return rows


def write_quoted_csv(name, header, rows):
    """Names hold commas ("Braund, Mr. Person3"): fields are quoted where needed (RFC 4180)."""
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        for row in rows:
            writer.writerow([g.fmt(v) for v in row])


# ---------------------------------------------------------------- reference semantics
def filter_mask(df, f):
    s, op, v = df[f["column"]], f["operator"], f.get("value")
    kind = g.TYPES[f["column"]]
    if op == "is_null":
        return s.isna()
    if op == "not_null":
        return s.notna()
    fold = (lambda x: x.upper()) if f.get("case_sensitive") is False else (lambda x: x)
    if kind == "str":
        t = s.map(lambda x: fold(x) if isinstance(x, str) else None)
        present = s.notna()
        if op in ("in", "not_in"):
            wanted = {fold(x) for x in v if x is not None}
            hit = t.map(lambda x: x in wanted if x is not None else (None in v))
            return hit if op == "in" else ~hit
        if op == "between":
            lo, hi = fold(v[0]), fold(v[1])
            return t.map(lambda x: x is not None and lo <= x <= hi)
        if op in ("contains", "starts_with", "ends_with"):
            needle = fold(v)
            test = {"contains": lambda x: needle in x, "starts_with": lambda x: x.startswith(needle), "ends_with": lambda x: x.endswith(needle)}[op]
            return t.map(lambda x: x is not None and test(x))
        w = fold(v)
        res = t.map(lambda x: x is not None and {"==": x == w, "!=": x != w, ">": x > w, "<": x < w, ">=": x >= w, "<=": x <= w}[op])
        return (res | ~present) if op == "!=" else res
    if kind == "dt":
        s = s.map(lambda t: np.nan if pd.isna(t) else g.ms_of(t)).astype("float64")
        conv = g.parse_iso
    else:
        conv = float
    if op in ("in", "not_in"):
        hit = s.isin([conv(x) for x in v if x is not None]) | (s.isna() & (None in v))
        return hit if op == "in" else ~hit
    if op == "between":
        return (s >= conv(v[0])) & (s <= conv(v[1]))
    w = conv(v)
    return {"==": s == w, "!=": s != w, ">": s > w, "<": s < w, ">=": s >= w, "<=": s <= w}[op]


def condition_mask(df, c):
    if "any" in c:
        mask = pd.Series(False, index=df.index)
        for f in c["any"]:
            mask |= filter_mask(df, f)
        return mask
    return filter_mask(df, c)


def apply_step(df, step, ref):
    kind, body = next(iter(step.items()))
    if kind == "derive":
        df = df.copy()
        df[body["name"]] = ref(df)
        return df
    if kind == "filter":
        return df[ref(df) if "expr" in body else condition_mask(df, body)]
    if kind == "drop_outliers":
        s = df[body["column"]]
        if body["method"] == "zscore":
            z = pd.Series(stats.zscore(s, nan_policy="omit"), index=df.index)
            return df[s.isna() | ~(z.abs() > body.get("threshold", 3))]
        q1, q3 = s.quantile(0.25), s.quantile(0.75)
        k = body.get("multiplier", 1.5)
        return df[s.isna() | ((s >= q1 - k * (q3 - q1)) & (s <= q3 + k * (q3 - q1)))]
    if kind == "fill_missing":
        df = df.copy()
        for c in body["columns"]:
            s, m = df[c], body["method"]
            if m == "value":
                v = body["value"]
                df[c] = s.fillna(g.parse_iso(v) if g.TYPES[c] == "dt" else v)
            elif m in ("mean", "median"):
                df[c] = s.fillna(getattr(s, m)())
            elif m == "mode":
                modes = s.mode()
                df[c] = s.fillna(modes.iloc[0]) if len(modes) else s
            else:
                df[c] = s.ffill() if m == "ffill" else s.bfill()
        return df
    if kind == "drop_missing":
        return df.dropna(subset=body.get("columns"))
    if kind == "drop_duplicates":
        keep = {"first": "first", "last": "last", "none": False}[body.get("keep", "first")]
        return df.drop_duplicates(subset=body.get("columns"), keep=keep)
    if kind == "sort":
        by = [k["column"] for k in body["by"]]
        asc = [k.get("direction", "asc") == "asc" for k in body["by"]]
        if len(by) == 1:
            return df.sort_values(by[0], ascending=asc[0], kind="stable", na_position="last")
        return df.sort_values(by, ascending=asc, kind="stable", na_position="last")
    raise ValueError(kind)


def run(df, case):
    plan = case["plan"]
    sub = df[pd.concat([condition_mask(df, c) for c in plan["filters"]], axis=1).all(axis=1)] if plan["filters"] else df
    remaining = []
    for step, ref in zip(plan.get("steps", []), case.pop("refs")):
        sub = apply_step(sub, step, ref)
        remaining.append(int(len(sub)))
    for name, kind in case.pop("kinds").items():
        g.TYPES[name] = kind
    # Bins (an ordered Categorical) group in bin order and only where rows fall (observed=True): group by their
    # codes, then name each group by its label.
    bins = {k: sub[k].cat.categories for k in plan["group_by"] if isinstance(sub[k].dtype, pd.CategoricalDtype)}
    coded = sub.assign(**{k: sub[k].cat.codes.where(sub[k].cat.codes >= 0).astype("float64") for k in bins})
    for k in bins:
        g.TYPES[k] = "num"
    result = g.run(coded, {**plan, "filters": []})
    for k, labels in bins.items():
        g.TYPES[k] = "str"
        for group in result["groups"]:
            group["key"][k] = str(labels[int(group["key"][k])])
    return {"result": result, "filtered_row_count": int(len(sub)), "rows_remaining": remaining}


# ---------------------------------------------------------------- cases
def plan(operation, steps=(), filters=(), group_by=(), **fields):
    p = {"operation": operation, "filters": list(filters), "group_by": list(group_by)}
    if steps:
        p["steps"] = list(steps)
    p.update(fields)
    return p


def derive(name, expr):
    return {"derive": {"name": name, "expr": expr}}


def cases():
    out = []

    def add(name, p, refs=(), kinds=None):
        out.append({"id": name, "csv": "passengers.csv", "plan": p, "refs": list(refs), "kinds": kinds or {}})

    # Filters with the v2 operators and OR groups, on every column type.
    FILTERS = {
        "in-str": [{"column": "Embarked", "operator": "in", "value": ["C", "Q"]}],
        "in-str-null": [{"column": "Embarked", "operator": "in", "value": ["S", None]}],
        "not_in-str": [{"column": "Embarked", "operator": "not_in", "value": ["S"]}],
        "not_in-null": [{"column": "Embarked", "operator": "not_in", "value": [None]}],
        "in-num": [{"column": "Pclass", "operator": "in", "value": [1, 3]}],
        "in-num-text": [{"column": "SibSp", "operator": "in", "value": ["0", 2]}],
        "not_in-num": [{"column": "Age", "operator": "not_in", "value": [22, 30.5]}],
        "between-num": [{"column": "Age", "operator": "between", "value": [18, 40]}],
        "between-str": [{"column": "Name", "operator": "between", "value": ["C", "O"]}],
        "between-dt": [{"column": "Boarded", "operator": "between", "value": ["1912-04-10T12:00:00", "1912-04-11"]}],
        "is_null": [{"column": "Age", "operator": "is_null"}],
        "not_null": [{"column": "Cabin", "operator": "not_null"}],
        "contains": [{"column": "Name", "operator": "contains", "value": "Mrs."}],
        "contains-ci": [{"column": "Name", "operator": "contains", "value": "MISS", "case_sensitive": False}],
        "starts_with": [{"column": "Name", "operator": "starts_with", "value": "Ø"}],
        "ends_with": [{"column": "Ticket", "operator": "ends_with", "value": "7"}],
        "eq-ci": [{"column": "Sex", "operator": "==", "value": "MALE", "case_sensitive": False}],
        "in-ci": [{"column": "Embarked", "operator": "in", "value": ["c", "q"], "case_sensitive": False}],
        "gt-emoji": [{"column": "Name", "operator": ">", "value": "Ｆ"}],
        "or": [{"any": [{"column": "Age", "operator": "<", "value": 12}, {"column": "Fare", "operator": ">", "value": 100}]}],
        "or-null": [{"any": [{"column": "Age", "operator": "is_null"}, {"column": "Sex", "operator": "==", "value": "female"}]}],
        "or-and": [{"any": [{"column": "Pclass", "operator": "==", "value": 1}, {"column": "Embarked", "operator": "==", "value": "C"}]},
                   {"column": "Survived", "operator": "==", "value": 1}],
        "none-left": [{"column": "Pclass", "operator": "in", "value": [7]}],
    }
    TARGETS = [("count", None), ("mean", "Fare"), ("sum", "SibSp"), ("max", "Age"), ("min", "Boarded"), ("std", "Fare"), ("median", "Age")]
    for name, filters in FILTERS.items():
        for op, col in TARGETS:
            fields = {"target_column": col} if col else {}
            add(f"filter:{name}:{op}:{col}", plan(op, filters=filters, **fields))
            add(f"filter:{name}:{op}:{col}:by-sex", plan(op, filters=filters, group_by=["Sex"], **fields))

    # Derived columns from operators, then every v1 operation on them.
    DERIVED = [
        ("FamilySize", "SibSp + Parch + 1", lambda d: d.SibSp + d.Parch + 1, "num"),
        ("FarePerPerson", "Fare / (SibSp + Parch + 1)", lambda d: d.Fare / (d.SibSp + d.Parch + 1), "num"),
        ("AgeMonths", "Age * 12", lambda d: d.Age * 12, "num"),
        ("Decade", "Age // 10 * 10", lambda d: d.Age // 10 * 10, "num"),
        ("Odd", "PassengerId % 2", lambda d: d.PassengerId % 2, "num"),
        ("FareSquared", "Fare ** 2", lambda d: d.Fare ** 2, "num"),
        ("Band", "if(Age < 18, 'child', if(Age < 60, 'adult', 'senior'))",
         lambda d: pd.Series(np.where(d.Age < 18, "child", np.where(d.Age < 60, "adult", "senior")), index=d.index), "str"),
        ("AgeOrMedian", "coalesce(Age, 28)", lambda d: d.Age.fillna(28), "num"),
        ("Rich", "Fare > 50", lambda d: (d.Fare > 50).astype(float), "bool"),
        ("Alone", "SibSp + Parch == 0 and not(is_null(Age))", lambda d: ((d.SibSp + d.Parch == 0) & d.Age.notna()).astype(float), "bool"),
        ("RoundFare", "round(Fare, 1)", lambda d: d.Fare.round(1), "num"),
        ("LogFare", "log(Fare + 1)", lambda d: np.log(d.Fare + 1), "num"),
        ("Clipped", "clip(Age, 10, 60)", lambda d: d.Age.clip(10, 60), "num"),
        ("Who", "Sex + '-' + Embarked", lambda d: d.Sex + "-" + d.Embarked, "str"),
    ]
    for name, expr, ref, kind in DERIVED:
        steps = [derive(name, expr)]
        if kind == "num":
            for op in ("mean", "sum", "count", "min", "max", "std", "median"):
                add(f"derive:{name}:{op}", plan(op, steps, target_column=name), [ref], {name: kind})
            add(f"derive:{name}:mean:by-pclass", plan("mean", steps, group_by=["Pclass"], target_column=name), [ref], {name: kind})
            add(f"derive:{name}:corr", plan("correlation", steps, x_axis=name, y_axis="Fare", method="pearson"), [ref], {name: kind})
            add(f"derive:{name}:reg", plan("regression", steps, x_axis="PassengerId", y_axis=name, confidence=0.95), [ref], {name: kind})
        add(f"derive:{name}:count-by", plan("count", steps, group_by=[name]), [ref], {name: kind})
        add(f"derive:{name}:fare-by", plan("mean", steps, group_by=[name, "Sex"], target_column="Fare"), [ref], {name: kind})
    # Derived from derived, and a filter expression on a derived column.
    two = [derive("FamilySize", "SibSp + Parch + 1"), derive("Big", "FamilySize >= 4")]
    add("derive:chain", plan("mean", two, group_by=["Big"], target_column="Fare"),
        [lambda d: d.SibSp + d.Parch + 1, lambda d: (d.FamilySize >= 4).astype(float)], {"FamilySize": "num", "Big": "bool"})
    FILTER_EXPRS = [
        ("Age > 30 and Sex == 'male'", lambda d: (d.Age > 30) & (d.Sex == "male")),
        ("Fare >= 100 or Pclass == 1", lambda d: (d.Fare >= 100) | (d.Pclass == 1)),
        ("not(is_null(Cabin))", lambda d: d.Cabin.notna()),
        ("Age != 22", lambda d: d.Age != 22),
        ("Boarded < '1912-04-11'", lambda d: d.Boarded < pd.Timestamp("1912-04-11", tz="UTC")),
        ("Name >= 'Ｆ'", lambda d: d.Name.map(lambda x: isinstance(x, str) and x >= "Ｆ")),
        ("isin(Embarked, ['C', null])", lambda d: d.Embarked.isin(["C"]) | d.Embarked.isna()),
        ("between(Fare, 10, 20)", lambda d: d.Fare.between(10, 20)),
        ("Pclass == 9", lambda d: d.Pclass == 9),
    ]
    for expr, ref in FILTER_EXPRS:
        for op, col in (("count", None), ("mean", "Fare"), ("median", "Age")):
            fields = {"target_column": col} if col else {}
            add(f"filter-expr:{expr}:{op}", plan(op, [{"filter": {"expr": expr}}], **fields), [ref])
            add(f"filter-expr:{expr}:{op}:by", plan(op, [{"filter": {"expr": expr}}], group_by=["Embarked"], **fields), [ref])
    add("filter-step:object", plan("count", [{"filter": {"column": "Embarked", "operator": "in", "value": ["C"]}}], group_by=["Sex"]), [None])
    add("filter-step:group", plan("mean", [{"filter": {"any": [{"column": "Age", "operator": "is_null"}, {"column": "Pclass", "operator": "==", "value": 3}]}}], target_column="Fare"), [None])

    # Outliers.
    for method, extra in (("zscore", {}), ("zscore", {"threshold": 2}), ("zscore", {"threshold": 0.5}), ("iqr", {}),
                          ("iqr", {"multiplier": 3}), ("iqr", {"multiplier": 0})):
        for col in ("Fare", "Age", "SibSp"):
            step = {"drop_outliers": {"column": col, "method": method, **extra}}
            tag = f"{method}:{col}:{json.dumps(extra)}"
            add(f"outliers:{tag}:mean", plan("mean", [step], target_column=col), [None])
            add(f"outliers:{tag}:count-by", plan("count", [step], group_by=["Pclass"]), [None])
            add(f"outliers:{tag}:std-by", plan("std", [step], group_by=["Sex"], target_column="Fare"), [None])
    add("outliers:constant", plan("count", [{"drop_outliers": {"column": "PassengerId", "method": "zscore", "threshold": 3}}],
                                  filters=[{"column": "PassengerId", "operator": "==", "value": 5}]), [None])
    add("outliers:after-filter", plan("mean", [{"drop_outliers": {"column": "Fare", "method": "iqr"}}], filters=[{"column": "Pclass", "operator": "==", "value": 1}], target_column="Fare"), [None])

    # The reference question: fares beyond 3 standard deviations removed, then mean and count by age band.
    band = derive("AgeBand", "if(is_null(Age), null, if(Age < 18, 'child', if(Age < 40, 'young adult', if(Age < 60, 'adult', 'senior'))))")
    band_ref = lambda d: pd.Series(np.where(d.Age.isna(), None, np.where(d.Age < 18, "child", np.where(d.Age < 40, "young adult", np.where(d.Age < 60, "adult", "senior")))), index=d.index)
    for op in ("mean", "count", "median", "std"):
        add(f"question:outliers-then-band:{op}", plan(op, [{"drop_outliers": {"column": "Fare", "method": "zscore", "threshold": 3}}, band],
                                                       group_by=["AgeBand"], target_column="Fare"), [None, band_ref], {"AgeBand": "str"})

    # Bins from cut and qcut: groups and sorts follow bin order (pandas' ordered Categorical, observed groups).
    edges = [0, 12, 18, 35, 60, 100]
    labelled = derive("Stage", "cut(Age, [0, 12, 18, 35, 60, 100], ['child', 'teen', 'young', 'adult', 'senior'])")
    labelled_ref = lambda d: pd.cut(d.Age, edges, labels=["child", "teen", "young", "adult", "senior"])
    default = derive("Stage", "cut(Age, [0, 12, 18, 35, 60, 100])")
    default_ref = lambda d: pd.cut(d.Age, edges).cat.rename_categories(lambda i: str(i))
    quartile = derive("Stage", "qcut(Fare, 4)")
    quartile_ref = lambda d: pd.qcut(d.Fare, 4).cat.rename_categories(lambda i: str(i))
    for tag, step, ref in (("labels", labelled, labelled_ref), ("default", default, default_ref), ("qcut", quartile, quartile_ref)):
        add(f"bins:{tag}:mean-fare", plan("mean", [step], group_by=["Stage"], target_column="Fare"), [ref], {"Stage": "str"})
        add(f"bins:{tag}:count", plan("count", [step], group_by=["Stage"]), [ref], {"Stage": "str"})
        add(f"bins:{tag}:median-age-by-sex", plan("median", [step], group_by=["Sex", "Stage"], target_column="Age"), [ref], {"Stage": "str"})
    add("bins:sort-desc-dedup", plan("sum", [labelled, {"sort": {"by": [{"column": "Stage", "direction": "desc"}]}}, {"drop_duplicates": {"columns": ["Sex"]}}], target_column="PassengerId"),
        [labelled_ref, None, None], {"Stage": "str"})

    # Missing values.
    for method, value in (("value", 30), ("value", 29.5), ("mean", None), ("median", None), ("mode", None), ("ffill", None), ("bfill", None)):
        body = {"columns": ["Age"], "method": method, **({"value": value} if value is not None else {})}
        for op in ("mean", "sum", "count", "std", "median"):
            add(f"fill:{method}:{value}:{op}", plan(op, [{"fill_missing": body}], target_column="Age"), [None])
        add(f"fill:{method}:{value}:by", plan("mean", [{"fill_missing": body}], group_by=["Pclass", "Sex"], target_column="Age"), [None])
    for method, value in (("value", "S"), ("mode", None), ("ffill", None), ("bfill", None), ("value", "U")):
        body = {"columns": ["Embarked", "Cabin"], "method": method, **({"value": value} if value is not None else {})}
        add(f"fill-str:{method}:{value}:count-by", plan("count", [{"fill_missing": body}], group_by=["Embarked"]), [None])
        add(f"fill-str:{method}:{value}:count-cabin", plan("count", [{"fill_missing": body}], target_column="Cabin"), [None])
    add("fill:after-sort:ffill", plan("mean", [{"sort": {"by": [{"column": "Fare", "direction": "desc"}]}}, {"fill_missing": {"columns": ["Age"], "method": "ffill"}}],
                                      group_by=["Pclass"], target_column="Age"), [None, None])
    for cols in (["Age"], ["Age", "Embarked"], ["Cabin"], None):
        body = {} if cols is None else {"columns": cols}
        for op, col in (("count", None), ("mean", "Fare")):
            fields = {"target_column": col} if col else {}
            add(f"dropna:{cols}:{op}", plan(op, [{"drop_missing": body}], group_by=["Sex"], **fields), [None])

    # Duplicates and sorting.
    for cols in (["Name"], ["Name", "Ticket"], ["Sex", "Pclass"], ["Cabin"], None):
        for keep in ("first", "last", "none"):
            body = {"keep": keep, **({} if cols is None else {"columns": cols})}
            add(f"dedup:{cols}:{keep}:count", plan("count", [{"drop_duplicates": body}]), [None])
            add(f"dedup:{cols}:{keep}:sum-id", plan("sum", [{"drop_duplicates": body}], group_by=["Pclass"], target_column="PassengerId"), [None])
    add("dedup:after-sort", plan("sum", [{"sort": {"by": [{"column": "Fare"}]}}, {"drop_duplicates": {"columns": ["Sex"], "keep": "first"}}], target_column="Fare"), [None, None])
    add("dedup:after-sort-desc-last", plan("sum", [{"sort": {"by": [{"column": "Age", "direction": "desc"}, {"column": "Name"}]}},
                                                   {"drop_duplicates": {"columns": ["Embarked"], "keep": "last"}}], target_column="PassengerId"), [None, None])
    add("dedup:derived", plan("count", [derive("FamilySize", "SibSp + Parch + 1"), {"drop_duplicates": {"columns": ["FamilySize", "Sex"]}}], group_by=["FamilySize"]),
        [lambda d: d.SibSp + d.Parch + 1, None], {"FamilySize": "num"})
    for by in ([{"column": "Age"}], [{"column": "Name", "direction": "desc"}], [{"column": "Embarked"}, {"column": "Fare", "direction": "desc"}],
               [{"column": "Boarded", "direction": "desc"}]):
        add(f"sort:{json.dumps(by)}:dedup-first", plan("sum", [{"sort": {"by": by}}, {"drop_duplicates": {"columns": ["Pclass"], "keep": "first"}}], target_column="PassengerId"), [None, None])
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    g.TYPES.update(KINDS)
    write_quoted_csv("passengers.csv", PASSENGER_HEADER, passenger_rows(400))
    df = g.load("passengers.csv")
    result = []
    for case in cases():
        case["expected"] = run(df, case)
        result.append(case)
    with open(os.path.join(OUT, "steps-cases.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=0, allow_nan=False)
    print(f"{len(result)} step cases")


if __name__ == "__main__":
    main()
