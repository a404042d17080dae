#!/usr/bin/python3
"""Golden fixtures for the hypothesis-test kernels (src/engine/hypothesis) and their tail distributions
(src/engine/stats).

Run: /usr/bin/python3 scripts/golden/hypothesis.py   (scipy 1.10.1, numpy 1.24.2, mpmath 1.2.1; deterministic:
re-running writes the same bytes). Writes
  src/engine/hypothesis/fixtures/cases.json         one case per scipy.stats call: inputs, expected result
  src/engine/stats/fixtures/tail-distributions.json reference values of the tail functions

Every expected value is what scipy.stats returns with its defaults, with these marked exceptions:
- "reference": "mpmath": scipy's p-value of its own statistic differs from the exact value (mpmath at 50
  digits) by more than 1e-10 relative (its t, F or chi-square tails far out); the exact value is recorded.
- "reference": "exact": exact rational arithmetic for the discrete null distributions (Mann-Whitney U,
  Wilcoxon signed-rank, Kendall's tau) where scipy's floating-point recursion is off by more than 1e-10, or
  cannot run at all (scipy's exact Mann-Whitney recursion table for a sample of thousands does not fit in
  memory; the statistic is then scipy's and only the p-value is exact).
- "tolerance": "float32": Shapiro-Wilk. scipy's swilk computes in IEEE single precision and calls the C
  library's single-precision log/exp/asin, which are not correctly rounded (glibc's logf is off by one unit
  in the last place for ~0.7% of arguments, asinf for ~7%); the engine reproduces the float32 algorithm with
  correctly rounded operations, so W agrees bit for bit and the p-value to a few float32 units (the test
  allows 2e-5 relative or 1e-6 absolute).
Degenerate inputs record what scipy returns (NaN, inf) or, where scipy raises, the engine's error code.
Non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity".
"""
import json, math, os, re, warnings
from fractions import Fraction

import mpmath as mp
import numpy as np
from scipy import stats, special
from scipy.stats import _mannwhitneyu

mp.mp.dps = 50
ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "engine")
rng = np.random.default_rng(20240613)
ALTERNATIVES = ["two-sided", "less", "greater"]

# numpy's own RuntimeWarnings (0/0 and the like) are not scipy's warnings; everything else is.
NUMPY_NOISE = re.compile(r"divide by zero|invalid value|Degrees of freedom|Mean of empty|overflow encountered")


