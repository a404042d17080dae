"""The plans of scripts/golden/results.py's golden cases (see its docstring for the references)."""
import json

import numpy as np
import pandas as pd

import aggregations as agg

OPS = ["count", "count_distinct", "sum", "mean", "median", "min", "max", "std", "var", "sem", "quantile", "skew",
       "kurtosis", "mode", "first", "last"]
STORE_KINDS = {"order_id": "int", "store": "str", "region": "str", "price": "float", "qty": "int", "discount": "float",
               "ordered_at": "dt", "member": "bool", "channel": "str"}
STORE_COLUMNS = ["price", "qty", "discount", "ordered_at", "member", "channel", "store"]
MIXED_KINDS = dict(zip(agg.MIXED, agg.MIXED_KINDS))
MIXED_COLUMNS = ["qty", "units", "price", "huge", "offset", "tiny", "const", "flag", "member", "when", "label", "blank"]
GRANULARITIES = ["year", "quarter", "month", "week", "day", "hour"]
WHERE = {"stores.csv": "golden/fixtures/stores.csv", "mixed.csv": "aggregates/fixtures/mixed.csv", "ties.csv": "aggregates/fixtures/ties.csv"}


def aggregations_for(op, columns, kinds, **params):
    return [{"op": op, "column": c, **params} for c in columns if kinds[c] in agg.ACCEPTS[op]]


