"""Seeded CSV texts for the expression golden cases (scripts/golden/expressions.py): the same bytes on every run."""
import csv, io, os
from datetime import datetime, timedelta, timezone

import numpy as np

rng = np.random.default_rng(20240917)
N = 40


def pick(values, missing=0.0):
    return [None if rng.random() < missing else values[int(rng.integers(0, len(values)))] for _ in range(N)]


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "True" if v else "False"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def text(header, columns):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in zip(*columns):
        writer.writerow([fmt(v) for v in row])
    return out.getvalue()


# ---------------------------------------------------------------- nums.csv: numbers, booleans, keys
def nums():
    ids = list(range(1, N + 1))
    i = [None if rng.random() < 0.15 else int(rng.integers(-20, 21)) for _ in range(N)]
    j = [int(rng.integers(-3, 4)) for _ in range(N)]
    j[0], j[1] = 0, -2  # division by zero and negative divisors early
    f = [None if rng.random() < 0.15 else float(np.round(rng.normal(0, 10), 3)) for _ in range(N)]
    f[2:8] = [2.5, -2.5, 0.5, 1.5, -0.5, 2.675]  # halves: numpy rounds them to even
    g = [float(np.round(rng.uniform(-5, 5), 4)) for _ in range(N)]
    g[3], g[4], g[5] = 0.0, -0.0, 1.0
    w = [float(np.round(rng.normal(100, 50), 2)) for _ in range(N)]
    w[6], w[11], w[17], w[23] = float("inf"), float("-inf"), None, 1e300
    b = [None if rng.random() < 0.1 else bool(rng.random() < 0.5) for _ in range(N)]
    grp = pick(["a", "b", "c"], 0.1)
    t = [int(rng.integers(1, 11)) for _ in range(N)]
    t[5] = None
    t[9] = None
    s = pick(["apple", "Banana", "cherry", "ｚｅｔａ", "😀 smile", "émile", "zeta", "Zulu", "a", "ab", "\uff61dot"], 0.1)
    big = [float(np.round(rng.normal(0, 1) * 1e15, 1)) for _ in range(N)]
    k = [int(rng.integers(0, 6)) for _ in range(N)]
    k[0:4] = [5, 5, 5, 5]  # a constant run for rolling's equal-value rule
    # huge values that cancel next to small ones: running sums differ by algorithm (Kahan or not) in leading digits
    cancel = np.random.default_rng(7)
    c = [float(cancel.choice([1e16, -1e16, 3e15, -3e15])) if n % 3 == 0 else float(np.round(cancel.uniform(0, 10), 2)) for n in range(N)]
    header = ["id", "i", "j", "f", "g", "w", "b", "grp", "t", "s", "big", "k", "c"]
    types = {"id": "int", "i": "int", "j": "int", "f": "num", "g": "num", "w": "num", "b": "bool", "grp": "str",
             "t": "int", "s": "str", "big": "num", "k": "int", "c": "num"}
    return text(header, [ids, i, j, f, g, w, b, grp, t, s, big, k, c]), types


# ---------------------------------------------------------------- strs.csv: unicode text, numbers and dates as text
UNICODE = [
    "Hello World", "  padded  ", "\ttabbed\x0b", "\x1cinfo sep\x1f", "\x85nel\x85", "\u00a0nbsp\u3000", "\ufeffbom",
    "ΟΔΟΣ", "ΣΑΣ ΣΑΣ", "Α.Σ", "İstanbul", "straße", "ﬁne", "ŉ", "😀 smile", "ｆｕｌｌ ｗｉｄｔｈ", "e\u0301te", "café",
    "a,b;c", "a;;b;", "x", "MiXeD CaSe", "'quoted'", "\"dq\"", "tab\tinside", "😀😀x😀", "\U0001f600\uff61", "日本語テキスト",
]
PRICES = [
    "$1,234.50", "1,000", "€ 99", "£0.5", "¥1000", "₹ 2,50,000", "50%", " 12 ", "-3.5", "+7", ".5", "5.", "1e3", "1E-2",
    "inf", "-Infinity", "1e999", "abc", "12abc", "1 000", "(5)", "$", "%", "0x10", "1_000", "−5", "١٢", "\u00a012\u3000",
    "$-4", "12.5.1", "nan", "3,", "-", "007",
]
ISO_TEXT = [
    "2024-01-05", "2024-02-29", "2023-02-29", "2024-01-05T10:30", "2024-01-05 10:30:15", "2024-01-05T10:30:15.123456",
    "2024-01-05T10:30:15Z", "2024-01-05T10:30:15+02:00", "2024-01-05T10:30-0530", "2024-1-5", "05/01/2024",
    "2024-01-05T24:00", "2024-01-05T10:30:15.1234567891", "2024-01-05Z", " 2024-01-05", "1969-07-20T20:17:40",
    "2024-13-01", "2024-01-05t10:30", "20240105",
]
DMY = [
    "31/12/2023", "1/2/2024", "29/02/2024", "29/02/2023", "31/04/2024", "05/01/2024", "5/1/24", "00/01/2024",
    "12/12/1999", "31/12/2023 extra", " 3/4/2024", "3/ 4/2024",
]
US = [
    "Jan 05 2024 03:04 PM", "jan 5 2024 12:00 AM", "FEB 29 2024 12:30 PM", "Dec 31 1999 11:59 pm", "Sep 1 2024 1:02 AM",
    "Sept 1 2024 1:02 AM", "Mar 10 2024 02:30 AM", "Jan 05 2024 13:04 PM", "Jan 05 2024 03:04", "Nov 03 2024 01:30 AM",
]
MISC = [
    "January 05, 2024", "December 31, 1999", "february 29, 2023", "2024-060", "2023-366", "2024-366", "12:30:45", "23:59:60",
    "5 Jan 2024 10:00:00 +0530", "Mon, 05 Jan 2024 10:00:00 Z", "Tue, 29 Feb 2028 23:59:59 -1200", "Friday 05 January 2024",
    "2024%07", "05  Jan", "05 \t Jan", "2024-01-05T10:00:00+01:30:45", "2024-01-05T10:00:00+0130:45", "2024-01-05T10:00:00z",
    "٢٠٢٤-01-05", "𝟚𝟘𝟚𝟜-12-31T23:00:00+0١:00", "٠٣-٠٤-2024",
]
STAMPS = [
    "2024-03-10T02:30:00.5+0100", "2024-03-10T02:30:00Z", "2024-03-31T01:59:59.999-05:00", "2024-10-27T03:00:00.123456789+05:30",
    "2024-11-03T01:30:00-04", "2024-11-03T01:30:00+01:30:45", "1999-12-31T23:59:60+00:00", "2024-01-01T00:00:00+24:00",
]


