#!/usr/bin/python3
"""Golden fixtures for the results part of plan v2: whole plans (aggregate with several aggregations, value_counts,
describe, crosstab, rows, argmax/argmin; group_by calendar periods; having, sort and limit) with what pandas 1.5.3
gives for the same work.

Run: /usr/bin/python3 scripts/golden/results.py   (pandas 1.5.3, numpy 1.24.2)
Writes src/engine/golden/fixtures/{stores.csv, results-cases.json}; src/engine/golden/results-golden.test.ts
validates and executes every plan and compares its whole result. Re-running gives the same bytes.

Data: stores.csv (written here: stores with an all-missing price, a single row, two stores whose prices are the
same multiset so medians tie, missing keys, unicode and __proto__ names, datetimes over 16 months with hours) and
the aggregates generator's mixed.csv and ties.csv (src/engine/aggregates/fixtures, read as they are).

Each op's reference is the aggregates generator's (scripts/golden/aggregations.py, imported: series_ref,
grouped_values, value_counts_ref, describe_ref, crosstab_ref, with the exceptions it documents, recorded in a
case's "reference" field). The plan-level semantics, written out with pandas below:
- group_by: df.dropna(subset=keys).groupby(keys, sort=True, dropna=True); a period entry groups by
  s.dt.tz_convert(None).dt.to_period(Y|Q|M|W|D|H).dt.start_time, in UTC, its key that start as ISO 8601.
- aggregate: one column per aggregation, named by `as` or the documented default name.
- having: the result frame filtered like rows (a null result fails every test except != and is_null);
  sort: sort_values(keys, ascending, kind="stable", na_position="last"); limit: head(n), total_groups =
  rows before head.
- value_counts entries shaped the same way over (value, count, proportion); rows: sort_values(...).iloc[offset:
  offset + limit][columns]; argmax/argmin: idxmax()/idxmin(), the value, (s == value).sum(), the row.
- steps (derive, filter, sort) and filters are scripts/golden/steps.py's.
"""
import json, math, os, sys, warnings

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(__file__))
import aggregations as agg  # noqa: E402  (op references, loader, JSON forms)
import generate as g  # noqa: E402  (filter kinds for steps.py)
import steps as st  # noqa: E402  (filters and steps)

warnings.filterwarnings("ignore")
HERE = os.path.dirname(__file__)
OUT = os.path.join(HERE, "..", "..", "src", "engine", "golden", "fixtures")
AGG_OUT = agg.OUT
rng = np.random.default_rng(20261215)
FREQ = {"year": "Y", "quarter": "Q", "month": "M", "week": "W", "day": "D", "hour": "H"}
DDOF_OPS = ("std", "var", "sem")

# ---------------------------------------------------------------- data
STORES = ["Oslo", "Bergen", "Trondheim", "Ålesund", "Zürich", "__proto__", "😀Smile"]
STORE_HEADER = ["order_id", "store", "region", "price", "qty", "discount", "ordered_at", "member", "channel"]
STORE_KINDS = ["int", "str", "str", "float", "int", "float", "dt", "bool", "str"]


def store_rows(n):
    start = 1_668_470_400_000  # 2022-11-15
    rows = []
    for i in range(n):
        store = None if rng.random() < 0.03 else STORES[int(rng.integers(0, len(STORES)))]
        price = None if rng.random() < 0.08 else float(np.round(rng.gamma(3.0, 12.0) * 2) / 2)
        when = None if rng.random() < 0.05 else agg.when_text(start + int(rng.integers(0, 480 * 24 * 60)) * 60_000)
        member = None if rng.random() < 0.1 else bool(rng.random() < 0.45)
        channel = None if rng.random() < 0.05 else ["web", "shop", "phone"][int(rng.integers(0, 3))]
        discount = None if rng.random() < 0.4 else float(np.round(rng.uniform(0, 0.3), 3))
        rows.append([i + 1, store, ["north", "south", "west"][int(rng.integers(0, 3))], price, int(rng.integers(1, 21)),
                     discount, when, member, channel])
    # A store with one order, one whose prices are all missing, two whose prices are the same multiset.
    extra = [["solo", 42.5], ["ghost", None], ["ghost", None], ["tieA", 10.0], ["tieA", 20.0], ["tieA", 30.0],
             ["tieB", 30.0], ["tieB", 10.0], ["tieB", 20.0]]
    for k, (store, price) in enumerate(extra):
        rows.append([n + k + 1, store, "north", price, 5, None, agg.when_text(start + k * 3_600_000), True, "web"])
    return rows