def cases():
    out = []

    def add(name, frame, plan, refs=()):
        out.append({"id": name, "csv": WHERE[frame], "frame": frame, "plan": plan, "refs": list(refs)})

    def aggregate(aggregations, **fields):
        return {"operation": "aggregate", "aggregations": aggregations, **fields}

    month = {"column": "ordered_at", "granularity": "month"}
    # Every op over every column it accepts, in one plan per op: ungrouped, by store, by two keys, by month.
    for op in OPS:
        params = {"q": 0.3} if op == "quantile" else {}
        aggs = aggregations_for(op, STORE_COLUMNS, STORE_KINDS, **params)
        add(f"aggregate:{op}:stores", "stores.csv", aggregate(aggs))
        add(f"aggregate:{op}:stores:by-store", "stores.csv", aggregate(aggs, group_by=["store"]))
        add(f"aggregate:{op}:stores:by-region-channel", "stores.csv", aggregate(aggs, group_by=["region", "channel"]))
        add(f"aggregate:{op}:stores:by-month", "stores.csv", aggregate(aggs, group_by=[month]))
        mixed = aggregations_for(op, MIXED_COLUMNS, MIXED_KINDS, **params)
        add(f"aggregate:{op}:mixed", "mixed.csv", aggregate(mixed))
        add(f"aggregate:{op}:mixed:by-g", "mixed.csv", aggregate(mixed, group_by=["g"]))
    add("aggregate:count-rows", "stores.csv", aggregate([{"op": "count"}, {"op": "count", "column": "price", "as": "priced"}]))
    add("aggregate:count-rows:by-store", "stores.csv", aggregate([{"op": "count"}, {"op": "count", "column": "price", "as": "priced"}], group_by=["store"]))
    add("aggregate:count-rows:by-flag-k", "mixed.csv", aggregate([{"op": "count"}, {"op": "mean", "column": "price"}], group_by=["flag", "k"]))
    # Parameters: every interpolation at seven q values; ddof.
    for method in ("linear", "lower", "higher", "midpoint", "nearest"):
        qs = [{"op": "quantile", "column": "price", "q": q, "interpolation": method} for q in (0, 0.1, 0.25, 0.5, 0.75, 0.9, 1)]
        add(f"aggregate:quantiles:{method}", "stores.csv", aggregate(qs))
        add(f"aggregate:quantiles:{method}:by-store", "stores.csv", aggregate(qs, group_by=["store"]))
        add(f"aggregate:quantiles:{method}:when:by-g", "mixed.csv", aggregate([{"op": "quantile", "column": "when", "q": q, "interpolation": method} for q in (0.25, 0.5, 0.9)], group_by=["g"]))
    for ddof in (0, 2, 5):
        spread = [{"op": op, "column": c, "ddof": ddof} for op in ("std", "var", "sem") for c in ("price", "qty", "member")]
        add(f"aggregate:ddof{ddof}", "stores.csv", aggregate(spread))
        add(f"aggregate:ddof{ddof}:by-store", "stores.csv", aggregate(spread, group_by=["store"]))

    # The question: min, max, median, q1, q3 and skewness of price per store, top 3 stores by median.
    summary = [{"op": "min", "column": "price"}, {"op": "max", "column": "price"}, {"op": "median", "column": "price"},
               {"op": "quantile", "column": "price", "q": 0.25, "as": "q1"}, {"op": "quantile", "column": "price", "q": 0.75, "as": "q3"},
               {"op": "skew", "column": "price"}, {"op": "count", "column": "price", "as": "n"}]
    by_store = dict(group_by=["store"])
    desc = lambda c: {"column": c, "direction": "desc"}  # noqa: E731
    asc = lambda c: {"column": c, "direction": "asc"}  # noqa: E731
    SHAPES = {
        "top3-median": dict(sort=[desc("median_price")], limit=3),
        "bottom3-median": dict(sort=[asc("median_price")], limit=3),
        "top1": dict(sort=[desc("max_price")], limit=1),
        "limit-past-groups": dict(sort=[desc("median_price")], limit=50),
        "limit-only": dict(limit=4),
        "key-desc": dict(sort=[desc("store")]),
        "q3-then-key": dict(sort=[desc("q3"), desc("store")]),
        "nulls-last-asc": dict(sort=[asc("skew_price")]),
        "nulls-last-desc": dict(sort=[desc("skew_price")]),
        "tie-cut": dict(sort=[asc("median_price")], limit=1, having=[{"column": "store", "operator": "in", "value": ["tieB", "tieA", "Oslo"]}]),
        "having-median": dict(having=[{"column": "median_price", "operator": ">", "value": 30}]),
        "having-count": dict(having=[{"column": "n", "operator": ">=", "value": 50}], sort=[desc("n")]),
        "having-null": dict(having=[{"column": "median_price", "operator": "is_null"}]),
        "having-not-equal": dict(having=[{"column": "min_price", "operator": "!=", "value": 10}]),
        "having-between": dict(having=[{"column": "q1", "operator": "between", "value": [20, 30]}], sort=[desc("q1")], limit=2),
        "having-or": dict(having=[{"any": [{"column": "n", "operator": "<", "value": 5}, {"column": "max_price", "operator": ">=", "value": 150}]}]),
        "having-key-text": dict(having=[{"column": "store", "operator": "starts_with", "value": "t"}]),
        "having-none-left": dict(having=[{"column": "n", "operator": ">", "value": 10000}], limit=3),
    }
    for name, shaping in SHAPES.items():
        add(f"question:{name}", "stores.csv", aggregate(summary, **by_store, **shaping))
    add("question:by-region-store", "stores.csv", aggregate(summary, group_by=["region", "store"], sort=[desc("median_price"), asc("region")], limit=5))
    add("question:min-date-sort", "stores.csv", aggregate([{"op": "min", "column": "ordered_at"}, {"op": "max", "column": "ordered_at", "as": "last_order"}], **by_store,
                                                          sort=[asc("min_ordered_at")], having=[{"column": "last_order", "operator": ">", "value": "2023-06-01"}]))
    add("question:first-member", "stores.csv", aggregate([{"op": "first", "column": "member"}, {"op": "mean", "column": "member"}], **by_store,
                                                         having=[{"column": "first_member", "operator": "==", "value": True}], sort=[desc("mean_member")]))
    add("question:mode-text", "stores.csv", aggregate([{"op": "max", "column": "channel"}, {"op": "count_distinct", "column": "channel"}], group_by=["region"],
                                                      sort=[asc("max_channel"), desc("region")]))

    # Calendar periods.
    for gran in GRANULARITIES:
        period = {"column": "ordered_at", "granularity": gran}
        trio = [{"op": "count"}, {"op": "mean", "column": "price"}, {"op": "max", "column": "ordered_at", "as": "latest"}]
        add(f"period:{gran}", "stores.csv", aggregate(trio, group_by=[period]))
        add(f"period:{gran}:region", "stores.csv", aggregate(trio, group_by=[period, "region"]))
        add(f"period:{gran}:mixed", "mixed.csv", aggregate([{"op": "sum", "column": "qty"}, {"op": "median", "column": "price"}], group_by=[{"column": "when", "granularity": gran}]))
        add(f"period:{gran}:v1-mean", "stores.csv", {"operation": "mean", "target_column": "price", "group_by": [period]})
    add("period:week:top", "stores.csv", aggregate([{"op": "sum", "column": "qty"}], group_by=[{"column": "ordered_at", "granularity": "week"}], sort=[desc("sum_qty")], limit=5))
    add("period:quarter:having", "stores.csv", {"operation": "count", "group_by": [{"column": "ordered_at", "granularity": "quarter"}, "channel"],
                                                "having": [{"column": "ordered_at", "operator": ">=", "value": "2023-04-01"}], "sort": [desc("value")]})
    add("period:day:mixed-day", "mixed.csv", aggregate([{"op": "count"}], group_by=[{"column": "day", "granularity": "week"}, "k"]))

    # The first language's grouped results, shaped.
    V1 = [
        ("mean-top", {"operation": "mean", "target_column": "price", "group_by": ["store"], "sort": [desc("value")], "limit": 3}),
        ("count-sort", {"operation": "count", "group_by": ["channel"], "sort": [asc("count")]}),
        ("median-having", {"operation": "median", "target_column": "price", "group_by": ["region"], "having": [{"column": "value", "operator": ">", "value": 30}]}),
        ("sum-key-desc", {"operation": "sum", "target_column": "qty", "group_by": ["store"], "sort": [desc("store")], "limit": 2}),
        ("min-date", {"operation": "min", "target_column": "ordered_at", "group_by": ["store"], "sort": [desc("value")]}),
        ("std-nulls", {"operation": "std", "target_column": "price", "group_by": ["store"], "sort": [asc("value")], "limit": 20}),
        ("max-two-keys", {"operation": "max", "target_column": "price", "group_by": ["region", "channel"], "sort": [desc("value"), asc("channel")], "limit": 4}),
        ("count-target", {"operation": "count", "target_column": "discount", "group_by": ["store"], "having": [{"column": "count", "operator": ">", "value": 20}]}),
    ]
    for name, plan in V1:
        add(f"v1:{name}", "stores.csv", plan)

    # value_counts
    for col in ("store", "channel", "member", "ordered_at", "price", "qty", "region"):
        for params in ({}, {"normalize": True}, {"dropna": False}, {"dropna": False, "normalize": True}):
            add(f"value_counts:{col}:{json.dumps(params, sort_keys=True)}", "stores.csv", {"operation": "value_counts", "target_column": col, **params})
    VC = {
        "limit": dict(limit=3),
        "sort-value": dict(sort=[asc("value")]),
        "sort-value-desc-limit": dict(sort=[desc("value")], limit=4, dropna=False),
        "sort-count-asc": dict(sort=[asc("count")]),
        "having-count": dict(having=[{"column": "count", "operator": ">=", "value": 50}]),
        "having-proportion": dict(normalize=True, having=[{"column": "proportion", "operator": "<", "value": 0.1}], sort=[desc("proportion")]),
        "having-value": dict(having=[{"column": "value", "operator": "in", "value": ["Oslo", "tieA", None]}], dropna=False),
        "having-null-value": dict(having=[{"column": "value", "operator": "is_null"}], dropna=False),
    }
    for name, params in VC.items():
        add(f"value_counts:store:{name}", "stores.csv", {"operation": "value_counts", "target_column": "store", **params})
    add("value_counts:qty:top", "stores.csv", {"operation": "value_counts", "target_column": "qty", "limit": 5, "normalize": True})
    add("value_counts:date:sort", "stores.csv", {"operation": "value_counts", "target_column": "ordered_at", "sort": [desc("value")], "limit": 3})
    for col in ("many", "few", "num", "miss", "order"):
        add(f"value_counts:ties:{col}", "ties.csv", {"operation": "value_counts", "target_column": col})
        add(f"value_counts:ties:{col}:limit", "ties.csv", {"operation": "value_counts", "target_column": col, "limit": 5, "dropna": False})
        add(f"value_counts:ties:{col}:sort-count", "ties.csv", {"operation": "value_counts", "target_column": col, "sort": [desc("count")], "limit": 7})

    # describe
    for col in STORE_COLUMNS + ["order_id", "region"]:
        add(f"describe:{col}", "stores.csv", {"operation": "describe", "target_column": col})
    for pcts in ([0.1, 0.9], [0.05, 0.5, 0.95], [], [0, 1], [0.333, 0.667]):
        for col in ("price", "ordered_at", "qty"):
            add(f"describe:{col}:{json.dumps(pcts)}", "stores.csv", {"operation": "describe", "target_column": col, "percentiles": pcts})
    for col in MIXED_COLUMNS:
        add(f"describe:mixed:{col}", "mixed.csv", {"operation": "describe", "target_column": col})
    add("describe:ghost", "stores.csv", {"operation": "describe", "target_column": "price", "filters": [{"column": "store", "operator": "==", "value": "ghost"}]})

    # crosstab
    for a, b in (("store", "channel"), ("region", "member"), ("channel", "region"), (month, "region")):
        for normalize in (False, "all", "index", "columns"):
            for margins in (False, True):
                tag = a if isinstance(a, str) else "month"
                add(f"crosstab:{tag}~{b}:{normalize}:{margins}", "stores.csv", {"operation": "crosstab", "group_by": [a, b], "normalize": normalize, "margins": margins})
    add("crosstab:normalize-true", "stores.csv", {"operation": "crosstab", "group_by": ["region", "channel"], "normalize": True, "margins": True})
    add("crosstab:mixed:g~word", "mixed.csv", {"operation": "crosstab", "group_by": ["g", "word"], "margins": True})
    add("crosstab:mixed:quarter~flag", "mixed.csv", {"operation": "crosstab", "group_by": [{"column": "when", "granularity": "quarter"}, "flag"]})

    # rows
    ROWS = {
        "default": {},
        "columns": {"columns": ["store", "price", "ordered_at", "member"], "limit": 7},
        "price-desc": {"columns": ["order_id", "store", "price"], "sort": [desc("price")], "limit": 10},
        "price-asc-nulls": {"columns": ["order_id", "price"], "sort": [asc("price")], "offset": 395, "limit": 20},
        "two-keys": {"columns": ["store", "qty", "order_id"], "sort": [asc("store"), desc("qty")], "limit": 25},
        "date": {"columns": ["ordered_at", "channel"], "sort": [desc("ordered_at")], "limit": 5},
        "page-2": {"columns": ["order_id"], "offset": 100, "limit": 50},
        "all": {"columns": ["order_id", "discount"], "limit": 1000},
        "member-sort": {"columns": ["order_id", "member"], "sort": [desc("member"), asc("order_id")], "limit": 12},
        "sort-hidden": {"columns": ["order_id"], "sort": [desc("discount")], "limit": 6},
    }
    for name, fields in ROWS.items():
        add(f"rows:{name}", "stores.csv", {"operation": "rows", **fields})
    add("rows:filtered", "stores.csv", {"operation": "rows", "columns": ["order_id", "channel", "price"], "filters": [{"column": "channel", "operator": "==", "value": "phone"}], "sort": [desc("price")], "limit": 5})
    revenue = ({"derive": {"name": "revenue", "expr": "price * qty"}}, (lambda d: d.price * d.qty, "float"))
    add("rows:derived", "stores.csv", {"operation": "rows", "steps": [revenue[0]], "columns": ["order_id", "revenue"], "sort": [desc("revenue")], "limit": 5}, [revenue[1]])
    add("rows:derived-all-columns", "stores.csv", {"operation": "rows", "steps": [revenue[0]], "limit": 3}, [revenue[1]])

    # argmax / argmin
    for op in ("argmax", "argmin"):
        for col in ("price", "qty", "discount", "ordered_at", "member", "order_id"):
            add(f"{op}:{col}", "stores.csv", {"operation": op, "target_column": col, "columns": list(dict.fromkeys(["order_id", "store", col]))})
        add(f"{op}:all-columns", "stores.csv", {"operation": op, "target_column": "price"})
        add(f"{op}:after-sort", "stores.csv", {"operation": op, "target_column": "qty", "columns": ["order_id"], "steps": [{"sort": {"by": [{"column": "price", "direction": "desc"}]}}]}, [(None, None)])
        add(f"{op}:filtered", "stores.csv", {"operation": op, "target_column": "price", "filters": [{"column": "channel", "operator": "==", "value": "web"}]})
        add(f"{op}:all-missing", "stores.csv", {"operation": op, "target_column": "price", "filters": [{"column": "store", "operator": "==", "value": "ghost"}]})
        add(f"{op}:mixed:when", "mixed.csv", {"operation": op, "target_column": "when", "columns": ["id", "g", "when"]})

    # After steps: a derived column aggregated, filtered by an expression, grouped and ranked.
    add("steps:revenue-top-stores", "stores.csv", aggregate([{"op": "sum", "column": "revenue"}, {"op": "mean", "column": "revenue"}], **by_store, steps=[revenue[0]],
                                                            sort=[desc("sum_revenue")], limit=3), [revenue[1]])
    add("steps:filter-expr", "stores.csv", aggregate(summary, **by_store, steps=[{"filter": {"expr": "qty >= 10 and price < 80"}}], sort=[desc("median_price")], limit=3),
        [(lambda d: (d.qty >= 10) & (d.price < 80), None)])
    add("steps:value-counts-derived", "stores.csv", {"operation": "value_counts", "target_column": "big", "steps": [{"derive": {"name": "big", "expr": "qty > 10"}}], "dropna": False},
        [(lambda d: pd.Series(np.where(d.qty > 10, True, False), index=d.index).astype("boolean"), "bool")])
    add("steps:describe-derived", "stores.csv", {"operation": "describe", "target_column": "revenue", "steps": [revenue[0]], "percentiles": [0.5, 0.9]}, [revenue[1]])
    add("steps:crosstab-filtered", "stores.csv", {"operation": "crosstab", "group_by": ["store", "region"], "filters": [{"column": "price", "operator": ">", "value": 40}], "margins": True})
    return out
