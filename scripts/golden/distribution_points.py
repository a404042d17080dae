#!/usr/bin/python3
"""Hard points of the distribution routines (Student t tail and quantile, normal quantile, regularized
incomplete beta), evaluated exactly with mpmath at 60 digits: large degrees of freedom, tails near 1e-300,
x near 0 and 1, huge shape parameters.

Run: /usr/bin/python3 scripts/golden/distribution_points.py
Writes src/engine/stats/fixtures/distribution-points.json, read by distributions.stdlib.test.ts, which checks
the engine against these values and against @stdlib's independent implementations. Points where @stdlib itself
is off by more than 1e-9 relative carry "stdlib_off" with what was seen (the test then only checks that the
engine is the closer of the two to mpmath). Points where the engine is knowingly less exact than 1e-12 carry
"engine_tolerance": [tolerance, why].
"""
import json, os
import mpmath as mp
from scipy import stats

mp.mp.dps = 60
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "engine", "stats", "fixtures", "distribution-points.json")


def ibeta_series(x, a, b):
    """I_x(a, b) = x^a (1-x)^b / (a B(a, b)) 2F1(a+b, 1; a+1; x) (DLMF 8.17.8): mpmath's betainc gives up on huge
    a, b. Converges fast below the mean a / (a + b)."""
    x, a, b = mp.mpf(x), mp.mpf(a), mp.mpf(b)
    return mp.power(x, a) * mp.power(1 - x, b) / (a * mp.beta(a, b)) * mp.hyp2f1(a + b, 1, a + 1, x, maxterms=10**7)


def ibeta(x, a, b):
    """I_x(a, b); past the mean as 1 - I_{1-x}(b, a) (the value is then not small: the subtraction loses nothing)."""
    x, a, b = mp.mpf(x), mp.mpf(a), mp.mpf(b)
    return 1 - ibeta_series(1 - x, b, a) if x > a / (a + b) else ibeta_series(x, a, b)


def ibeta_upper(x, a, b):
    # 1 - I_x(a, b) = I_{1-x}(b, a), computed directly so tiny upper tails keep their digits
    return ibeta(1 - mp.mpf(x), b, a)


def t_sf(t, df):
    """P(T > t) for t >= 0: ½ I_{df/(df+t²)}(df/2, ½) where that argument is small (t² >= df), else
    ½ (1 - I_{t²/(df+t²)}(½, df/2)) with enough extra digits for the subtraction (about t²/4.6 are lost)."""
    t, df = mp.mpf(t), mp.mpf(df)
    if t * t >= df:
        return ibeta_series(df / (df + t * t), df / 2, mp.mpf(1) / 2) / 2
    with mp.workdps(mp.mp.dps + 20 + int(t * t / 4)):
        return +((1 - ibeta_series(t * t / (df + t * t), mp.mpf(1) / 2, df / 2)) / 2)


def t_quantile(p, df):
    """The t with P(T <= t) = p: Newton's method on log P(T > t) over log t with the exact density, from scipy's
    t.ppf (a start good to a digit or two; a dozen steps reach 60 digits)."""
    p, df = mp.mpf(p), mp.mpf(df)
    q = p if p < mp.mpf(1) / 2 else 1 - p
    c = mp.exp(mp.loggamma((df + 1) / 2) - mp.loggamma(df / 2)) / mp.sqrt(df * mp.pi)
    start = abs(float(stats.t.ppf(float(q), float(df))))
    # far out scipy overflows: start from the tail's power law, P(T > t) ~ c df^((df-1)/2) t^-df
    t = mp.mpf(start) if mp.isfinite(start) else mp.power(c * mp.power(df, (df - 1) / 2) / q, 1 / df)
    for _ in range(12):
        # Newton on log P(T > t) over log t: nearly linear in the tails, where the plain step overshoots
        sf = t_sf(t, df)
        density = c * mp.power(1 + t * t / df, -(df + 1) / 2)
        t *= mp.exp((mp.log(sf) - mp.log(q)) * sf / (t * density))
    return t if p > mp.mpf(1) / 2 else -t