# ---------------------------------------------------------------- plan-level references
def kinds_of(csv):
    return dict(agg.KINDS[csv])


def period(s, granularity):
    return s.dt.tz_convert(None).dt.to_period(FREQ[granularity]).dt.start_time.dt.tz_localize("UTC")


def with_keys(df, group_by, kinds):
    """The frame with one column per group_by entry (periods computed) and those columns' names and kinds."""
    df = df.copy()
    keys, names = [], []
    for item in group_by:
        if isinstance(item, str):
            keys.append(item)
            names.append(item)
        else:
            col = f"__period__{item['column']}"
            df[col] = period(df[item["column"]], item["granularity"])
            kinds[col] = "dt"
            keys.append(col)
            names.append(item["column"])
    return df, keys, names


def default_name(a):
    if "as" in a:
        return a["as"]
    parts = [a["op"]]
    if a["op"] == "quantile":
        parts.append(num_text(a.get("q", 0.5)))
        if a.get("interpolation", "linear") != "linear":
            parts.append(a["interpolation"])
    if a["op"] in DDOF_OPS and a.get("ddof", 1) != 1:
        parts.append(f"ddof{a['ddof']}")
    if a.get("column") is not None:
        parts.append(a["column"])
    return "_".join(parts)


def num_text(x):
    """JavaScript's String(number) for the q values used here."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def params_of(a):
    if a["op"] == "quantile":
        return {"q": a.get("q", 0.5), "interpolation": a.get("interpolation", "linear")}
    if a["op"] in DDOF_OPS:
        return {"ddof": a.get("ddof", 1)}
    return {}


def aggregate_ref(df, plan, kinds, notes):
    aggs = plan["aggregations"]
    agg.KIND_OF.clear()
    agg.KIND_OF.update(kinds)
    if not plan.get("group_by"):
        out = {}
        for a in aggs:
            col = a.get("column")
            if col is None:
                out[default_name(a)] = len(df)
                continue
            value, note = agg.series_ref(a["op"], df[col].rename(col), kinds[col], params_of(a))
            notes.add(note)
            out[default_name(a)] = value
        return out, None
    frame, keys, names = with_keys(df, plan["group_by"], kinds)
    agg.KIND_OF.update(kinds)
    frame = frame.dropna(subset=keys)
    columns = {}
    order = None
    for a in aggs:
        col = a.get("column")
        if col is None:
            res = [(k, int(v)) for k, v in frame.groupby(keys, sort=True, dropna=True).size().items()]
        else:
            res, note = agg.grouped_values(a["op"], frame, col, keys, params_of(a))
            notes.add(note)
        ks = [k if isinstance(k, tuple) else (k,) for k, _ in res]
        assert order is None or ks == order, "groups in the same order for every aggregation"
        order = ks
        columns[default_name(a)] = [v for _, v in res]
    groups = []
    for i, k in enumerate(order or []):
        key = {name: agg.key_json(kinds[col], v) for name, col, v in zip(names, keys, k)}
        groups.append({"key": key, **{name: values[i] for name, values in columns.items()}})
    field_kinds = {name: result_kind(a, kinds) for name, a in zip(columns, aggs)}
    key_kinds = {name: kinds[col] for name, col in zip(names, keys)}
    return {"groups": groups}, (key_kinds, field_kinds)


def result_kind(a, kinds):
    col = a.get("column")
    kind = kinds.get(col) if col is not None else None
    if a["op"] in ("count", "count_distinct"):
        return "int"
    if a["op"] in ("min", "max", "first", "last", "mode"):
        return kind
    if a["op"] in ("mean", "median", "quantile") and kind == "dt":
        return "dt"
    return "float"


def typed(values, kind):
    """JSON values of a result column as a pandas Series to filter and sort (ISO datetimes as Timestamps)."""
    if kind == "dt":
        return pd.Series(pd.to_datetime([v for v in values], utc=True), dtype="datetime64[ns, UTC]")
    if kind == "str":
        return pd.Series([np.nan if v is None else v for v in values], dtype=object)
    if kind == "bool":
        return pd.Series([np.nan if v is None else float(v) for v in values], dtype="float64")
    return pd.Series([np.nan if v is None else float(v) for v in values], dtype="float64")


def compare_value(kind, v):
    if kind == "dt":
        return pd.Timestamp(v, tz="UTC")
    if kind == "bool":
        return 1.0 if v in (True, "true") else 0.0
    if kind == "str":
        return v
    return float(v)


def having_mask(frame, kinds, f):
    s, op, kind = frame[f["column"]], f["operator"], kinds[f["column"]]
    present = s.notna()
    if op == "is_null":
        return ~present
    if op == "not_null":
        return present
    if op in ("in", "not_in"):
        wanted = [compare_value(kind, v) for v in f["value"] if v is not None]
        hit = s.map(lambda x: (not pd.isna(x)) and x in wanted) | (~present & (None in f["value"]))
        return hit if op == "in" else ~hit
    if op == "between":
        lo, hi = (compare_value(kind, v) for v in f["value"])
        return s.map(lambda x: (not pd.isna(x)) and lo <= x <= hi).astype(bool)
    v = compare_value(kind, f["value"])
    test = {"==": lambda x: x == v, "!=": lambda x: x != v, ">": lambda x: x > v, "<": lambda x: x < v,
            ">=": lambda x: x >= v, "<=": lambda x: x <= v, "contains": lambda x: v in x,
            "starts_with": lambda x: x.startswith(v), "ends_with": lambda x: x.endswith(v)}[op]
    res = s.map(lambda x: (not pd.isna(x)) and test(x)).astype(bool)
    return (res | ~present) if op == "!=" else res


def shape(items, kinds, plan):
    """having -> sort -> limit over a list of result items (dicts); returns (kept items, count before limit)."""
    if not items:
        return [], 0
    frame = pd.DataFrame({name: typed([item_value(item, name) for item in items], kind) for name, kind in kinds.items()})
    mask = pd.Series(True, index=frame.index)
    for c in plan.get("having", []):
        if "any" in c:
            m = pd.Series(False, index=frame.index)
            for f in c["any"]:
                m |= having_mask(frame, kinds, f)
            mask &= m
        else:
            mask &= having_mask(frame, kinds, c)
    frame = frame[mask]
    matched = len(frame)
    if plan.get("sort"):
        by = [k["column"] for k in plan["sort"]]
        asc = [k["direction"] == "asc" for k in plan["sort"]]
        frame = frame.sort_values(by[0], ascending=asc[0], kind="stable", na_position="last") if len(by) == 1 else \
            frame.sort_values(by, ascending=asc, kind="stable", na_position="last")
    index = list(frame.index)
    if "limit" in plan:
        index = index[: plan["limit"]]
    return [items[i] for i in index], matched


def item_value(item, name):
    return item["key"][name] if "key" in item and name in item["key"] and name not in item else item[name]


def shaped_groups(result, kinds, plan):
    if not any(k in plan for k in ("having", "sort", "limit")):
        return result
    key_kinds, field_kinds = kinds
    groups, matched = shape(result["groups"], {**key_kinds, **field_kinds}, plan)
    out = {"groups": groups}
    if "limit" in plan:
        out["total_groups"] = matched
    return out


def v1_grouped_ref(df, plan, kinds):
    """A v1 aggregation per group with having/sort/limit: {value, count} per group (generate.py's semantics)."""
    agg.KIND_OF.clear()
    agg.KIND_OF.update(kinds)
    frame, keys, names = with_keys(df, plan["group_by"], kinds)
    frame = frame.dropna(subset=keys)
    op, col = plan["operation"], plan.get("target_column")
    gb = frame.groupby(keys, sort=True, dropna=True)
    if col is None:
        res = [(k, {"value": int(v), "count": int(v)}) for k, v in gb.size().items()]
        vkind = "int"
    else:
        counts = gb[col].count()
        x = gb[col]
        raw = {"mean": x.mean, "sum": x.sum, "median": x.median, "std": x.std, "min": x.min, "max": x.max, "count": x.count}[op]()
        vkind = "dt" if kinds[col] == "dt" else ("int" if op == "count" else "float")
        res = []
        for k, v in raw.items():
            value = agg.value_json("dt", v) if vkind == "dt" else (int(v) if op == "count" else agg.num(v))
            if op == "sum" and raw.dtype == np.int64:
                value = int(v)
            res.append((k, {"value": value, "count": int(counts[k])}))
    groups = []
    for k, fields in res:
        kt = k if isinstance(k, tuple) else (k,)
        groups.append({"key": {name: agg.key_json(kinds[c], v) for name, c, v in zip(names, keys, kt)}, **fields})
    key_kinds = {name: kinds[c] for name, c in zip(names, keys)}
    return shaped_groups({"groups": groups}, (key_kinds, {"value": vkind, "count": "int"}), plan)


def value_counts_plan_ref(df, plan, kinds, notes):
    col = plan["target_column"]
    agg.KIND_OF.clear()
    agg.KIND_OF.update(kinds)
    params = {"normalize": plan.get("normalize", False), "dropna": plan.get("dropna", True)}
    result, note = agg.value_counts_ref(df[col].rename(col), params)
    notes.add(note)
    if any(k in plan for k in ("having", "sort", "limit")):
        fields = {"value": kinds[col], "count": "int"}
        if params["normalize"]:
            fields["proportion"] = "float"
        entries, matched = shape(result["entries"], fields, plan)
        result["entries"] = entries
        if "limit" in plan:
            result["total_entries"] = matched
    return result


def describe_plan_ref(df, plan, kinds, notes):
    col = plan["target_column"]
    agg.KIND_OF.clear()
    agg.KIND_OF.update(kinds)
    params = {"percentiles": plan["percentiles"]} if "percentiles" in plan else {}
    result, note = agg.describe_ref(df[col].rename(col), params)
    notes.add(note)
    return {"kind": result["kind"], "statistics": {s["name"]: s["value"] for s in result["statistics"]}}


def crosstab_plan_ref(df, plan, kinds, notes):
    frame, keys, names = with_keys(df, plan["group_by"], kinds)
    agg.KIND_OF.clear()
    agg.KIND_OF.update(kinds)
    params = {"normalize": plan.get("normalize", False), "margins": plan.get("margins", False)}
    if params["normalize"] is True:
        params["normalize"] = "all"
    t, note = agg.crosstab_ref(frame[keys[0]].rename(keys[0]), frame[keys[1]].rename(keys[1]), params)
    notes.add(note)
    out = {"row_labels": t["rowLabels"], "column_labels": t["columnLabels"], "values": t["values"]}
    if params["margins"]:
        out.update(row_margins=t["rowMargins"], column_margins=t["columnMargins"], grand_margin=t["grandMargin"])
    return out


def cell(kind, v):
    return agg.value_json(kind, v)


def rows_ref(df, plan, kinds):
    columns = plan.get("columns", list(df.columns))
    frame = df
    if plan.get("sort"):
        by = [k["column"] for k in plan["sort"]]
        asc = [k["direction"] == "asc" for k in plan["sort"]]
        frame = frame.sort_values(by[0], ascending=asc[0], kind="stable", na_position="last") if len(by) == 1 else \
            frame.sort_values(by, ascending=asc, kind="stable", na_position="last")
    offset, limit = plan.get("offset", 0), plan.get("limit", 100)
    page = frame.iloc[offset: offset + limit]
    return {"columns": columns, "rows": [[cell(kinds[c], page[c].iloc[i]) for c in columns] for i in range(len(page))],
            "total_rows": len(frame), "truncated": offset + len(page) < len(frame)}


def arg_ref(df, plan, kinds):
    col = plan["target_column"]
    s = df[col]
    if s.notna().sum() == 0:
        return {"row_index": None, "value": None, "occurrences": 0, "row": None}
    numeric = s.astype("float64") if kinds[col] == "bool" else s
    label = numeric.idxmax() if plan["operation"] == "argmax" else numeric.idxmin()
    value = numeric.loc[label]
    columns = plan.get("columns", list(df.columns))
    return {"row_index": int(label), "value": cell(kinds[col], s.loc[label]), "occurrences": int((numeric == value).sum()),
            "row": {c: cell(kinds[c], df.loc[label, c]) for c in columns}}


def run(frames, case):
    plan, csv = case["plan"], case["csv"]
    kinds = kinds_of(case["frame"])
    df = frames[case["frame"]]
    g.TYPES.update({c: {"int": "num", "float": "num", "bool": "num", "dt": "dt", "str": "str"}[k] for c, k in kinds.items()})
    if plan.get("filters"):
        df = df[pd.concat([st.condition_mask(df, c) for c in plan["filters"]], axis=1).all(axis=1)]
    for step, (ref, kind) in zip(plan.get("steps", []), case.pop("refs")):
        df = st.apply_step(df, step, ref)
        if kind is not None:
            kinds[next(iter(step.values()))["name"]] = kind
    notes = set()
    op = plan["operation"]
    if op == "aggregate":
        result, shape_kinds = aggregate_ref(df, plan, kinds, notes)
        if shape_kinds is not None:
            result = shaped_groups(result, shape_kinds, plan)
    elif op == "value_counts":
        result = value_counts_plan_ref(df, plan, kinds, notes)
    elif op == "describe":
        result = describe_plan_ref(df, plan, kinds, notes)
    elif op == "crosstab":
        result = crosstab_plan_ref(df, plan, kinds, notes)
    elif op == "rows":
        result = rows_ref(df, plan, kinds)
    elif op in ("argmax", "argmin"):
        result = arg_ref(df, plan, kinds)
    else:
        result = v1_grouped_ref(df, plan, kinds)
    notes.discard(None)
    if notes:
        case["reference"] = "+".join(sorted(notes))
    return {"result": result, "filtered_row_count": int(len(df))}


# ---------------------------------------------------------------- cases
from results_cases import cases  # noqa: E402  (the plans, one list)


def main():
    os.makedirs(OUT, exist_ok=True)
    agg.OUT = OUT
    agg.write_csv("stores.csv", STORE_HEADER, store_rows(400), STORE_KINDS)
    agg.OUT = AGG_OUT
    agg.KINDS["mixed.csv"] = dict(zip(agg.MIXED, agg.MIXED_KINDS))
    agg.KINDS["ties.csv"] = dict(zip(agg.TIES, agg.TIES_KINDS))
    frames = {}
    for name, directory in (("stores.csv", OUT), ("mixed.csv", AGG_OUT), ("ties.csv", AGG_OUT)):
        agg.OUT = directory
        frames[name] = agg.load(name)
    agg.OUT = AGG_OUT
    out = []
    for case in cases():
        case["expected"] = run(frames, case)
        case.pop("frame")
        out.append(case)
    ids = [c["id"] for c in out]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1][:5]
    with open(os.path.join(OUT, "results-cases.json"), "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(json.dumps(c, ensure_ascii=False, allow_nan=False) for c in out) + "\n]\n")
    print(f"{len(out)} result cases")


if __name__ == "__main__":
    main()