def strs():
    ids = list(range(1, N + 1))
    s = UNICODE + [None] * 4 + ["Hello World", "x", "ΟΔΟΣ", "café", "a,b;c", "  padded  ", "😀 smile", "straße"]
    s = s[:N]
    u = pick(["apple", "Apple", "APPLE", "b", "😀", "ｚ", "é", "e\u0301"], 0.1)
    p = (PRICES + PRICES)[:N]
    p[N - 1] = None
    iso = (ISO_TEXT * 3)[:N]
    iso[N - 2] = None
    dmy = (DMY * 4)[:N]
    us = (US * 4)[:N]
    stamps = (STAMPS * 5)[:N]
    misc = (MISC * 3)[:N]
    grp = pick(["a", "b"], 0.1)
    header = ["id", "s", "u", "p", "iso", "dmy", "us", "stamp", "misc", "grp"]
    types = {"id": "int", "s": "str", "u": "str", "p": "str", "iso": "str", "dmy": "str", "us": "str", "stamp": "str",
             "misc": "str", "grp": "str"}
    return text(header, [ids, s, u, p, iso, dmy, us, stamps, misc, grp]), types


# ---------------------------------------------------------------- dates.csv: datetimes across DST, leap days, year ends
SPECIAL_DATES = [
    "2024-02-29T12:00:00", "2000-02-29", "1900-03-01", "2023-12-31T23:59:59", "2024-01-01T00:00:00", "2020-12-31",
    "2021-01-03T23:00:00", "2021-01-04", "2019-12-30", "2024-03-10T02:30:00-05:00", "2024-03-31T01:30:00+01:00",
    "2024-10-27T02:30:00+02:00", "2024-11-03T01:30:00-04:00", "1969-12-31T23:59:59.999", "1970-01-01", "1960-06-15T08:45:30",
    "2024-12-30", "2026-01-01", "2027-01-01T06:00:00Z", "2024-06-30T23:59:59.5",
]


def dates():
    start = datetime(2023, 1, 1, tzinfo=timezone.utc)
    ids = list(range(1, N + 1))
    d = SPECIAL_DATES + [
        None if rng.random() < 0.15 else (start + timedelta(minutes=int(rng.integers(0, 800 * 24 * 60)))).strftime("%Y-%m-%dT%H:%M:%S")
        for _ in range(N - len(SPECIAL_DATES))
    ]
    e = [None if rng.random() < 0.1 else (start + timedelta(hours=int(rng.integers(-24 * 400, 24 * 800)))).strftime("%Y-%m-%dT%H:%M")
         for _ in range(N)]
    e[0] = "2024-02-29T11:00"  # 23 hours earlier than d: -1 day
    grp = pick(["x", "y"], 0.1)
    t = [int(rng.integers(0, 5)) for _ in range(N)]
    header = ["id", "d", "e", "grp", "t"]
    types = {"id": "int", "d": "dt", "e": "dt", "grp": "str", "t": "int"}
    return text(header, [ids, d, e, grp, t]), types


CSVS, TYPES = {}, {}
for name, make in [("nums.csv", nums), ("strs.csv", strs), ("dates.csv", dates)]:
    CSVS[name], TYPES[name] = make()


def write_csvs(out):
    for name, content in CSVS.items():
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
            f.write(content)