def enc(v):
    """A JSON-safe number: floats exact (repr round-trips), non-finite as strings."""
    if isinstance(v, np.ndarray) and v.ndim == 0:
        v = v.item()
    if isinstance(v, (list, tuple, np.ndarray)):
        return [enc(x) for x in v]
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def call(fn):
    """(result, warned) or raises; warned: scipy (not numpy) emitted a warning."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn()
    warned = any(not NUMPY_NOISE.search(str(w.message)) for w in caught)
    return result, warned


# ---------------------------------------------------------------- exact and high-precision references
def mp_betainc_lower(a, b, x):
    """I_x(a, b) by the convergent hypergeometric form (mpmath's betainc fails far in the tails)."""
    a, b, x = mp.mpf(a), mp.mpf(b), mp.mpf(x)
    if x <= 0:
        return mp.mpf(0)
    if x >= 1:
        return mp.mpf(1)
    if x > (a + 1) / (a + b + 2):
        return 1 - mp_betainc_lower(b, a, 1 - x)
    front = mp.exp(a * mp.log(x) + b * mp.log1p(-x) - mp.log(a) - mp.log(mp.beta(a, b)))
    try:
        return front * mp.hyp2f1(a + b, 1, a + 1, x, maxterms=10**7)
    except (ValueError, mp.libmp.NoConvergence):
        return mp.betainc(a, b, 0, x, regularized=True)


def mp_t_sf(t, df):
    t, df = mp.mpf(t), mp.mpf(df)
    if t < 0:
        return 1 - mp_t_sf(-t, df)
    return mp_betainc_lower(df / 2, mp.mpf(1) / 2, df / (df + t * t)) / 2


def mp_t_p(t, df, alternative):
    if alternative == "less":
        return mp_t_sf(-t, df)
    if alternative == "greater":
        return mp_t_sf(t, df)
    return 2 * mp_t_sf(abs(t), df)


def mp_chi2_sf(x, df):
    if x <= 0:
        return mp.mpf(1)
    return mp.gammainc(mp.mpf(df) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)


def mp_f_sf(f, dfn, dfd):
    if f <= 0:
        return mp.mpf(1)
    f = mp.mpf(f)
    return mp_betainc_lower(mp.mpf(dfd) / 2, mp.mpf(dfn) / 2, dfd / (dfd + dfn * f))


def mp_norm_sf(z):
    return mp.erfc(mp.mpf(z) / mp.sqrt(2)) / 2


def prefer_exact(case, scipy_p, exact_p, kind):
    """Keep scipy's p unless it is off the exact value by more than 1e-10 relative."""
    if not math.isfinite(scipy_p) or exact_p is None:
        return scipy_p
    exact = float(exact_p)
    if exact == 0 and scipy_p == 0:
        return scipy_p
    if exact < 1e-300 and scipy_p < 1e-300:
        return scipy_p
    if abs(scipy_p - exact) <= 1e-10 * exact:
        return scipy_p
    case["reference"] = kind
    case["note"] = f"scipy's p-value {scipy_p!r} is off the {kind} value by {abs(scipy_p - exact) / exact:.1e} relative"
    return exact


def mwu_exact_sf(u, n1, n2):
    """P(U >= u) exactly: Gaussian binomial coefficients in integers."""
    m, n = min(n1, n2), max(n1, n2)
    total = m * n
    degree = total - u
    counts = [0] * (degree + 1)
    counts[0] = 1
    for i in range(1, m + 1):
        up = n + i
        for k in range(degree, up - 1, -1):
            counts[k] -= counts[k - up]
        for k in range(i, degree + 1):
            counts[k] += counts[k - i]
    return Fraction(sum(counts), math.comb(n1 + n2, m))


def wilcoxon_counts(n):
    counts = [0] * (n * (n + 1) // 2 + 1)
    counts[0] = 1
    top = 0
    for k in range(1, n + 1):
        top += k
        for r in range(top, k - 1, -1):
            counts[r] += counts[r - k]
    return counts


def kendall_exact_p(n, c, alternative):
    """scipy's _kendall_p_exact in exact arithmetic (Mahonian numbers as integers)."""
    tot = n * (n - 1) // 2
    in_right = c >= tot - c
    c = min(c, tot - c)
    if n <= 2:
        return None
    counts = [1]
    for j in range(2, n + 1):
        new = [0] * min(len(counts) + j - 1, c + 1)
        for k in range(len(new)):
            new[k] = sum(counts[max(0, k - j + 1):min(k, len(counts) - 1) + 1])
        counts = new
    fact = math.factorial(n)
    two = Fraction(2 * sum(counts[:c + 1]), fact)
    mass = Fraction(counts[c], fact)
    if 4 * c == n * (n - 1) and alternative == "two-sided":
        return Fraction(1)
    if alternative == "two-sided":
        p = two
    elif in_right == (alternative == "greater"):
        p = two / 2
    else:
        p = 1 - two / 2 + mass
    return min(Fraction(1), max(Fraction(0), p))


# ---------------------------------------------------------------- case collection
CASES = []


def add(cid, test, inputs, expected, **extra):
    assert all(c["id"] != cid for c in CASES), cid
    CASES.append({"id": cid, "test": test, "input": inputs, "expected": expected, **extra})


def error(cid, test, inputs, fn, code):
    """A case where scipy raises: the engine must throw EngineError(code)."""
    try:
        fn()
    except (ValueError, TypeError, ZeroDivisionError):
        add(cid, test, inputs, {"error": code})
        return
    raise AssertionError(f"{cid}: scipy did not raise")


def arr(x, digits=None):
    x = np.asarray(x, dtype=float)
    return np.round(x, digits) if digits is not None else x


def tune(make, p_of, target=1e-300, lo=0.0, hi=300.0):
    """Bisect a shift so that p_of(make(shift)) lands within a factor 10 above `target` (p falls with shift)."""
    for _ in range(200):
        mid = (lo + hi) / 2
        p = p_of(make(mid))
        if target <= p <= 10 * target:
            return make(mid)
        if p > 10 * target:
            lo = mid
        else:
            hi = mid
    raise AssertionError("tuning failed")


def normal(n, loc=0.0, scale=1.0, digits=6):
    return arr(rng.normal(loc, scale, n), digits)


# ---------------------------------------------------------------- normality
def one_sample(test, cid, x, fn, extract, **inputs):
    x = arr(x)
    res, warned = call(lambda: fn(x))
    expected = {**extract(res), "sizes": [len(x)], "warns": warned}
    add(f"{test}/{cid}", test, {"x": enc(x), **inputs}, expected)
    return CASES[-1]


def shapiro_cases():
    ext = lambda r: {"statistic": enc(r.statistic), "pValue": enc(r.pvalue)}
    f32 = {"tolerance": "float32"}
    for i, x in enumerate([[1.0, 2.0, 4.0], [3.0, 1.0, 2.0], [1.0, 1.0, 5.0], [0.1, 0.2, 0.300001], [-5.0, 7.5, 100.0]]):
        one_sample("shapiro", f"n3-{i}", x, stats.shapiro, ext).update(f32)
    for n in [4, 5, 6, 7, 8, 11, 12, 13, 20, 50, 200, 1000]:
        one_sample("shapiro", f"normal-n{n}", normal(n, 10, 2), stats.shapiro, ext).update(f32)
    one_sample("shapiro", "exponential-n30", arr(rng.exponential(1, 30), 6), stats.shapiro, ext).update(f32)
    one_sample("shapiro", "exponential-n500", arr(rng.exponential(1, 500), 6), stats.shapiro, ext).update(f32)
    one_sample("shapiro", "ties-n40", arr(np.round(rng.normal(0, 1, 40))), stats.shapiro, ext).update(f32)
    one_sample("shapiro", "outlier-n100", np.append(normal(99), 1e6), stats.shapiro, ext).update(f32)
    one_sample("shapiro", "offset-n60", 1e9 + normal(60, 0, 1e-3), stats.shapiro, ext).update(f32)
    one_sample("shapiro", "constant-n10", np.full(10, 3.25), stats.shapiro, ext).update(f32)
    one_sample("shapiro", "constant-n3", np.full(3, -1.0), stats.shapiro, ext).update(f32)
    one_sample("shapiro", "n5000", normal(5000, 0, 1, 4), stats.shapiro, ext).update(f32)
    one_sample("shapiro", "n5001-warns", arr(rng.uniform(0, 1, 5001), 5), stats.shapiro, ext).update(f32)
    one_sample("shapiro", "small-p-n11", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100.0], stats.shapiro, ext).update(f32)
    error("shapiro/n2", "shapiro", {"x": [1.0, 2.0]}, lambda: stats.shapiro([1.0, 2.0]), "insufficient_data")


def normaltest_cases():
    ext = lambda r: {"statistic": enc(r.statistic), "pValue": enc(r.pvalue), "df": 2}
    for n in [8, 19, 20, 100, 1000]:
        one_sample("normaltest", f"normal-n{n}", normal(n, 5, 3), stats.normaltest, ext)
    one_sample("normaltest", "uniform-n500", arr(rng.uniform(0, 1, 500), 6), stats.normaltest, ext)
    one_sample("normaltest", "exponential-n2000", arr(rng.exponential(1, 2000), 6), stats.normaltest, ext)
    one_sample("normaltest", "cauchy-n5000", arr(rng.standard_cauchy(5000), 6), stats.normaltest, ext)
    one_sample("normaltest", "constant-n30", np.full(30, 2.5), stats.normaltest, ext)
    one_sample("normaltest", "symmetric-n8", [1.0, 2, 3, 4, 5, 6, 7, 8], stats.normaltest, ext)
    error("normaltest/n7", "normaltest", {"x": [1.0, 2, 3, 4, 5, 6, 8]}, lambda: stats.normaltest([1.0, 2, 3, 4, 5, 6, 8]), "insufficient_data")
    data = {"skewed": arr(rng.gamma(2, 1, 60), 6), "symmetric": normal(25)}
    for name, x in data.items():
        for alt in ALTERNATIVES:
            one_sample("skewtest", f"{name}-{alt}", x, lambda v: stats.skewtest(v, alternative=alt), ext_z, alternative=alt)
            one_sample("kurtosistest", f"{name}-{alt}", x, lambda v: stats.kurtosistest(v, alternative=alt), ext_z, alternative=alt)
    one_sample("kurtosistest", "n5-warns", [1.0, 2, 3, 4, 9], stats.kurtosistest, ext_z, alternative="two-sided")
    error("kurtosistest/n4", "kurtosistest", {"x": [1.0, 2, 3, 4], "alternative": "two-sided"},
          lambda: stats.kurtosistest([1.0, 2, 3, 4]), "insufficient_data")
    one_sample("skewtest", "n8", [1.0, 2, 3, 4, 5, 6, 7, 30], stats.skewtest, ext_z, alternative="two-sided")
    one_sample("skewtest", "zero-skew", [1.0, 2, 3, 4, 5, 6, 7, 8, 9], stats.skewtest, ext_z, alternative="two-sided")
    error("skewtest/n7", "skewtest", {"x": [1.0, 2, 3, 4, 5, 6, 7], "alternative": "two-sided"},
          lambda: stats.skewtest([1.0, 2, 3, 4, 5, 6, 7]), "insufficient_data")


def ext_z(r):
    return {"statistic": enc(r.statistic), "pValue": enc(r.pvalue)}


def kstest_cases():
    def run(cid, x, alt="two-sided"):
        x = arr(x)
        fit = stats.norm.fit(x) if len(x) else (np.nan, np.nan)
        res, warned = call(lambda: stats.kstest(x, "norm", args=fit, alternative=alt))
        add(f"kstest_norm/{cid}", "kstest_norm", {"x": enc(x), "alternative": alt},
            {"statistic": enc(res.statistic), "pValue": enc(res.pvalue), "mean": enc(fit[0]),
             "standardDeviation": enc(fit[1]), "sizes": [len(x)], "warns": warned})
    run("n1", [4.0])
    run("n2", [1.0, 3.0])
    run("constant", np.full(12, 7.0))
    for n in [5, 20, 60, 140, 141, 500, 2000]:
        run(f"normal-n{n}", normal(n, 1, 4))
    run("exponential-n50", arr(rng.exponential(2, 50), 6))
    run("exponential-n1000", arr(rng.exponential(2, 1000), 6))
    run("uniform-n300", arr(rng.uniform(0, 1, 300), 6))
    run("ties-n100", arr(np.round(rng.normal(0, 2, 100))))
    bimodal = np.concatenate([normal(1500, -10, 0.01), normal(1500, 10, 0.01)])
    run("bimodal-n3000", bimodal)
    run("two-points-n1400", np.repeat([0.0, 1.0], [1399, 1]))
    for alt in ["less", "greater"]:
        run(f"exponential-n80-{alt}", arr(rng.exponential(1, 80), 6), alt)
        run(f"normal-n15-{alt}", normal(15), alt)
        run(f"skewed-n3000-{alt}", arr(rng.exponential(1, 3000), 6), alt)
    error("kstest_norm/n0", "kstest_norm", {"x": [], "alternative": "two-sided"},
          lambda: stats.kstest(np.array([]), "norm", args=(0.0, 1.0)), "insufficient_data")


def jarque_bera_cases():
    ext = lambda r: {"statistic": enc(r.statistic), "pValue": enc(r.pvalue), "df": 2}
    for cid, x in [("n1", [2.0]), ("n2", [1.0, 5.0]), ("n5", [1.0, 2, 3, 4, 10]), ("normal-n50", normal(50)),
                   ("normal-n1000", normal(1000)), ("constant", np.full(20, 1.5)),
                   ("exponential-n100", arr(rng.exponential(1, 100), 6))]:
        c = one_sample("jarque_bera", cid, x, stats.jarque_bera, ext)
        check_chi2(c, 2)
    base = normal(2000)
    c = one_sample("jarque_bera", "tail-1e-300", tune(lambda k: np.append(base, k), lambda v: stats.jarque_bera(v).pvalue), stats.jarque_bera, ext)
    check_chi2(c, 2)
    one_sample("jarque_bera", "underflow", np.append(normal(3000), [50.0, -60.0, 80.0]), stats.jarque_bera, ext)
    error("jarque_bera/n0", "jarque_bera", {"x": []}, lambda: stats.jarque_bera(np.array([])), "insufficient_data")


def check_chi2(case, df):
    e = case["expected"]
    if isinstance(e.get("statistic"), float):
        e["pValue"] = enc(prefer_exact(case, float(e["pValue"]), mp_chi2_sf(e["statistic"], df), "mpmath"))


def anderson_cases():
    def run(cid, x):
        x = arr(x)
        res, warned = call(lambda: stats.anderson(x, "norm"))
        add(f"anderson/{cid}", "anderson", {"x": enc(x)},
            {"statistic": enc(res.statistic), "criticalValues": enc(res.critical_values),
             "significanceLevels": enc(res.significance_level), "sizes": [len(x)], "warns": warned})
    for cid, x in [("n1", [3.0]), ("n2", [1.0, 2.0]), ("n3", [1.0, 2.0, 10.0]), ("n5", [1.0, 2, 3, 4, 10]),
                   ("normal-n10", normal(10)), ("normal-n50", normal(50, 100, 10)), ("normal-n1000", normal(1000)),
                   ("exponential-n100", arr(rng.exponential(1, 100), 6)), ("constant", np.full(8, 4.0)),
                   ("outlier-n10000", np.append(normal(9999, 0, 1, 4), 1e4)), ("ties-n60", np.round(normal(60, 0, 3)))]:
        run(cid, x)
    error("anderson/n0", "anderson", {"x": []}, lambda: stats.anderson(np.array([]), "norm"), "insufficient_data")


# ---------------------------------------------------------------- location
def t_case(test, cid, samples, fn, **inputs):
    samples = [arr(s) for s in samples]
    res, warned = call(lambda: fn(*samples))
    df = getattr(res, "df", None)
    if df is None:
        df = t_ind_df(samples, inputs.get("equalVariances", True))
    expected = {"statistic": enc(res.statistic), "pValue": enc(res.pvalue), "df": enc(df),
                "sizes": [len(s) for s in samples] if test == "ttest_ind" else [len(samples[0])], "warns": warned}
    case = {"id": f"{test}/{cid}"}
    t = float(res.statistic)
    if math.isfinite(t) and math.isfinite(float(df)) and float(df) > 0:
        expected["pValue"] = enc(prefer_exact(case, float(res.pvalue), mp_t_p(t, float(df), inputs.get("alternative", "two-sided")), "mpmath"))
    add(case["id"], test, {"samples": [enc(s) for s in samples], **inputs}, expected, **{k: v for k, v in case.items() if k != "id"})


def t_ind_df(samples, equal_var):
    """ttest_ind (scipy 1.10) does not report df: scipy's own formula (`_equal_var_ttest_denom` /
    `_unequal_var_ttest_denom`) on scipy's variances."""
    a, b = samples
    n1, n2 = len(a), len(b)
    if n1 == 0 or n2 == 0:
        return np.nan
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        v1, v2 = stats._stats_py._var(a, 0, ddof=1), stats._stats_py._var(b, 0, ddof=1)
        if equal_var:
            return stats._stats_py._equal_var_ttest_denom(v1, n1, v2, n2)[0]
        return stats._stats_py._unequal_var_ttest_denom(v1, n1, v2, n2)[0]


def ttest_cases():
    x = normal(25, 10.3, 2)
    for alt in ALTERNATIVES:
        t_case("ttest_1samp", f"n25-{alt}", [x], lambda s: stats.ttest_1samp(s, 10.0, alternative=alt), populationMean=10.0, alternative=alt)
    for cid, s, mu in [("n1", [3.0], 1.0), ("n0", [], 0.0), ("n2", [1.0, 4.0], 0.0), ("constant-equal", np.full(5, 2.0), 2.0),
                       ("constant-above", np.full(5, 2.0), 1.0), ("constant-below", np.full(5, 2.0), 3.0),
                       ("offset-n40", 1e9 + normal(40, 0, 1e-3), 1e9), ("n1000", normal(1000, 0.05), 0.0)]:
        t_case("ttest_1samp", cid, [s], lambda v: stats.ttest_1samp(v, mu), populationMean=mu, alternative="two-sided")
    base = normal(30, 0, 1)
    tail = tune(lambda k: base + 10 ** (k / 10), lambda v: stats.ttest_1samp(v, 0.0).pvalue)
    t_case("ttest_1samp", "tail-1e-300", [tail], lambda v: stats.ttest_1samp(v, 0.0), populationMean=0.0, alternative="two-sided")
    t_case("ttest_1samp", "underflow", [base * 1e-12 + 5], lambda v: stats.ttest_1samp(v, 0.0), populationMean=0.0, alternative="two-sided")
    t_case("ttest_1samp", "tail-greater", [base + 2.5], lambda v: stats.ttest_1samp(v, 0.0, alternative="greater"), populationMean=0.0, alternative="greater")

    a, b = normal(20, 5, 1), normal(35, 5.8, 2.5)
    for eq in [True, False]:
        for alt in ALTERNATIVES:
            t_case("ttest_ind", f"{'student' if eq else 'welch'}-{alt}", [a, b],
                   lambda u, v: stats.ttest_ind(u, v, equal_var=eq, alternative=alt), equalVariances=eq, alternative=alt)
    pairs = [("unequal-5-200", normal(5, 1), normal(200, 0, 3)), ("n1-n1", [1.0], [2.0]), ("n1-n5", [1.0], [2.0, 3, 4, 5, 6]),
             ("n2-n2", [1.0, 2.0], [3.0, 5.0]), ("empty", [], [1.0, 2.0]), ("constant-same", np.full(4, 1.0), np.full(6, 1.0)),
             ("constant-different", np.full(4, 1.0), np.full(6, 2.0)), ("offset", 1e9 + normal(30, 0, 1e-3), 1e9 + normal(30, 1e-4, 1e-3)),
             ("identical-means", [1.0, 2, 3], [0.0, 2, 4]), ("large", normal(2000, 0, 1, 4), normal(1500, 0.08, 1.5, 4))]
    for cid, u, v in pairs:
        for eq in [True, False]:
            t_case("ttest_ind", f"{cid}-{'student' if eq else 'welch'}", [u, v],
                   lambda p, q: stats.ttest_ind(p, q, equal_var=eq), equalVariances=eq, alternative="two-sided")
    u0, v0 = normal(40), normal(40)
    tail = tune(lambda k: (u0, v0 + 10 ** (k / 10)), lambda s: stats.ttest_ind(*s).pvalue)
    t_case("ttest_ind", "tail-1e-300-student", list(tail), lambda p, q: stats.ttest_ind(p, q), equalVariances=True, alternative="two-sided")
    tail = tune(lambda k: (u0[:12], v0 * 3 + 10 ** (k / 10)), lambda s: stats.ttest_ind(*s, equal_var=False).pvalue)
    t_case("ttest_ind", "tail-1e-300-welch", list(tail), lambda p, q: stats.ttest_ind(p, q, equal_var=False), equalVariances=False, alternative="two-sided")
    t_case("ttest_ind", "underflow", [u0, v0 + 1e6], lambda p, q: stats.ttest_ind(p, q), equalVariances=True, alternative="two-sided")

    before, after = normal(30, 100, 15), None
    after = before + normal(30, 2, 5)
    for alt in ALTERNATIVES:
        t_case("ttest_rel", f"n30-{alt}", [before, after], lambda p, q: stats.ttest_rel(p, q, alternative=alt), alternative=alt)
    for cid, p, q in [("n1", [1.0], [2.0]), ("n0", [], []), ("n2", [1.0, 2.0], [0.5, 2.7]), ("identical", [1.0, 2, 3], [1.0, 2, 3]),
                      ("constant-shift", [1.0, 2, 3], [0.5, 1.5, 2.5]), ("offset", 1e9 + normal(20, 0, 1e-3), 1e9 + normal(20, 0, 1e-3))]:
        t_case("ttest_rel", cid, [p, q], lambda u, v: stats.ttest_rel(u, v), alternative="two-sided")
    base = normal(25)
    tail = tune(lambda k: (base, base * 1.001 + 10 ** (k / 10)), lambda s: stats.ttest_rel(*s).pvalue)
    t_case("ttest_rel", "tail-1e-300", list(tail), lambda u, v: stats.ttest_rel(u, v), alternative="two-sided")
    error("ttest_rel/unequal-lengths", "ttest_rel", {"samples": [[1.0, 2.0, 3.0], [1.0, 2.0]], "alternative": "two-sided"},
          lambda: stats.ttest_rel([1.0, 2.0, 3.0], [1.0, 2.0]), "invalid_input")


def mwu_method(x, y):
    xy = np.concatenate([x, y])[None, :]
    return "exact" if _mannwhitneyu._mwu_choose_method(len(x), len(y), xy, "auto") == "exact" else "asymptotic"


def mwu_case(cid, x, y, alt="two-sided", exact_only=False):
    x, y = arr(x), arr(y)
    method = mwu_method(x, y) if len(x) and len(y) else "asymptotic"
    case = {"id": f"mannwhitneyu/{cid}"}
    if exact_only:
        # scipy's exact recursion for these sizes needs a table far larger than memory: the statistic is
        # scipy's (from its asymptotic call), the p-value is computed exactly.
        res, warned = call(lambda: stats.mannwhitneyu(x, y, alternative=alt, method="asymptotic"))
        u1 = float(res.statistic)
        u2 = len(x) * len(y) - u1
        u = {"greater": u1, "less": u2}.get(alt, max(u1, u2))
        p = min(Fraction(1), mwu_exact_sf(int(u), len(x), len(y)) * (2 if alt == "two-sided" else 1))
        case.update(reference="exact", note="scipy's exact recursion cannot run at this size; exact rational p-value")
        pvalue = float(p)
    else:
        res, warned = call(lambda: stats.mannwhitneyu(x, y, alternative=alt))
        pvalue = float(res.pvalue)
        if method == "exact":
            u1 = float(res.statistic)
            u2 = len(x) * len(y) - u1
            u = {"greater": u1, "less": u2}.get(alt, max(u1, u2))
            exact = min(Fraction(1), mwu_exact_sf(int(u), len(x), len(y)) * (2 if alt == "two-sided" else 1))
            pvalue = prefer_exact(case, pvalue, exact, "exact")
    add(case["id"], "mannwhitneyu", {"samples": [enc(x), enc(y)], "alternative": alt},
        {"statistic": enc(res.statistic), "pValue": enc(pvalue), "method": method, "sizes": [len(x), len(y)], "warns": warned},
        **{k: v for k, v in case.items() if k != "id"})


def mannwhitneyu_cases():
    x, y = normal(5, 0.5), normal(7)
    for alt in ALTERNATIVES:
        mwu_case(f"exact-5-7-{alt}", x, y, alt)
        mwu_case(f"asymptotic-20-30-{alt}", normal(20, 0.4), normal(30), alt)
    for cid, u, v in [("exact-8-8", normal(8, 1), normal(8)), ("asymptotic-9-9", normal(9, 1), normal(9)),
                      ("exact-9-8", normal(9, 1), normal(8)), ("exact-8-50", normal(8, 0.7), normal(50)),
                      ("exact-3-100", normal(3, 1.5), normal(100)), ("exact-1-1", [1.0], [2.0]), ("exact-1-5", [10.0], [1.0, 2, 3, 4, 5]),
                      ("exact-2-9-separated", [100.0, 101.0], normal(9)), ("ties-5-5", [1.0, 2, 2, 3, 4], [2.0, 3, 3, 5, 6]),
                      ("ties-8-50", np.round(normal(8, 0.5, 1)), np.round(normal(50))), ("all-tied", np.full(6, 1.0), np.full(4, 1.0)),
                      ("asymptotic-100-150", normal(100, 0.2), normal(150)),
                      ("exact-center", [1.0, 4.0], [2.0, 3.0])]:
        mwu_case(cid, u, v)
    error("mannwhitneyu/empty", "mannwhitneyu", {"samples": [[], [1.0, 2.0]], "alternative": "two-sided"},
          lambda: stats.mannwhitneyu(np.array([]), [1.0, 2.0]), "insufficient_data")
    u0, v0 = normal(1000), normal(1000)
    tail = tune(lambda k: (u0, v0 + k), lambda s: stats.mannwhitneyu(*s).pvalue)
    mwu_case("tail-1e-300", *tail)
    mwu_case("underflow", u0, v0 + 1e3)
    for alt in ["two-sided", "less"]:
        mwu_case(f"exact-3-2000-{alt}", [0.5, 1.9, 2.2], normal(2000), alt, exact_only=True)
    mwu_case("exact-8-1000", normal(8, 2.5), normal(1000), exact_only=True)


def wilcoxon_case(cid, x, y=None, alt="two-sided"):
    x = arr(x)
    y = None if y is None else arr(y)
    d = x if y is None else x - y
    inputs = {"samples": [enc(x)] if y is None else [enc(x), enc(y)], "alternative": alt}
    if len(d) and np.all(d == 0):
        error(f"wilcoxon/{cid}", "wilcoxon", inputs, lambda: stats.wilcoxon(x, y, alternative=alt), "insufficient_data")
        return
    res, warned = call(lambda: stats.wilcoxon(x, y, alternative=alt))
    zeros = int(np.sum(d == 0))
    method = "exact" if len(d) <= 50 and zeros == 0 else "asymptotic"
    used = len(d) - (zeros if method == "asymptotic" else 0)
    case = {"id": f"wilcoxon/{cid}"}
    pvalue = float(res.pvalue)
    if method == "exact" and used > 0:
        # scipy 1.10 truncates a tied (half-integer) R+ before summing its exact distribution.
        r = stats.rankdata(np.abs(d))
        r_plus = int(np.sum((d > 0) * r))
        counts = wilcoxon_counts(used)
        top = len(counts) - 1
        below, above = Fraction(sum(counts[: r_plus + 1]), 2**used), Fraction(sum(counts[r_plus:]), 2**used)
        exact = {"greater": above, "less": below}.get(alt, Fraction(1) if r_plus == top // 2 else min(Fraction(1), 2 * min(above, below)))
        pvalue = prefer_exact(case, pvalue, exact, "exact")
    add(case["id"], "wilcoxon", inputs,
        {"statistic": enc(res.statistic), "pValue": enc(pvalue), "method": method, "zeroDifferences": zeros,
         "sizes": [used], "warns": warned}, **{k: v for k, v in case.items() if k != "id"})


def wilcoxon_cases():
    d = normal(20, 0.4)
    for alt in ALTERNATIVES:
        wilcoxon_case(f"exact-n20-{alt}", d, alt=alt)
        wilcoxon_case(f"approx-n80-{alt}", normal(80, 0.2), alt=alt)
    a = normal(30, 10)
    for alt in ALTERNATIVES:
        wilcoxon_case(f"paired-n30-{alt}", a, a + normal(30, -0.3), alt=alt)
    for cid, x in [("n1", [2.0]), ("n1-negative", [-2.0]), ("n5", [1.0, -2, 3, 4, 5]), ("n50", normal(50, 0.3)),
                   ("n51", normal(51, 0.3)), ("ties-exact", [1.0, 1, -2, 3, 3, 3, -4, 5, 6, 6]),
                   ("ties-exact-half", [1.0, -1, 2, 3, -3, 4]), ("zero-exact-range", [0.0, 1, -2, 3, 4, 5, -6, 7, 8, 9, 10, 11]),
                   ("zero-small", [0.0, 1, 2, -3, 4]), ("ties-approx", np.round(normal(70, 0.3, 2))), ("empty", []),
                   ("center", [1.0, -2, 3, -4, -5, 6])]:
        wilcoxon_case(cid, x)
    wilcoxon_case("all-zero-exact", [0.0, 0.0, 0.0])
    wilcoxon_case("all-zero-paired", [1.0, 2.0], [1.0, 2.0])
    base = np.abs(normal(2000)) + 0.01
    signs = np.where(np.arange(2000) % 2 == 0, 1.0, -1.0)
    tail = tune(lambda k: base * np.where(np.arange(2000) < k * 20, 1.0, signs), lambda v: stats.wilcoxon(v).pvalue)
    wilcoxon_case("tail-1e-300", tail)
    wilcoxon_case("underflow", base[:1990])


# ---------------------------------------------------------------- groups
def group_case(test, cid, groups, fn, df=None, sizes=None, **inputs):
    groups = [arr(g) for g in groups]
    inputs = {"samples": [enc(g) for g in groups], **inputs}
    res, warned = call(lambda: fn(*groups))
    sizes = sizes if sizes is not None else [len(g) for g in groups]
    expected = {"statistic": enc(res.statistic), "pValue": enc(res.pvalue), "sizes": sizes, "warns": warned}
    case = {"id": f"{test}/{cid}"}
    if df is not None:
        expected["df"] = enc(df)
        stat = float(res.statistic)
        if math.isfinite(stat) and stat > 0 and math.isfinite(float(res.pvalue)):
            exact = mp_f_sf(stat, *df) if isinstance(df, list) else mp_chi2_sf(stat, df)
            expected["pValue"] = enc(prefer_exact(case, float(res.pvalue), exact, "mpmath"))
    add(case["id"], test, inputs, expected, **{k: v for k, v in case.items() if k != "id"})


def anova_df(groups):
    return [len(groups) - 1, sum(len(g) for g in groups) - len(groups)]


def anova_cases():
    sets = {
        "k2": [normal(12, 1), normal(15, 1.4)],
        "k3-unequal": [normal(5, 0), normal(40, 0.3), normal(200, 0.1)],
        "k5": [normal(10, i * 0.2, 1 + i * 0.1) for i in range(5)],
        "k8-n2000": [normal(2000 + 100 * i, 0.01 * i, 1, 4) for i in range(8)],
        "offset": [1e9 + normal(20, 0, 1e-3), 1e9 + normal(20, 1e-3, 1e-3), 1e9 + normal(20, 0, 1e-3)],
        "constant-groups": [np.full(3, 1.0), np.full(4, 2.0), np.full(2, 2.0)],
        "constant-same": [np.full(3, 5.0), np.full(4, 5.0)],
        "one-value-groups": [[1.0], [2.0], [4.0]],
        "one-value-and-more": [[1.0], [2.0, 3.0], [4.0]],
        "empty-group": [[], [1.0, 2.0], [3.0, 4.0]],
        "equal-means": [[1.0, 2, 3], [0.0, 2, 4], [2.0, 2, 2]],
    }
    for cid, groups in sets.items():
        group_case("f_oneway", cid, groups, stats.f_oneway, anova_df(groups))
    base = [normal(30), normal(30), normal(30)]
    tail = tune(lambda k: [base[0], base[1] + 10 ** (k / 30), base[2] - 10 ** (k / 30)], lambda g: stats.f_oneway(*g).pvalue)
    group_case("f_oneway", "tail-1e-300", tail, stats.f_oneway, anova_df(tail))
    group_case("f_oneway", "underflow", [base[0], base[1] + 1e4], stats.f_oneway, anova_df(base[:2]))
    error("f_oneway/one-group", "f_oneway", {"samples": [[1.0, 2.0, 3.0]]}, lambda: stats.f_oneway([1.0, 2.0, 3.0]), "insufficient_data")

    sets = {
        "k2": [normal(12, 1), normal(15, 1.4)],
        "k3": [normal(8, 0), normal(9, 0.5), normal(30, 1)],
        "ties": [np.round(normal(20, 0, 2)), np.round(normal(25, 0.5, 2)), np.round(normal(15, 1, 2))],
        "k2-n1": [[1.0], [2.0]],
        "empty-group": [[], [1.0, 2.0]],
        "separated": [[1.0, 2, 3], [4.0, 5, 6], [7.0, 8, 9]],
    }
    for cid, groups in sets.items():
        group_case("kruskal", cid, groups, stats.kruskal, len(groups) - 1)
    base = [normal(1200), normal(1200)]
    tail = tune(lambda k: [base[0], base[1] + k], lambda g: stats.kruskal(*g).pvalue)
    group_case("kruskal", "tail-1e-300", tail, stats.kruskal, 1)
    group_case("kruskal", "underflow", [base[0], base[1] + 100], stats.kruskal, 1)
    error("kruskal/identical", "kruskal", {"samples": [[2.0, 2.0], [2.0, 2.0, 2.0]]}, lambda: stats.kruskal([2.0, 2.0], [2.0, 2.0, 2.0]), "insufficient_data")
    error("kruskal/one-group", "kruskal", {"samples": [[1.0, 2.0]]}, lambda: stats.kruskal([1.0, 2.0]), "insufficient_data")

    sets = {
        "k2": [normal(15, 0, 1), normal(18, 0, 2)],
        "k4": [normal(25, 0, 1 + 0.3 * i) for i in range(4)],
        "k8-n600": [normal(600, 0, 1 + 0.02 * i, 4) for i in range(8)],
        "small": [[1.0, 2, 3], [2.0, 4, 6, 8]],
        "constant-groups": [np.full(4, 1.0), np.full(3, 2.0)],
    }
    for center in ["median", "mean", "trimmed"]:
        for cid, groups in sets.items():
            def lev(*g, c=center):
                return stats.levene(*g, center=c)
            trimmed = [np.sort(g)[int(0.05 * len(g)): len(g) - int(0.05 * len(g))] for g in map(arr, groups)] if center == "trimmed" else groups
            # "trimmed" runs the whole test on the trimmed groups: those are the sizes used.
            group_case("levene", f"{center}-{cid}", groups, lev, anova_df(trimmed), [len(g) for g in trimmed], center=center)
    base = [normal(50), normal(50)]
    signs = np.where(np.arange(50) % 2 == 0, 1.0, -1.0)
    tail = tune(lambda k: [base[0], signs * 10 ** (k / 20) + base[1] * 1e-3], lambda g: stats.levene(*g).pvalue)
    group_case("levene", "tail-1e-300", tail, stats.levene, anova_df(tail), center="median")
    error("levene/one-group", "levene", {"samples": [[1.0, 2.0]], "center": "median"}, lambda: stats.levene([1.0, 2.0]), "insufficient_data")


# ---------------------------------------------------------------- counts and association
def contingency_case(cid, table):
    table = np.asarray(table, dtype=float)
    inputs = {"table": enc(table.ravel()), "rows": table.shape[0], "columns": table.shape[1]}
    try:
        res, warned = call(lambda: stats.chi2_contingency(table))
    except ValueError:
        code = "invalid_input" if np.any(table < 0) else "insufficient_data"
        add(f"chi2_contingency/{cid}", "chi2_contingency", inputs, {"error": code})
        return
    case = {"id": f"chi2_contingency/{cid}"}
    expected = {"statistic": enc(res.statistic), "pValue": enc(res.pvalue), "df": int(res.dof),
                "expected": enc(res.expected_freq), "yatesCorrection": bool(res.dof == 1),
                "sizes": [enc(table.sum())], "warns": warned}
    if res.dof > 0 and float(res.statistic) > 0:
        expected["pValue"] = enc(prefer_exact(case, float(res.pvalue), mp_chi2_sf(float(res.statistic), int(res.dof)), "mpmath"))
    add(case["id"], "chi2_contingency", inputs, expected, **{k: v for k, v in case.items() if k != "id"})


def contingency_cases():
    tables = {
        "2x2": [[10, 20], [30, 40]], "2x2-small-cells": [[1, 2], [3, 1]], "2x2-diff-below-half": [[10, 10], [10, 11]],
        "2x2-balanced": [[5, 5], [5, 5]], "2x2-zero-cell": [[0, 12], [9, 4]], "2x2-strong": [[100, 1], [2, 90]],
        "2x3": [[12, 5, 7], [3, 9, 14]], "3x3": [[20, 15, 30], [25, 20, 15], [10, 30, 25]],
        "4x5-zeros": [[5, 0, 3, 2, 8], [0, 4, 6, 1, 0], [7, 2, 0, 9, 3], [1, 1, 1, 0, 12]],
        "1x4": [[3, 5, 2, 8]], "3x1": [[3], [5], [2]], "weights": [[1.5, 2.25], [3.75, 0.5]],
        "zero-row": [[0, 0], [3, 4]], "zero-column": [[0, 5, 1], [0, 2, 2]], "negative": [[1, -1], [2, 3]], "empty": np.zeros((0, 2)),
        "2x2-underflow": [[5000, 10], [10, 5000]], "3x4-large": [[400, 350, 100, 30], [120, 300, 340, 90], [20, 60, 210, 520]],
    }
    for cid, table in tables.items():
        contingency_case(cid, table)
    base = np.array([[700, 600], [600, 700]], dtype=float)
    tail = tune(lambda k: base + np.array([[k * 10, -k * 10], [-k * 10, k * 10]]), lambda t: stats.chi2_contingency(t).pvalue, hi=60)
    contingency_case("2x2-tail-1e-300", tail)


def chisquare_case(cid, observed, expected=None, kind="counts", ddof=0):
    observed = arr(observed)
    inputs = {"observed": enc(observed), "ddof": ddof}
    f_exp = None
    if expected is not None:
        inputs.update(expected=enc(arr(expected)), expectedAre=kind)
        f_exp = arr(expected) * (observed.sum() if kind == "proportions" else 1)
    try:
        res, warned = call(lambda: stats.chisquare(observed, f_exp=f_exp, ddof=ddof))
    except ValueError:
        add(f"chisquare/{cid}", "chisquare", inputs, {"error": "invalid_input"})
        return
    case = {"id": f"chisquare/{cid}"}
    df = len(observed) - 1 - ddof
    used = f_exp if f_exp is not None else np.full(len(observed), observed.mean())
    result = {"statistic": enc(res.statistic), "pValue": enc(res.pvalue), "df": df, "expected": enc(used),
              "sizes": [enc(observed.sum())], "warns": warned}
    if df > 0 and math.isfinite(float(res.statistic)) and float(res.statistic) > 0:
        result["pValue"] = enc(prefer_exact(case, float(res.pvalue), mp_chi2_sf(float(res.statistic), df), "mpmath"))
    add(case["id"], "chisquare", inputs, result, **{k: v for k, v in case.items() if k != "id"})


def chisquare_cases():
    chisquare_case("uniform", [16, 18, 16, 14, 12, 12])
    chisquare_case("uniform-ddof1", [16, 18, 16, 14, 12, 12], ddof=1)
    chisquare_case("uniform-ddof2", [16, 18, 16, 14, 12, 12], ddof=2)
    chisquare_case("counts", [16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8])
    chisquare_case("proportions", [43, 52, 54, 40], [0.25, 0.3, 0.25, 0.2], "proportions")
    chisquare_case("proportions-thirds", [10, 20, 31], [1 / 3, 1 / 3, 1 / 3], "proportions")
    chisquare_case("one-category", [7])
    chisquare_case("df-zero", [3, 4], ddof=1)
    chisquare_case("zero-expected", [3, 4, 5], [6, 6, 0])
    chisquare_case("zero-zero", [0, 6, 6], [0, 6, 6])
    chisquare_case("sum-mismatch", [3, 4, 5], [4, 4, 5])
    chisquare_case("proportions-mismatch", [3, 4, 5], [0.5, 0.4, 0.2], "proportions")
    chisquare_case("exact-fit", [5, 5, 5, 5])
    chisquare_case("large-k", rng.integers(50, 150, 40))
    chisquare_case("underflow", [5000, 10, 10])
    tail = tune(lambda k: np.array([1000 + k * 10, 1000 - k * 5, 1000 - k * 5]), lambda o: stats.chisquare(o).pvalue)
    chisquare_case("tail-1e-300", tail)


def kendall_case(cid, x, y, alt="two-sided"):
    x, y = arr(x), arr(y)
    inputs = {"samples": [enc(x), enc(y)], "alternative": alt}
    res, warned = call(lambda: stats.kendalltau(x, y, alternative=alt))
    n = len(x)
    method = "asymptotic"
    case = {"id": f"kendalltau/{cid}"}
    pvalue = float(res.pvalue)
    if n >= 2 and len(np.unique(x)) == n and len(np.unique(y)) == n:
        dis = int(np.sum(np.triu(np.sign(x[:, None] - x[None, :]) * np.sign(y[:, None] - y[None, :]) < 0, 1)))
        tot = n * (n - 1) // 2
        if n <= 33 or min(dis, tot - dis) <= 1:
            method = "exact"
            exact = kendall_exact_p(n, tot - dis, alt)
            if exact is not None and n <= 170:
                pvalue = prefer_exact(case, pvalue, exact, "exact")
    add(case["id"], "kendalltau", inputs,
        {"statistic": enc(res.statistic), "pValue": enc(pvalue), "method": method, "sizes": [n], "warns": warned},
        **{k: v for k, v in case.items() if k != "id"})


def kendall_cases():
    x = normal(25)
    y = x + normal(25, 0, 1.5)
    for alt in ALTERNATIVES:
        kendall_case(f"exact-n25-{alt}", x, y, alt)
        kendall_case(f"asymptotic-n60-{alt}", normal(60), normal(60), alt)
        kendall_case(f"negative-n12-{alt}", np.arange(12.0), -np.arange(12.0) + normal(12, 0, 3), alt)
    z = normal(34)
    for cid, u, v in [("n2", [1.0, 2.0], [2.0, 1.0]), ("n3", [1.0, 2.0, 3.0], [1.0, 3.0, 2.0]), ("n1", [1.0], [2.0]),
                      ("n0", [], []), ("n33", normal(33), normal(33)), ("n34", z, normal(34)), ("n34-sorted", np.sort(z), np.sort(z) * 2),
                      ("n200-one-swap", np.arange(200.0), np.r_[1.0, 0.0, np.arange(2.0, 200.0)]),
                      ("n200-two-swaps", np.arange(200.0), np.r_[1.0, 0.0, 3.0, 2.0, np.arange(4.0, 200.0)]),
                      ("n200-reversed", np.arange(200.0), -np.arange(200.0)),
                      ("ties", np.round(normal(30, 0, 2)), np.round(normal(30, 0, 2))),
                      ("ties-small", [1.0, 1, 2, 3], [1.0, 2, 2, 3]), ("x-constant", np.full(5, 1.0), normal(5)),
                      ("y-constant", normal(5), np.full(5, 2.0)), ("n12-center", [1.0, 2, 3, 4, 5, 6], [3.0, 1, 2, 6, 4, 5])]:
        kendall_case(cid, u, v)
    kendall_case("n10-perfect-less", np.arange(10.0), np.arange(10.0), "less")
    kendall_case("n10-perfect-greater", np.arange(10.0), np.arange(10.0), "greater")
    n = 900
    xs = np.arange(float(n))
    noise = normal(n, 0, 1, 6)
    tail = tune(lambda k: (xs, np.round(xs * k / 10 + noise * 30, 0)), lambda s: stats.kendalltau(*s).pvalue)
    kendall_case("tail-1e-300", *tail)
    kendall_case("underflow", xs, np.r_[0.0, np.arange(0.0, n - 1)])
    error("kendalltau/unequal-lengths", "kendalltau", {"samples": [[1.0, 2.0], [1.0]], "alternative": "two-sided"},
          lambda: stats.kendalltau([1.0, 2.0], [1.0]), "invalid_input")


# ---------------------------------------------------------------- nan_policy="omit"
def omit_cases():
    """scipy's nan_policy="omit" against the engine's contract that the caller drops missing values: these
    inputs hold NaN, the expected values are scipy's with nan_policy="omit", and the test drops NaN before
    calling the kernel ("dropMissing": "per-sample" for independent samples, "pairs" for paired ones, where a
    pair with either side missing goes)."""
    def holes(x, at):
        x = arr(x).copy()
        x[at] = np.nan
        return x

    x, y, z = holes(normal(40, 0.2), [3, 17]), holes(normal(35), [5]), normal(30, 0.5)
    a, b = holes(normal(30, 5), [2]), holes(normal(30, 5.4), [9, 20])
    small_a, small_b = holes([1.0, 2, 3, 4, 5, 6, 7, 8], [5]), [2.0, 1, 4, 3, 6, 5, 8, 7]

    def run(cid, test, samples, fn, drop, **inputs):
        res, warned = call(fn)
        kept = [np.asarray(s, dtype=float) for s in samples]
        if drop == "pairs":
            keep = ~np.any([np.isnan(s) for s in kept], axis=0)
            kept = [s[keep] for s in kept]
        else:
            kept = [s[~np.isnan(s)] for s in kept]
        sizes = [len(s) for s in kept] if test in ("ttest_ind", "mannwhitneyu", "kruskal") else [len(kept[0])]
        expected = {"statistic": enc(res.statistic), "pValue": enc(res.pvalue), "sizes": sizes, "warns": warned}
        if test == "ttest_1samp" or test == "ttest_rel":
            expected["df"] = enc(res.df)
        add(f"{test}/omit-{cid}", test, {"samples": [enc(s) for s in samples], "dropMissing": drop, **inputs}, expected)

    run("one-sample", "ttest_1samp", [x], lambda: stats.ttest_1samp(x, 0.0, nan_policy="omit"), "per-sample", populationMean=0.0, alternative="two-sided")
    run("student", "ttest_ind", [x, y], lambda: stats.ttest_ind(x, y, nan_policy="omit"), "per-sample", equalVariances=True, alternative="two-sided")
    run("paired", "ttest_rel", [a, b], lambda: stats.ttest_rel(a, b, nan_policy="omit"), "pairs", alternative="two-sided")
    run("two-sample", "mannwhitneyu", [x, y], lambda: stats.mannwhitneyu(x, y, nan_policy="omit"), "per-sample", alternative="two-sided")
    run("paired", "wilcoxon", [a, b], lambda: stats.wilcoxon(a, b, nan_policy="omit"), "pairs", alternative="two-sided")
    run("groups", "kruskal", [x, y, z], lambda: stats.kruskal(x, y, z, nan_policy="omit"), "per-sample")
    run("pairs", "kendalltau", [a, b], lambda: stats.kendalltau(a, b, nan_policy="omit"), "pairs", alternative="two-sided")
    run("exact", "kendalltau", [small_a, small_b], lambda: stats.kendalltau(small_a, small_b, nan_policy="omit"), "pairs", alternative="two-sided")
    for test, fn in [("normaltest", stats.normaltest), ("skewtest", stats.skewtest), ("kurtosistest", stats.kurtosistest), ("jarque_bera", stats.jarque_bera)]:
        res, warned = call(lambda: fn(x, nan_policy="omit"))
        expected = {"statistic": enc(res.statistic), "pValue": enc(res.pvalue), "sizes": [int(np.sum(~np.isnan(x)))], "warns": warned}
        extra = {"alternative": "two-sided"} if test in ("skewtest", "kurtosistest") else {}
        add(f"{test}/omit", test, {"x": enc(x), "dropMissing": "per-sample", **extra}, expected)


# ---------------------------------------------------------------- tail distributions
def distribution_cases():
    """Reference values for the tail functions in src/engine/stats: scipy where it is exact to 1e-12 (or is
    the algorithm to reproduce), mpmath otherwise (marked)."""
    out = []

    def put(fn, args, value, reference):
        out.append({"function": fn, "args": [enc(a) for a in args], "expected": enc(value), "reference": reference})

    def reference(compute):
        """An mpmath value, or None where mpmath itself does not converge (the point is then left out)."""
        try:
            return compute()
        except (ValueError, mp.libmp.NoConvergence):
            return None

    for z in [-40, -38.5, -20, -8.3, -3, -1, -0.5, 0, 0.3, 0.66, 0.67, 1, 1.959963984540054, 3, 5.5, 8, 12, 20, 30, 37, 37.5, 38.4]:
        put("normalSf", [z], mp_norm_sf(z), "mpmath")
        put("logNormalCdf", [z], mp.log1p(-mp_norm_sf(z)) if z > -1 else mp.log(mp_norm_sf(-z)), "mpmath")
    for z in [-1000, -200, -39]:
        put("logNormalCdf", [z], mp.log(mp_norm_sf(-z)), "mpmath")
    for df in [0.5, 1, 2, 3, 7, 30, 100, 1000, 1e4, 1e5, 1e6]:
        s = math.sqrt(2 * df)
        for x in sorted({max(df + k * s, 1e-3) for k in [-3, -1, 0, 1, 3, 8, 20]} | {df * 5 + 10, df * 30 + 50, 1e-8, 1400.0}):
            ref = mp_chi2_sf(x, df)
            if ref > mp.mpf("1e-306"):
                put("chiSquareSf", [x, df], ref, "mpmath")
    for dfn, dfd in [(1, 1), (1, 30), (2, 5), (3, 145000), (7, 144992), (50, 1000), (1000, 2)]:
        for f in [1e-8, 0.01, 0.5, 1, 2, 5, 50, 1e4, 1e10]:
            ref = reference(lambda: mp_f_sf(f, dfn, dfd))
            if ref is not None and ref > mp.mpf("1e-306"):
                put("fSf", [f, dfn, dfd], ref, "mpmath")
    for df in [1, 2, 5.5, 29, 144992.7]:
        for t in [-3, 0.01, 1, 2.5, 10, 1e3, 1e8]:
            ref = reference(lambda: mp_t_sf(t, df))
            if ref is not None and ref > mp.mpf("1e-306"):
                put("studentTSf", [t, df], ref, "mpmath")
    for a in [0.5, 1, 5, 25, 300, 5e4]:
        for x in [1e-5, 0.5 * a, a, a + math.sqrt(a), 3 * a + 5]:
            put("regularizedIncompleteGammaLower", [a, x], mp.gammainc(a, 0, x, regularized=True), "mpmath")
            ref = mp.gammainc(a, x, mp.inf, regularized=True)
            if ref > mp.mpf("1e-306"):
                put("regularizedIncompleteGammaUpper", [a, x], ref, "mpmath")
    kst_rng = np.random.default_rng(7)
    for n in [1, 2, 3, 5, 10, 20, 50, 139, 140, 141, 500, 2000, 20000, 100000, 100001, 400000]:
        ds = {0.4 / n, 0.5 / n, 0.75 / n, 1 / n, 2.5 / n, 0.49, 0.5, 0.75, 1 - 1 / n if n > 2 else 0.9}
        ds |= {x / math.sqrt(n) for x in [0.3, 0.7, 0.85, 1.2, 1.45, 1.6, 2.1, 4.5]}
        ds |= set(kst_rng.uniform(0, 1, 3).tolist())
        for d in sorted(x for x in ds if 0 < x < 1):
            put("kolmogorovSmirnovSf", [n, d], stats.kstwo.sf(d, n), "scipy")
            put("smirnovSf", [n, d], special.smirnov(n, d), "scipy")
    for n in [2000000]:
        for d in [1e-4, 5e-4, 1e-3, 2e-3]:
            put("smirnovSf", [n, d], special.smirnov(n, d), "scipy")
    for n1, n2 in [(1, 1), (2, 3), (4, 5), (8, 8), (3, 40), (8, 200), (5, 3000)]:
        for u in sorted({0, 1, n1 * n2 // 4, n1 * n2 // 2, (3 * n1 * n2) // 4, n1 * n2 - 1, n1 * n2}):
            put("mannWhitneyUSf", [u, n1, n2], mwu_exact_sf(u, n1, n2), "exact")
    for n in [3, 4, 5, 8, 10, 20, 33]:
        tot = n * (n - 1) // 2
        for c in sorted({0, 1, 2, tot // 4, tot // 2, (3 * tot) // 4, tot - 1, tot}):
            for alt in ALTERNATIVES:
                put("kendallTauExactP", [n, c, alt], kendall_exact_p(n, c, alt), "exact")
    for n in [100, 170, 171, 500]:
        tot = n * (n - 1) // 2
        for c in [0, 1, tot - 1, tot]:
            put("kendallTauExactP", [n, c, "two-sided"], stats._mstats_basic._kendall_p_exact(n, c, "two-sided"), "scipy")
    return out


def main():
    shapiro_cases()
    normaltest_cases()
    kstest_cases()
    jarque_bera_cases()
    anderson_cases()
    ttest_cases()
    mannwhitneyu_cases()
    wilcoxon_cases()
    anova_cases()
    contingency_cases()
    chisquare_cases()
    kendall_cases()
    omit_cases()
    os.makedirs(os.path.join(ROOT, "hypothesis", "fixtures"), exist_ok=True)
    os.makedirs(os.path.join(ROOT, "stats", "fixtures"), exist_ok=True)
    with open(os.path.join(ROOT, "hypothesis", "fixtures", "cases.json"), "w", encoding="utf-8") as f:
        json.dump(CASES, f, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    distributions = distribution_cases()
    with open(os.path.join(ROOT, "stats", "fixtures", "tail-distributions.json"), "w", encoding="utf-8") as f:
        json.dump(distributions, f, ensure_ascii=False, indent=0, allow_nan=False)
        f.write("\n")
    counts = {}
    for c in CASES:
        counts[c["test"]] = counts.get(c["test"], 0) + 1
    marked = sum(1 for c in CASES if "reference" in c)
    print(f"{len(CASES)} cases ({marked} with an exact/mpmath reference), {len(distributions)} distribution values")
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
