"""The expression golden cases: (csv, expr, engine type, pandas reference) and expected errors.

Each reference is a function of the frame as the engine reads the CSV (after the case's filter) returning the
derived column in frame order. Helpers for windows and partitions live in expressions.py and are passed in.
"""
import re

import numpy as np
import pandas as pd
from pandas._libs.tslibs.strptime import array_strptime
from scipy import stats
from sklearn.preprocessing import minmax_scale

UTC = "UTC"
CASES = []


def add(csv, expr, kind, ref, **options):
    CASES.append(dict(csv=csv, expr=expr, kind=kind, ref=ref, **options))


def fails(csv, expr, code, pandas=None, **options):
    """An expression the engine refuses with `code`; `pandas` (if given) must raise too."""
    CASES.append(dict(csv=csv, expr=expr, error=code, pandas=pandas, **options))


def ts(text):
    return pd.Timestamp(text, tz=UTC)


def where(cond, a, b):
    return pd.Series(np.where(cond.fillna(False).astype(bool) if cond.dtype == object else cond, a, b), index=cond.index)


# ---------------------------------------------------------------- operators (nums.csv)
N = "nums.csv"
for expr, kind, ref in [
    ("i + j", "integer", lambda d: d.i + d.j),
    ("i - f", "float", lambda d: d.i - d.f),
    ("i * j", "integer", lambda d: d.i * d.j),
    ("f * g", "float", lambda d: d.f * d.g),
    ("i / j", "float", lambda d: d.i / d.j),
    ("f / g", "float", lambda d: d.f / d.g),
    ("f / 0", "float", lambda d: d.f / 0),
    ("i // j", "integer", lambda d: d.i // d.j),
    ("i % j", "integer", lambda d: d.i % d.j),
    ("i // 0", "integer", lambda d: d.i // 0),
    ("i % 0", "integer", lambda d: d.i % 0),
    ("i // -3", "integer", lambda d: d.i // -3),
    ("i % -3", "integer", lambda d: d.i % -3),
    ("-7 % j", "integer", lambda d: -7 % d.j),
    ("-7 // j", "integer", lambda d: -7 // d.j),
    ("f // g", "float", lambda d: d.f // d.g),
    ("f % g", "float", lambda d: d.f % d.g),
    ("f % -2.5", "float", lambda d: d.f % -2.5),
    ("f // 0.5", "float", lambda d: d.f // 0.5),
    ("g % 1", "float", lambda d: d.g % 1),
    ("i ** 2", "integer", lambda d: d.i ** 2),
    ("f ** 2", "float", lambda d: d.f ** 2),
    ("g ** j", "float", lambda d: d.g ** d.j),
    ("1 ** f", "float", lambda d: 1 ** d.f),
    ("f ** 0", "float", lambda d: d.f ** 0),
    ("g ** 0.5", "float", lambda d: d.g ** 0.5),
    ("w ** 2", "float", lambda d: d.w ** 2),
    ("i + 0.5", "float", lambda d: d.i + 0.5),
    ("b + 1", "integer", lambda d: d.b + 1),
    ("b * i", "integer", lambda d: d.b * d.i),
    ("-i", "integer", lambda d: -d.i),
    ("-g", "float", lambda d: -d.g),
    ("+f", "float", lambda d: d.f),
    ("big + 1", "float", lambda d: d.big + 1),
    ("big / 7", "float", lambda d: d.big / 7),
    ("w - w", "float", lambda d: d.w - d.w),
    ("w * 0", "float", lambda d: d.w * 0),
    ("w + 1e300", "float", lambda d: d.w + 1e300),
    ("i + j * 2 - k", "integer", lambda d: d.i + d.j * 2 - d.k),
    ("(i + j) * (f - 1) / 2", "float", lambda d: (d.i + d.j) * (d.f - 1) / 2),
    ("2 ** -1", "float", lambda d: pd.Series(0.5, index=d.index)),
    ("i > j", "boolean", lambda d: d.i > d.j),
    ("f == g", "boolean", lambda d: d.f == d.g),
    ("f != g", "boolean", lambda d: d.f != d.g),
    ("i <= 0", "boolean", lambda d: d.i <= 0),
    ("f >= 2.5", "boolean", lambda d: d.f >= 2.5),
    ("f < i", "boolean", lambda d: d.f < d.i),
    ("g == 0", "boolean", lambda d: d.g == 0),
    ("w > 1e299", "boolean", lambda d: d.w > 1e299),
    ("b == true", "boolean", lambda d: d.b == 1.0),
    ("b != false", "boolean", lambda d: d.b != 0.0),
    ("s < 'b'", "boolean", lambda d: d.s < "b"),
    ("s >= 'ｚ'", "boolean", lambda d: d.s >= "ｚ"),
    ("s > '😀'", "boolean", lambda d: d.s > "😀"),
    ("s == 'zeta'", "boolean", lambda d: d.s == "zeta"),
    ("s != 'zeta'", "boolean", lambda d: d.s != "zeta"),
    ("s <= grp", "boolean", lambda d: pd.Series([isinstance(a, str) and isinstance(b, str) and a <= b for a, b in zip(d.s, d.grp)], index=d.index)),
    ("'b' > s", "boolean", lambda d: d.s < "b"),
    ("s + '|' + grp", "string", lambda d: d.s + "|" + d.grp),
    ("i > 0 and f > 0", "boolean", lambda d: (d.i > 0) & (d.f > 0)),
    ("i > 0 or f > 0", "boolean", lambda d: (d.i > 0) | (d.f > 0)),
    ("i > 0 && not(f > 0)", "boolean", lambda d: (d.i > 0) & ~(d.f > 0)),
    ("b or i > 10", "boolean", lambda d: (d.b == 1.0) | (d.i > 10)),
    ("not(b)", "boolean", lambda d: d.b.map({1.0: False, 0.0: True})),
    ("!(i == j)", "boolean", lambda d: ~(d.i == d.j)),
]:
    add(N, expr, kind, ref)

D = "dates.csv"
for expr, kind, ref in [
    ("d > '2024-03-01'", "boolean", lambda d: d.d > ts("2024-03-01")),
    ("d <= '2024-03-10T07:30:00Z'", "boolean", lambda d: d.d <= ts("2024-03-10T07:30:00")),
    ("'2000-01-01' < d", "boolean", lambda d: d.d > ts("2000-01-01")),
    ("d == e", "boolean", lambda d: d.d == d.e),
    ("d != e", "boolean", lambda d: d.d != d.e),
    ("d >= e", "boolean", lambda d: d.d >= d.e),
    ("d == '2024-02-29T12:00:00+00:00'", "boolean", lambda d: d.d == ts("2024-02-29T12:00:00")),
]:
    add(D, expr, kind, ref)

# ---------------------------------------------------------------- logic and math functions (nums.csv)
for expr, kind, ref in [
    ("if(i > 0, i, j)", "integer", lambda d: where(d.i > 0, d.i, d.j)),
    ("if(b, 'yes', 'no')", "string", lambda d: where(d.b == 1.0, "yes", "no")),
    ("if(f > 0, f, null)", "float", lambda d: where(d.f > 0, d.f, np.nan)),
    ("if(s == 'zeta', s, grp)", "string", lambda d: pd.Series(np.where(d.s == "zeta", d.s, d.grp), index=d.index)),
    ("if(i > 0, 1, 0.5)", "float", lambda d: where(d.i > 0, 1.0, 0.5)),
    ("coalesce(i, j)", "integer", lambda d: d.i.fillna(d.j)),
    ("coalesce(f, i, 0)", "float", lambda d: d.f.fillna(d.i).fillna(0)),
    ("coalesce(s, grp, 'none')", "string", lambda d: d.s.fillna(d.grp).fillna("none")),
    ("coalesce(f, 0.5)", "float", lambda d: d.f.fillna(0.5)),
    ("is_null(f)", "boolean", lambda d: d.f.isna()),
    ("not_null(s)", "boolean", lambda d: d.s.notna()),
    ("is_null(b)", "boolean", lambda d: d.b.isna()),
    ("isin(j, [0, 1, -2])", "boolean", lambda d: d.j.isin([0, 1, -2])),
    ("isin(s, ['zeta', 'a', null])", "boolean", lambda d: d.s.isin(["zeta", "a", np.nan])),
    ("isin(f, [2.5, null])", "boolean", lambda d: d.f.isin([2.5, np.nan])),
    ("isin(grp, ['a'])", "boolean", lambda d: d.grp.isin(["a"])),
    ("between(i, -5, 5)", "boolean", lambda d: d.i.between(-5, 5)),
    ("between(f, -2.5, 2.5)", "boolean", lambda d: d.f.between(-2.5, 2.5)),
    ("between(s, 'a', 'c')", "boolean", lambda d: d.s.map(lambda x: isinstance(x, str) and "a" <= x <= "c").astype(bool)),
    ("abs(i)", "integer", lambda d: d.i.abs()),
    ("abs(f)", "float", lambda d: d.f.abs()),
    ("sqrt(g)", "float", lambda d: np.sqrt(d.g)),
    ("sqrt(i)", "float", lambda d: np.sqrt(d.i)),
    ("log(g)", "float", lambda d: np.log(d.g)),
    ("log(w)", "float", lambda d: np.log(d.w)),
    ("log10(w)", "float", lambda d: np.log10(d.w)),
    ("log10(abs(big))", "float", lambda d: np.log10(d.big.abs())),
    ("exp(f)", "float", lambda d: np.exp(d.f)),
    ("exp(w)", "float", lambda d: np.exp(d.w)),
    ("round(f)", "float", lambda d: d.f.round()),
    ("round(f, 1)", "float", lambda d: d.f.round(1)),
    ("round(f, 2)", "float", lambda d: d.f.round(2)),
    ("round(big, -3)", "float", lambda d: d.big.round(-3)),
    ("round(i, -1)", "integer", lambda d: d.i.round(-1)),
    ("round(g * 10)", "float", lambda d: (d.g * 10).round()),
    ("floor(f)", "float", lambda d: np.floor(d.f)),
    ("ceil(f)", "float", lambda d: np.ceil(d.f)),
    ("floor(i)", "float", lambda d: np.floor(d.i)),
    ("ceil(g)", "float", lambda d: np.ceil(d.g)),
    ("clip(i, -5, 5)", "integer", lambda d: d.i.clip(-5, 5)),
    ("clip(f, null, 0)", "float", lambda d: d.f.clip(None, 0)),
    ("clip(f, -1.5, 1.5)", "float", lambda d: d.f.clip(-1.5, 1.5)),
    ("clip(w, 0, null)", "float", lambda d: d.w.clip(0, None)),
]:
    add(N, expr, kind, ref)

# ---------------------------------------------------------------- strings (strs.csv)
S = "strs.csv"


def upper_test(method, pattern):
    return lambda d: getattr(d.s.str.upper().str, method)(pattern.upper())


for col in ["s", "u"]:
    for expr, kind, ref in [
        (f"lower({col})", "string", lambda d, c=col: d[c].str.lower()),
        (f"upper({col})", "string", lambda d, c=col: d[c].str.upper()),
        (f"trim({col})", "string", lambda d, c=col: d[c].str.strip()),
        (f"len({col})", "integer", lambda d, c=col: d[c].str.len()),
        (f"len(trim({col}))", "integer", lambda d, c=col: d[c].str.strip().str.len()),
        (f"upper(lower({col})) == upper({col})", "boolean", lambda d, c=col: (d[c].str.lower().str.upper() == d[c].str.upper())),
    ]:
        add(S, expr, kind, ref)
for expr, kind, ref in [
    ("contains(s, 'a')", "boolean", lambda d: d.s.str.contains("a", regex=False)),
    ("contains(s, 'A', false)", "boolean", lambda d: d.s.str.contains("A", case=False, regex=False)),
    ("contains(s, 'σ', false)", "boolean", lambda d: d.s.str.contains("σ", case=False, regex=False)),
    ("contains(s, 'ss', false)", "boolean", lambda d: d.s.str.contains("ss", case=False, regex=False)),
    ("contains(s, '')", "boolean", lambda d: d.s.str.contains("", regex=False)),
    ("contains(s, '😀')", "boolean", lambda d: d.s.str.contains("😀", regex=False)),
    ("contains(u, 'e\u0301')", "boolean", lambda d: d.u.str.contains("e\u0301", regex=False)),
    ("contains(s, '.', true)", "boolean", lambda d: d.s.str.contains(".", regex=False)),
    ("starts_with(s, 'H')", "boolean", lambda d: d.s.str.startswith("H")),
    ("starts_with(s, 'h', false)", "boolean", upper_test("startswith", "h")),
    ("starts_with(s, 'i̇', false)", "boolean", upper_test("startswith", "i̇")),
    ("starts_with(s, ' ')", "boolean", lambda d: d.s.str.startswith(" ")),
    ("ends_with(s, 'e')", "boolean", lambda d: d.s.str.endswith("e")),
    ("ends_with(s, 'E', false)", "boolean", upper_test("endswith", "E")),
    ("ends_with(s, 'ς', false)", "boolean", upper_test("endswith", "ς")),
    ("ends_with(s, '😀')", "boolean", lambda d: d.s.str.endswith("😀")),
    ("replace(s, 'a', 'A')", "string", lambda d: d.s.str.replace("a", "A", regex=False)),
    ("replace(s, ' ', '')", "string", lambda d: d.s.str.replace(" ", "", regex=False)),
    ("replace(s, '', '|')", "string", lambda d: d.s.str.replace("", "|", regex=False)),
    ("replace(s, 'ΣΑΣ', 'x')", "string", lambda d: d.s.str.replace("ΣΑΣ", "x", regex=False)),
    ("replace(s, '😀', ':)')", "string", lambda d: d.s.str.replace("😀", ":)", regex=False)),
    ("replace(s, ';', ';;')", "string", lambda d: d.s.str.replace(";", ";;", regex=False)),
    ("substring(s, 0, 3)", "string", lambda d: d.s.str.slice(0, 3)),
    ("substring(s, 1)", "string", lambda d: d.s.str.slice(1)),
    ("substring(s, -2)", "string", lambda d: d.s.str.slice(-2)),
    ("substring(s, -3, -1)", "string", lambda d: d.s.str.slice(-3, -1)),
    ("substring(s, 2, 1)", "string", lambda d: d.s.str.slice(2, 1)),
    ("substring(s, 0, 100)", "string", lambda d: d.s.str.slice(0, 100)),
    ("substring(s, -100, 2)", "string", lambda d: d.s.str.slice(-100, 2)),
    ("substring(u, 1, 2)", "string", lambda d: d.u.str.slice(1, 2)),
    ("split_part(s, ';', 0)", "string", lambda d: d.s.str.split(";", regex=False).str[0]),
    ("split_part(s, ';', 1)", "string", lambda d: d.s.str.split(";", regex=False).str[1]),
    ("split_part(s, ';', -1)", "string", lambda d: d.s.str.split(";", regex=False).str[-1]),
    ("split_part(s, ' ', 1)", "string", lambda d: d.s.str.split(" ", regex=False).str[1]),
    ("split_part(s, ';;', 1)", "string", lambda d: d.s.str.split(";;", regex=False).str[1]),
    ("split_part(s, ',', 5)", "string", lambda d: d.s.str.split(",", regex=False).str[5]),
    ("split_part(s, ',', -2)", "string", lambda d: d.s.str.split(",", regex=False).str[-2]),
    ("split_part(s, '😀', 1)", "string", lambda d: d.s.str.split("😀", regex=False).str[1]),
    ("s + u", "string", lambda d: d.s + d.u),
    ("s < u", "boolean", lambda d: pd.Series([isinstance(a, str) and isinstance(b, str) and a < b for a, b in zip(d.s, d.u)], index=d.index)),
    ("u > 'apple'", "boolean", lambda d: d.u > "apple"),
    ("lower(u) == 'apple'", "boolean", lambda d: d.u.str.lower() == "apple"),
    ("if(contains(s, ' '), split_part(s, ' ', 0), s)", "string",
     lambda d: pd.Series(np.where(d.s.str.contains(" ", regex=False).fillna(False).astype(bool), d.s.str.split(" ", regex=False).str[0], d.s), index=d.index)),
    ("coalesce(upper(s), 'MISSING')", "string", lambda d: d.s.str.upper().fillna("MISSING")),
    ("len(s) > 5", "boolean", lambda d: d.s.str.len() > 5),
]:
    add(S, expr, kind, ref)

# ---------------------------------------------------------------- conversion (strs.csv, nums.csv, dates.csv)
DECORATIONS = str.maketrans("", "", ",$€£¥₹%")


def to_number_ref(series):
    cleaned = series.map(lambda x: x.translate(DECORATIONS).strip() if isinstance(x, str) else x)
    parsed = pd.to_numeric(cleaned, errors="coerce")
    # pandas decides what is a number; float() gives its exact value (pandas' own parser can be an ulp off)
    return pd.Series([float(c) if not pd.isna(v) else np.nan for c, v in zip(cleaned, parsed)], index=series.index)


# The CSV reader's ISO 8601 grammar (src/engine/csv/read-token.ts readDateTime), ASCII digits only.
ISO_DATE = re.compile(r"[0-9]{4}-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]{1,9})?)?"
                      r"(?:Z|[+-]([0-9]{2}):?([0-9]{2}))?)?", re.ASCII)


def iso_ref(series):
    def one(text):
        if not isinstance(text, str):
            return pd.NaT
        m = ISO_DATE.fullmatch(text)
        if m is None:
            return pd.NaT
        hour, minute, second, oh, om = (int(g) if g else 0 for g in m.groups()[2:])
        if hour > 23 or minute > 59 or second > 59 or oh > 23 or om > 59:
            return pd.NaT
        try:
            t = pd.Timestamp(text)
        except ValueError:
            return pd.NaT
        return t.tz_localize(UTC) if t.tzinfo is None else t.tz_convert(UTC)
    return pd.Series([one(x) for x in series], index=series.index, dtype="datetime64[ns, UTC]")


def strptime_ref(fmt):
    """array_strptime value by value: a value it raises on (an offset of 24 hours or more, inconsistent colons in
    %z) is missing alone, where pd.to_datetime(errors="coerce") would blank the whole column."""
    def one(value):
        try:
            result, zones = array_strptime(np.array([value], dtype=object), fmt, exact=True, errors="coerce")
        except ValueError:
            return pd.NaT
        t = pd.Timestamp(result[0])
        if pd.isna(t):
            return pd.NaT
        return t.tz_localize(zones[0]).tz_convert(UTC) if zones[0] is not None else t.tz_localize(UTC)

    def ref(d, col):
        return pd.Series([one(v) for v in d[col]], index=d.index, dtype="datetime64[ns, UTC]")
    return ref


for expr, kind, ref in [
    ("to_number(p)", "float", lambda d: to_number_ref(d.p)),
    ("to_number(s)", "float", lambda d: to_number_ref(d.s)),
    ("to_number(p) * 2", "float", lambda d: to_number_ref(d.p) * 2),
    ("to_number(replace(p, '.', ''))", "float", lambda d: to_number_ref(d.p.str.replace(".", "", regex=False))),
    ("to_number(id)", "integer", lambda d: pd.to_numeric(d.id)),
    ("to_date(iso)", "datetime", lambda d: iso_ref(d.iso)),
    ("to_date(stamp)", "datetime", lambda d: iso_ref(d.stamp)),
    ("to_date(s)", "datetime", lambda d: iso_ref(d.s)),
]:
    add(S, expr, kind, ref)
for col, fmt in [
    ("dmy", "%d/%m/%Y"), ("dmy", "%d/%m/%y"), ("dmy", "%m/%d/%Y"), ("dmy", "%d/%m/%Y %H"), ("us", "%b %d %Y %I:%M %p"),
    ("us", "%b %d %Y %H:%M %p"), ("us", "%B %d %Y %I:%M %p"), ("stamp", "%Y-%m-%dT%H:%M:%S.%f%z"), ("stamp", "%Y-%m-%dT%H:%M:%S%z"),
    ("iso", "%Y-%m-%d"), ("iso", "%Y%m%d"), ("iso", "%Y-%m-%dT%H:%M"), ("iso", "%Y-%m-%d %H:%M:%S"), ("iso", "%Y-%m-%dT%H:%M:%S.%f"),
    ("iso", "%Y-%m-%dt%H:%M"), ("misc", "%B %d, %Y"), ("misc", "%Y-%j"), ("misc", "%H:%M:%S"), ("misc", "%d %b %Y %H:%M:%S %z"),
    ("misc", "%a, %d %b %Y %H:%M:%S %z"), ("misc", "%A %d %B %Y"), ("misc", "%Y%%%m"), ("misc", "%d  %b"), ("misc", "%Y-%m-%dT%H:%M:%S%z"),
    ("misc", "%Y-%m-%d"), ("misc", "%d-%m-%Y"),
]:
    add(S, f"to_date({col}, '{fmt}')", "datetime", lambda d, c=col, f=fmt: strptime_ref(f)(d, c))
add(S, "year(to_date(dmy, '%d/%m/%Y'))", "integer", lambda d: strptime_ref("%d/%m/%Y")(d, "dmy").dt.year)
add(D, "to_date(d)", "datetime", lambda d: d.d)
add(N, "to_number(b)", "integer", lambda d: pd.to_numeric(d.b))

# ---------------------------------------------------------------- dates (dates.csv)
PARTS = {
    "year": lambda s: s.dt.year, "quarter": lambda s: s.dt.quarter, "month": lambda s: s.dt.month,
    "week": lambda s: s.dt.isocalendar().week, "day": lambda s: s.dt.day, "weekday": lambda s: s.dt.weekday,
    "hour": lambda s: s.dt.hour, "minute": lambda s: s.dt.minute, "day_of_year": lambda s: s.dt.dayofyear,
}
for col in ["d", "e"]:
    for name, part in PARTS.items():
        add(D, f"{name}({col})", "integer", lambda d, c=col, p=part: p(d[c]))


def truncate(series, unit):
    if unit in ("day", "hour", "minute"):
        return series.dt.floor({"day": "D", "hour": "H", "minute": "T"}[unit])
    period = {"year": "Y", "quarter": "Q", "month": "M", "week": "W"}[unit]
    return series.dt.tz_localize(None).dt.to_period(period).dt.start_time.dt.tz_localize(UTC)


for col in ["d", "e"]:
    for unit in ["year", "quarter", "month", "week", "day", "hour", "minute"]:
        add(D, f"date_trunc('{unit}', {col})", "datetime", lambda d, c=col, u=unit: truncate(d[c], u))
for expr, kind, ref in [
    ("days_between(d, e)", "integer", lambda d: (d.e - d.d).dt.days),
    ("days_between(e, d)", "integer", lambda d: (d.d - d.e).dt.days),
    ("days_between('2024-01-01', d)", "integer", lambda d: (d.d - ts("2024-01-01")).dt.days),
    ("days_between(d, '2024-01-01T12:00:00')", "integer", lambda d: (ts("2024-01-01T12:00:00") - d.d).dt.days),
    ("days_between(date_trunc('month', d), d) + 1", "integer", lambda d: (d.d - truncate(d.d, "month")).dt.days + 1),
    ("year('2024-02-29')", "integer", lambda d: pd.Series(2024, index=d.index)),
    ("month(d) * 100 + day(d)", "integer", lambda d: d.d.dt.month * 100 + d.d.dt.day),
    ("date_trunc('month', d) > '2024-01-01'", "boolean", lambda d: truncate(d.d, "month") > ts("2024-01-01")),
    ("weekday(d) >= 5", "boolean", lambda d: d.d.dt.weekday >= 5),
    ("coalesce(d, e)", "datetime", lambda d: d.d.fillna(d.e)),
    ("if(d > e, d, e)", "datetime", lambda d: pd.Series(np.where(d.d > d.e, d.d, d.e), index=d.index).astype("datetime64[ns, UTC]")),
]:
    add(D, expr, kind, ref)

# ---------------------------------------------------------------- windows and partitions: pandas' own methods
def window_frame(d, order_by):
    if not order_by:
        return d
    return d.sort_values([k for k, _ in order_by], ascending=[o == "asc" for _, o in order_by], kind="stable", na_position="last")


def by_window(order_by, partition_by, col, series_fn, group_fn):
    """series_fn(Series in window order), or group_fn(SeriesGroupBy) per partition; back in frame order."""
    def ref(d):
        w = window_frame(d, order_by)
        if partition_by:
            result = group_fn(w.groupby(partition_by, sort=False, dropna=True)[col])
            if result.index.nlevels > 1:  # groupby().rolling() puts the keys in front of the row labels
                result = result.reset_index(level=list(range(result.index.nlevels - 1)), drop=True)
        else:
            result = series_fn(w[col])
        return result.reindex(d.index)
    return ref


def transform(order_by, partition_by, col, fn):
    """fn(Series) -> Series with the same index, over the frame or each partition (groupby(dropna=True))."""
    def ref(d):
        w = window_frame(d, order_by)
        if not partition_by:
            return fn(w[col]).reindex(d.index)
        pieces = [fn(g[col]) for _, g in w.groupby(partition_by, sort=False, dropna=True)]
        return (pd.concat(pieces) if pieces else pd.Series(dtype=float)).reindex(d.index)
    return ref


def zscore_of(s):
    return pd.Series(stats.zscore(s.to_numpy(dtype=float), nan_policy="omit"), index=s.index)


def minmax_of(s):
    return pd.Series(minmax_scale(s.to_numpy(dtype=float)), index=s.index) if len(s) else s.astype(float)


LAYOUTS = [
    ({}, None, None),
    ({"order_by": [{"column": "t"}]}, [("t", "asc")], None),
    ({"order_by": [{"column": "t", "direction": "desc"}, {"column": "f"}]}, [("t", "desc"), ("f", "asc")], None),
    ({"partition_by": ["grp"]}, None, ["grp"]),
    ({"order_by": [{"column": "t"}], "partition_by": ["grp"]}, [("t", "asc")], ["grp"]),
    ({"order_by": [{"column": "s", "direction": "desc"}], "partition_by": ["k", "grp"]}, [("s", "desc")], ["k", "grp"]),
]


def layout_cases(expr, kind, col, series_fn, group_fn, layouts=LAYOUTS):
    for options, order_by, partition_by in layouts:
        add(N, expr, kind, by_window(order_by, partition_by, col, series_fn, group_fn), **options)


# ---------------------------------------------------------------- column-wise (nums.csv)
for col in ["f", "i", "g", "big", "b"]:
    add(N, f"zscore({col})", "float", transform(None, None, col, zscore_of))
    add(N, f"minmax_scale({col})", "float", transform(None, None, col, minmax_of))
for options, order_by, partition_by in LAYOUTS[3:]:
    add(N, "zscore(f)", "float", transform(order_by, partition_by, "f", zscore_of), **options)
    add(N, "minmax_scale(i)", "float", transform(order_by, partition_by, "i", minmax_of), **options)
add(N, "zscore(k * 0)", "float", lambda d: zscore_of(d.k * 0))
add(N, "zscore(w)", "float", lambda d: zscore_of(d.w))
add(N, "zscore(5)", "float", lambda d: zscore_of(pd.Series(5.0, index=d.index)))
add(N, "zscore(j)", "float", transform(None, ["k"], "j", zscore_of), partition_by=["k"])
add(N, "minmax_scale(k * 0)", "float", lambda d: minmax_of(d.k * 0))
add(N, "minmax_scale(f * 1e-16)", "float", lambda d: minmax_of(d.f * 1e-16))
add(N, "abs(zscore(f)) > 1", "boolean", lambda d: zscore_of(d.f).abs() > 1)
for method in ["average", "min", "max", "first", "dense"]:
    for ascending in ["true", "false"]:
        integral = "float" if method == "average" else "integer"
        asc = ascending == "true"
        add(N, f"rank(t, '{method}', {ascending})", integral, lambda d, m=method, a=asc: d.t.rank(method=m, ascending=a))
        add(N, f"rank(s, '{method}', {ascending})", integral, lambda d, m=method, a=asc: d.s.rank(method=m, ascending=a))
    add(N, f"rank(t, '{method}')", "float" if method == "average" else "integer",
        by_window(None, ["grp"], "t", None, lambda g, m=method: g.rank(method=m)), partition_by=["grp"])
for expr, kind, ref in [
    ("rank(f)", "float", lambda d: d.f.rank()),
    ("rank(g)", "float", lambda d: d.g.rank()),
    ("rank(w, 'min', false)", "integer", lambda d: d.w.rank(method="min", ascending=False)),
    ("rank(b, 'dense')", "integer", lambda d: d.b.rank(method="dense")),
    ("rank(-i, 'first')", "integer", lambda d: (-d.i).rank(method="first")),
]:
    add(N, expr, kind, ref)
add(N, "rank(f, 'first', false)", "integer", by_window([("t", "asc")], ["grp"], "f", None, lambda g: g.rank(method="first", ascending=False)),
    order_by=[{"column": "t"}], partition_by=["grp"])
add(N, "rank(t, 'first')", "integer", by_window([("f", "desc")], None, "t", lambda s: s.rank(method="first"), None),
    order_by=[{"column": "f", "direction": "desc"}])
add(D, "rank(d)", "float", lambda d: d.d.rank())
add(D, "rank(d, 'dense', false)", "integer", transform(None, ["grp"], "d", lambda s: s.rank(method="dense", ascending=False)), partition_by=["grp"],
    reference="Series.rank per partition: pandas 1.5 groupby(...).rank(method='dense', ascending=False) on these tz-aware datetimes "
              "ranks the NaT of partition x as a value (17) instead of keeping it missing")

# ---------------------------------------------------------------- windows (nums.csv)
for expr, kind, col, series_fn, group_fn in [
    ("lag(f)", "float", "f", lambda s: s.shift(1), lambda g: g.shift(1)),
    ("lag(s, 2)", "string", "s", lambda s: s.shift(2), lambda g: g.shift(2)),
    ("lead(i)", "integer", "i", lambda s: s.shift(-1), lambda g: g.shift(-1)),
    ("diff(f)", "float", "f", lambda s: s.diff(1), lambda g: g.diff(1)),
    ("diff(i, 2)", "integer", "i", lambda s: s.diff(2), lambda g: g.diff(2)),
    ("pct_change(f)", "float", "f", lambda s: s / s.shift(1) - 1, None),
    ("cumsum(f)", "float", "f", lambda s: s.cumsum(), lambda g: g.cumsum()),
    ("cumsum(i)", "integer", "i", lambda s: s.cumsum(), lambda g: g.cumsum()),
    ("rolling_mean(f, 3)", "float", "f", lambda s: s.rolling(3).mean(), lambda g: g.rolling(3).mean()),
    ("rolling_sum(f, 3)", "float", "f", lambda s: s.rolling(3).sum(), lambda g: g.rolling(3).sum()),
    ("rolling_sum(i, 2)", "integer", "i", lambda s: s.rolling(2).sum(), lambda g: g.rolling(2).sum()),
]:
    if group_fn is None:  # groupby pct_change forward-fills in pandas 1.5; the reference divides by the shift
        group_fn = lambda g: g.apply(lambda s: s / s.shift(1) - 1)
    layout_cases(expr, kind, col, series_fn, group_fn)
for expr, kind, col, series_fn in [
    ("lag(f, 3)", "float", "f", lambda s: s.shift(3)),
    ("lag(f, 0)", "float", "f", lambda s: s.shift(0)),
    ("lag(f, -1)", "float", "f", lambda s: s.shift(-1)),
    ("lag(f, 45)", "float", "f", lambda s: s.shift(45)),
    ("lead(s, 3)", "string", "s", lambda s: s.shift(-3)),
    ("lag(b)", "boolean", "b", lambda s: s.shift(1)),
    ("lead(big, 39)", "float", "big", lambda s: s.shift(-39)),
    ("diff(f, -1)", "float", "f", lambda s: s.diff(-1)),
    ("diff(w)", "float", "w", lambda s: s.diff()),
    ("diff(big, 5)", "float", "big", lambda s: s.diff(5)),
    ("pct_change(i, 2)", "float", "i", lambda s: s / s.shift(2) - 1),
    ("pct_change(j)", "float", "j", lambda s: s / s.shift(1) - 1),
    ("pct_change(w)", "float", "w", lambda s: s / s.shift(1) - 1),
    ("pct_change(b)", "float", "b", lambda s: s / s.shift(1) - 1),
    ("pct_change(g, -2)", "float", "g", lambda s: s / s.shift(-2) - 1),
    ("cumsum(b)", "integer", "b", lambda s: s.cumsum()),
    ("cumsum(w)", "float", "w", lambda s: s.cumsum()),
    ("cumsum(big)", "float", "big", lambda s: s.cumsum()),
    ("rolling_mean(k, 4)", "float", "k", lambda s: s.rolling(4).mean()),
    ("rolling_sum(k, 3)", "integer", "k", lambda s: s.rolling(3).sum()),
    ("rolling_sum(w, 2)", "float", "w", lambda s: s.rolling(2).sum()),
    ("rolling_mean(w, 1)", "float", "w", lambda s: s.rolling(1).mean()),
    ("rolling_sum(i, 1)", "integer", "i", lambda s: s.rolling(1).sum()),
    ("rolling_mean(g, 40)", "float", "g", lambda s: s.rolling(40).mean()),
    ("rolling_mean(g, 41)", "float", "g", lambda s: s.rolling(41).mean()),
    ("rolling_sum(big, 5)", "float", "big", lambda s: s.rolling(5).sum()),
    ("rolling_mean(big, 7)", "float", "big", lambda s: s.rolling(7).mean()),
    ("rolling_mean(-k, 2)", "float", "k", lambda s: (-s).rolling(2).mean()),
    ("rolling_sum(g, 10000)", "float", "g", lambda s: s.rolling(10000).sum()),
    ("rolling_sum(c, 2)", "float", "c", lambda s: s.rolling(2).sum()),
    ("rolling_sum(c, 4)", "float", "c", lambda s: s.rolling(4).sum()),
    ("rolling_mean(c, 3)", "float", "c", lambda s: s.rolling(3).mean()),
    ("rolling_mean(c, 5)", "float", "c", lambda s: s.rolling(5).mean()),
    ("cumsum(c)", "float", "c", lambda s: s.cumsum()),
]:
    add(N, expr, kind, by_window(None, None, col, series_fn, None))
for expr, kind, options, order_by, partition_by, col, series_fn, group_fn in [
    ("cumsum(big)", "float", {"partition_by": ["grp"]}, None, ["grp"], "big", None, lambda g: g.cumsum()),
    ("cumsum(c)", "float", {"partition_by": ["grp"]}, None, ["grp"], "c", None, lambda g: g.cumsum()),
    ("rolling_sum(c, 3)", "float", {"partition_by": ["grp"]}, None, ["grp"], "c", None, lambda g: g.rolling(3).sum()),
    ("cumsum(w)", "float", {"partition_by": ["k"]}, None, ["k"], "w", None, lambda g: g.cumsum()),
    ("rolling_mean(big, 3)", "float", {"partition_by": ["k"]}, None, ["k"], "big", None, lambda g: g.rolling(3).mean()),
    ("rolling_sum(k, 2)", "integer", {"order_by": [{"column": "i", "direction": "desc"}], "partition_by": ["grp"]}, [("i", "desc")], ["grp"],
     "k", None, lambda g: g.rolling(2).sum()),
    ("lag(f, 2)", "float", {"order_by": [{"column": "s"}, {"column": "t", "direction": "desc"}]}, [("s", "asc"), ("t", "desc")], None, "f",
     lambda s: s.shift(2), None),
    ("lead(s)", "string", {"order_by": [{"column": "f"}]}, [("f", "asc")], None, "s", lambda s: s.shift(-1), None),
    ("lag(grp)", "string", {"partition_by": ["grp"]}, None, ["grp"], "grp", None, lambda g: g.shift(1)),
]:
    add(N, expr, kind, by_window(order_by, partition_by, col, series_fn, group_fn), **options)
add(N, "f - lag(f)", "float", by_window([("t", "asc")], ["grp"], "f", None, lambda g: g.diff()), order_by=[{"column": "t"}], partition_by=["grp"])
add(N, "cumsum(if(b, 1, 0))", "integer", lambda d: (d.b == 1.0).astype(int).cumsum())
add(N, "lag(f) > f", "boolean", lambda d: d.f.shift(1) > d.f)
add(D, "lag(d)", "datetime", by_window([("d", "asc")], None, "d", lambda s: s.shift(1), None), order_by=[{"column": "d"}])
add(D, "days_between(lag(d), d)", "integer", by_window([("d", "asc")], ["grp"], "d", None, lambda g: g.diff().dt.days),
    order_by=[{"column": "d"}], partition_by=["grp"])
add(D, "lead(e, 2)", "datetime", by_window([("t", "desc")], ["grp"], "e", None, lambda g: g.shift(-2)),
    order_by=[{"column": "t", "direction": "desc"}], partition_by=["grp"])

# ---------------------------------------------------------------- binning (nums.csv)
def labelled(result):
    """A pandas Categorical of bins as strings (str(Interval) for default labels), and its categories in order."""
    categories = [str(c) for c in result.cat.categories]
    values = pd.Series([categories[c] if c >= 0 else None for c in result.cat.codes], index=result.index, dtype=object)
    return values, categories


def cut_ref(col, edges, labels=None):
    return lambda d: labelled(pd.cut(d[col], edges, labels=labels))


def qcut_ref(q, labels=None):
    def one(s):
        if s.notna().sum() == 0:  # pandas raises on no values; the engine leaves them missing
            return pd.Series([None] * len(s), index=s.index, dtype=object), None
        return labelled(pd.qcut(s, q, labels=labels))
    return one


for col, edges, labels in [
    ("f", [-10, 0, 10], None), ("i", [-20, -5, 0, 5, 20], None), ("f", [-30, -2.5, 0, 2.5, 30], None),
    ("f", [0, 0.001, 0.002, 100], None), ("g", [-5, 0, 5], ["neg", "pos"]), ("big", [-1e16, 0, 1e16], None),
    ("f", [-1e-5, 0, 1e-5, 1e5], None), ("i", [5, 5], None), ("b", [0, 0.5, 1], None), ("g", [-5, -0.333333, 0.333333, 5], None),
    ("f", [-20, -10.5, 0, 10.25, 20], ["low", "mid-low", "mid-high", "high"]), ("w", [0, 100, 1e300], None),
    ("i", [-100, 100], ["all"]), ("f", [-1.23456789, -1.23456788, 0, 1.23456788], None), ("k", [0, 1, 2, 3, 4, 5], None),
]:
    shown = str(edges).replace("1e-05", "0.00001").replace("1e+16", "1e16").replace("1e+300", "1e300").replace("1e+05", "100000.0")
    extra = "" if labels is None else ", [" + ", ".join(f"'{label}'" for label in labels) + "]"
    add(N, f"cut({col}, {shown}{extra})", "string", cut_ref(col, edges, labels))
for col, q, labels, shown in [
    ("f", 4, None, "4"), ("f", 2, None, "2"), ("i", 3, None, "3"), ("g", 10, None, "10"), ("big", 3, None, "3"),
    ("f", [0, 0.1, 0.5, 0.9, 1], None, "[0, 0.1, 0.5, 0.9, 1]"), ("f", 4, ["q1", "q2", "q3", "q4"], "4, ['q1', 'q2', 'q3', 'q4']"),
    ("k", 5, None, "5"), ("k", 2, None, "2"), ("j", 3, None, "3"), ("w", 2, None, "2"), ("t", [0, 0.25, 1], ["low", "high"], "[0, 0.25, 1], ['low', 'high']"),
    ("f * 1e-6", 3, None, "3"), ("i + 0.5", 1, None, "1"),
]:
    series = (lambda d, c=col: d.eval(c)) if any(op in col for op in "*+") else (lambda d, c=col: d[c])
    add(N, f"qcut({col}, {shown})", "string", lambda d, s=series, q=q, l=labels: qcut_ref(q, l)(s(d)), qcut=True)
add(N, "qcut(f, 2)", "string", transform(None, ["grp"], "f", lambda s: qcut_ref(2)(s)[0]), partition_by=["grp"], qcut=True)
add(N, "qcut(g, [0, 0.5, 1], ['lo', 'hi'])", "string", transform([("t", "asc")], ["grp"], "g", lambda s: qcut_ref([0, 0.5, 1], ["lo", "hi"])(s)[0]),
    order_by=[{"column": "t"}], partition_by=["grp"], qcut=True)
add(N, "cut(f, [-30, 0, 30], ['neg', 'pos']) == 'pos'", "boolean", lambda d: pd.cut(d.f, [-30, 0, 30], labels=["neg", "pos"]) == "pos")

# ---------------------------------------------------------------- errors
for csv, expr, code, pandas in [
    (N, "lowr(s)", "unknown_function", None),
    (N, "Lower(s)", "unknown_function", None),
    (N, "lower(ss)", "unknown_column", None),
    (N, "lower(i)", "incompatible_type", lambda d: d.i.str.lower()),
    (N, "len(f)", "incompatible_type", lambda d: d.f.str.len()),
    (N, "contains(s, 1)", "invalid_argument", None),
    (N, "contains(s, grp)", "invalid_argument", None),
    (N, "contains(s, 'a', 'no')", "invalid_argument", None),
    (N, "substring(s, 'a')", "invalid_argument", None),
    (N, "substring(s, 1.5)", "invalid_argument", None),
    (N, "split_part(s, '', 0)", "invalid_argument", lambda d: d.s.str.split("", regex=False)),
    (N, "replace(s, 'a')", "invalid_argument", None),
    (N, "year(i)", "incompatible_type", lambda d: d.i.dt.year),
    (N, "year(s)", "incompatible_type", lambda d: d.s.dt.year),
    (N, "days_between(s, '2024-01-01')", "incompatible_type", None),
    (D, "days_between(d, '2024-13-01')", "invalid_argument", lambda d: d.d - ts("2024-13-01")),
    (D, "date_trunc('decade', d)", "invalid_argument", lambda d: d.d.dt.tz_localize(None).dt.to_period("decade")),
    (D, "date_trunc(d, 'month')", "invalid_argument", None),
    (D, "d + 1", "incompatible_type", None),
    (D, "d - e", "incompatible_type", None),
    (N, "to_date(i)", "incompatible_type", None),
    (N, "to_date(s, '%Q')", "invalid_argument", None),
    (N, "to_date(s, '%Y-%m-%')", "invalid_argument", None),
    (N, "to_date(s, '%Y %Y')", "invalid_argument", None),
    (N, "to_date(s, grp)", "invalid_argument", None),
    (N, "to_date(s, format)", "unknown_column", None),
    (D, "to_number(d)", "incompatible_type", None),
    (N, "zscore(s)", "incompatible_type", lambda d: stats.zscore(d.s.to_numpy(), nan_policy="omit")),
    (N, "minmax_scale(w)", "invalid_argument", lambda d: minmax_scale(d.w.to_numpy())),
    (N, "minmax_scale(s)", "incompatible_type", lambda d: minmax_scale(d.s.to_numpy())),
    (N, "rank(f, 'mean')", "invalid_argument", lambda d: d.f.rank(method="mean")),
    (N, "rank(f, 'min', 1)", "invalid_argument", None),
    (N, "lag(f, 1.5)", "invalid_argument", None),
    (N, "lag(f, i)", "invalid_argument", None),
    (N, "lag(f, 10001)", "invalid_argument", None),
    (N, "rolling_sum(f, 10001)", "invalid_argument", None),
    (N, "rolling_mean(f, 0)", "invalid_argument", None),
    (N, "rolling_mean(f)", "invalid_argument", None),
    (N, "rolling_mean(s, 2)", "incompatible_type", lambda d: d.s.rolling(2).mean()),
    (N, "diff(b)", "incompatible_type", None),
    (N, "diff(s)", "incompatible_type", lambda d: d.s.diff()),
    (N, "cumsum(s)", "incompatible_type", None),
    (N, "cut(f, [10, 0])", "invalid_argument", lambda d: pd.cut(d.f, [10, 0])),
    (N, "cut(f, [0, 1, 1, 2])", "invalid_argument", lambda d: pd.cut(d.f, [0, 1, 1, 2])),
    (N, "cut(f, [0, 1, 2], ['a'])", "invalid_argument", lambda d: pd.cut(d.f, [0, 1, 2], labels=["a"])),
    (N, "cut(f, [0, 1, 2], ['a', 'a'])", "invalid_argument", lambda d: pd.cut(d.f, [0, 1, 2], labels=["a", "a"])),
    (N, "cut(f, [1])", "invalid_argument", None),
    (N, "cut(f, 4)", "invalid_argument", None),
    (N, "cut(s, [0, 1])", "incompatible_type", lambda d: pd.cut(d.s, [0, 1])),
    (N, "qcut(f, 0)", "invalid_argument", None),
    (N, "qcut(f, [0.5, 0.2])", "invalid_argument", None),
    (N, "qcut(f, [0, 1.5])", "invalid_argument", lambda d: pd.qcut(d.f, [0, 1.5])),
    (N, "qcut(k, 20)", "invalid_argument", lambda d: pd.qcut(d.k, 20)),
    (N, "if(i > 0, 1, 'a')", "incompatible_type", None),
    (N, "s * 2", "incompatible_type", None),
    (N, "i +", "syntax_error", None),
    (N, "lag()", "invalid_argument", None),
]:
    fails(csv, expr, code, pandas)

# ---------------------------------------------------------------- empty frames and tiny partitions
EMPTY = ("id < 0", lambda d: d[d.id < 0])
FIRST3 = ("id <= 3", lambda d: d[d.id <= 3])
for flt in [EMPTY, FIRST3]:
    for expr, kind, ref in [
        ("zscore(f)", "float", lambda d: zscore_of(d.f)),
        ("minmax_scale(i)", "float", lambda d: minmax_of(d.i)),
        ("rank(f)", "float", lambda d: d.f.rank()),
        ("lag(s)", "string", lambda d: d.s.shift(1)),
        ("lead(f, 2)", "float", lambda d: d.f.shift(-2)),
        ("diff(i)", "integer", lambda d: d.i.diff()),
        ("pct_change(g)", "float", lambda d: d.g / d.g.shift(1) - 1),
        ("cumsum(f)", "float", lambda d: d.f.cumsum()),
        ("rolling_sum(g, 3)", "float", lambda d: d.g.rolling(3).sum()),
        ("rolling_mean(g, 2)", "float", lambda d: d.g.rolling(2).mean()),
        ("cut(f, [-10, 0, 10])", "string", lambda d: labelled(pd.cut(d.f, [-10, 0, 10]))),
        ("qcut(g, 2)", "string", lambda d: qcut_ref(2)(d.g)),
        ("lower(s)", "string", lambda d: d.s.str.lower() if len(d) else d.s),
        ("i + j", "integer", lambda d: d.i + d.j),
        ("s == 'a'", "boolean", lambda d: d.s == "a"),
    ]:
        add(N, expr, kind, ref, filter=flt)
add(D, "year(d)", "integer", lambda d: d.d.dt.year, filter=EMPTY)