def normal_quantile(p):
    """The x with Phi(x) = p: Newton's method on erfc (which keeps a lower tail's digits), from scipy's norm.ppf."""
    p = mp.mpf(p)
    x = mp.mpf(float(stats.norm.ppf(float(p))))
    for _ in range(8):
        x -= (mp.erfc(-x / mp.sqrt(2)) / 2 - p) / mp.npdf(x)
    return x


def num(v):
    return float(v)


def marks(stdlib_off, engine_tolerance):
    out = {}
    if stdlib_off:
        out["stdlib_off"] = stdlib_off
    if engine_tolerance:
        out["engine_tolerance"] = engine_tolerance
    return out


points = []
LOG_BETA = "log B(a, b) from log-gamma values of order 1e4 and more, which cancel to ~1e-12 and worse"
BEYOND = "degrees of freedom beyond any dataset (at most 1e6 rows); " + LOG_BETA

for x, a, b, upper, off, tol in [
    (1e-300, 0.5, 0.5, False, None, None),
    (1e-10, 2, 3, False, None, None),
    (1e-200, 0.1, 10, False, None, None),
    (1 - 1e-15, 3, 2, True, None, None),
    (0.5, 1000, 1000, False, None, None),
    (0.49, 5000, 5000, False, None, [1e-11, LOG_BETA]),
    (0.9, 1e-3, 1e-3, False, None, None),
    (0.516739580371654, 10.5, 1000, True, "4.5e-10 relative low (its continued fraction stops early this far in the tail)", None),
    (0.999, 0.5, 50, True, None, None),
]:
    value = ibeta_upper(x, a, b) if upper else ibeta(x, a, b)
    points.append({"fn": "incomplete_beta", "args": [x, a, b, upper], "value": num(value), **marks(off, tol)})

for t, df, off, tol in [
    (2, 10, None, None),
    (40, 10, None, None),
    (300, 3, None, None),
    (1e10, 2, None, None),
    (3, 0.5, None, None),
    (1e3, 1, None, None),
    (12, 30, None, None),
    (5, 1e6, None, [1e-10, LOG_BETA + "; within the 1e-9 of a p-value"]),
    (8, 1e9, None, [1e-7, BEYOND]),
    (37, 1e8, None, [1e-8, BEYOND]),
    (0.001, 1e7, None, None),
]:
    points.append({"fn": "student_t_sf", "args": [t, df], "value": num(t_sf(t, df)), **marks(off, tol)})

NEAR_MEDIAN = "solved on P(T > t) near 0.5, which holds ~1e-16 absolute: 5e-5 of a t of 2.6e-12 (a 1e-12-wide interval)"
for p, df, off, tol in [
    (0.975, 10, None, None),
    (1e-300, 5, None, None),
    (1e-100, 1e6, None, None),
    (1 - 1e-16, 3, None, None),
    (0.9, 1e9, None, None),
    (1e-20, 1, None, None),
    (0.5 + 1e-12, 7, "answers 0 (its result loses every digit next to the median)", [1e-4, NEAR_MEDIAN]),
    (1e-12, 2.5, None, None),
]:
    points.append({"fn": "student_t_quantile", "args": [p, df], "value": num(t_quantile(p, df)), **marks(off, tol)})

for p, off in [
    (1e-300, "answers -Infinity below about 1e-300"),
    (1e-100, "answers -Infinity"),
    (1e-10, "2e-9 relative off"),
    (0.5 - 1e-15, None),
    (0.975, None),
    (1 - 1e-16, None),
    (0.02425, None),
    (0.97575, None),
]:
    points.append({"fn": "normal_quantile", "args": [p], "value": num(normal_quantile(p)), **marks(off, None)})

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w", encoding="utf-8") as f:
    json.dump(points, f, indent=1)
    f.write("\n")
