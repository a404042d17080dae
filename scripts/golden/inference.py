#!/usr/bin/python3
"""Golden fixtures for tests and models in the plan language: whole plans (`operation: "test"`, "ols",
"logistic"), validated and executed by the engine, against what scipy.stats 1.10, statsmodels 0.13 and
scikit-learn 1.2 give for the same rows.

Run: /usr/bin/python3 scripts/golden/inference.py   (deterministic: every generator is seeded, re-running writes
the same bytes). Writes src/engine/golden/fixtures/{titanic,autompg,inference,tails}.csv and inference-cases.json,
and src/engine/inference/fixtures/probplot.json (the Q-Q plot's reference). The TypeScript tests
(src/engine/golden/inference-golden.test.ts, src/engine/inference/*.test.ts) read only those files.

The reference semantics are the kernel generators' (scripts/golden/hypothesis.py and models.py, whose helpers
are reused here): every expected value is the library's, with the same marked exceptions:
- p-values: where scipy's p-value of its own statistic is off the exact value (mpmath at 50 digits for the t,
  F and chi-square tails; exact rational arithmetic for the Mann-Whitney, Wilcoxon and Kendall null
  distributions) by more than 1e-10 relative, the exact value is recorded ("reference" in the case).
- Shapiro-Wilk: scipy computes in float32 with the C library's single-precision functions; W agrees bit for
  bit, the p-value to a few float32 units ("tolerance": "float32", 2e-5 relative or 1e-6 absolute).
- OLS: statsmodels, or where it differs from exact rational least squares by more than 1e-11 relative, the exact
  value (models.ols_case). Test metrics and predictions are scikit-learn's LinearRegression on the same rows.
- Logistic regression ("tolerance": "iterative"): the optimum of scikit-learn's objective (newton-cholesky,
  tol=1e-12, checked against a 40-digit Newton optimum) and statsmodels' Logit (models.logistic_case); the
  engine must match coefficients to 1e-6 relative with an objective no worse. Test metrics are those of the
  optimum's predictions, which equal the default fit's wherever the default fit converged ("default_agrees").
The plan semantics reproduced in pandas: missing values dropped per sample (pairs for paired samples and x/y,
nan_policy="omit"); groups of group_column in the order named, or every value sorted; models on the rows where
the target and every predictor are present, split by train_test_split over those rows in order.
"""
import json, math, os, sys, warnings

import numpy as np
import pandas as pd
import patsy
from scipy import stats
from sklearn.linear_model import LinearRegression
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, mean_absolute_error, mean_squared_error,
                             precision_score, r2_score, recall_score)
from sklearn.model_selection import train_test_split

sys.path.insert(0, os.path.dirname(__file__))
import hypothesis as h  # noqa: E402  (p-value references: mpmath tails, exact null distributions, tune)
import models as m  # noqa: E402  (OLS and logistic references, fixture columns, the auto-mpg and titanic tables)

warnings.filterwarnings("ignore")
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "engine", "golden", "fixtures")
ALTERNATIVES = h.ALTERNATIVES
P_FIELDS = ("p_value", "f_p_value", "llr_p_value")


# ---------------------------------------------------------------- tables
class Table:
    """A CSV fixture: columns in the models generator's format (name, engine type, values; None is missing)."""

    def __init__(self, name, columns):
        self.name = name
        self.columns = columns
        self.types = {c["name"]: c["type"] for c in columns}
        self.df = m.frame(columns)

    def write(self):
        with open(os.path.join(OUT, self.name), "w", encoding="utf-8", newline="") as f:
            f.write(",".join(c["name"] for c in self.columns) + "\n")
            for i in range(len(self.columns[0]["values"])):
                f.write(",".join(cell(c, i) for c in self.columns) + "\n")


def cell(column, i):
    v = column["values"][i]
    if v is None:
        return ""
    if column["type"] == "boolean":
        return "True" if v else "False"
    if column["type"] == "integer":
        return str(int(v))
    if column["type"] == "float":
        return repr(float(v))
    return str(v)


def pad(values, n):
    return list(values) + [None] * (n - len(values))


def titanic_table():
    rng = np.random.default_rng(1300)
    columns = m.titanic_columns()
    n = len(columns[0]["values"])
    embarked = [None if rng.random() < 0.01 else str(rng.choice(["S", "C", "Q"], p=[0.72, 0.19, 0.09])) for _ in range(n)]
    sibsp = [int(v) for v in rng.choice([0, 1, 2, 3, 4], n, p=[0.68, 0.23, 0.05, 0.02, 0.02])]
    adult = [None if a is None else a >= 18 for a in columns[3]["values"]]
    columns += [m.col("embarked", "string", embarked), m.col("sibsp", "integer", sibsp), m.col("adult", "boolean", adult)]
    return Table("titanic.csv", columns)


def inference_table():
    rng = np.random.default_rng(1301)
    n = 600
    groups = [f"g{i}" for i in range(1, 9)]
    g8 = [None if rng.random() < 0.02 else str(rng.choice(groups, p=[0.25, 0.2, 0.15, 0.12, 0.1, 0.08, 0.06, 0.04])) for _ in range(n)]
    g3 = [None if rng.random() < 0.03 else str(rng.choice(["a", "b", "c"], p=[0.5, 0.3, 0.2])) for _ in range(n)]
    level = [int(v) for v in rng.integers(1, 5, n)]
    flag = [bool(v) for v in rng.random(n) < 0.45]
    x_norm = [None if rng.random() < 0.03 else float(np.round(rng.normal(50, 10), 3)) for _ in range(n)]
    x_skew = [float(np.round(rng.exponential(2.0), 4)) for _ in range(n)]
    x_ties = [int(np.round(rng.normal(5, 2))) for _ in range(n)]
    y_dep = [None if x is None else float(np.round(0.3 * x + rng.normal(0, 5), 3)) for x in x_norm]
    before = [None if rng.random() < 0.05 else float(np.round(rng.normal(100, 15), 2)) for _ in range(n)]
    after = [None if rng.random() < 0.05 or b is None else float(np.round(b + rng.normal(2, 5), 2)) for b in before]
    diff = [float(np.round(rng.normal(0.3, 1), 1)) for _ in range(n)]
    score = [None if g is None else float(np.round(rng.normal(10 + 0.4 * groups.index(g), 2 + 0.15 * groups.index(g)), 3)) for g in g8]
    color = [str(rng.choice(["red", "green", "blue"], p=[0.4, 0.35, 0.25])) for _ in range(n)]
    answer = [str("yes" if rng.random() < {"red": 0.6, "green": 0.45, "blue": 0.3}[c] else "no") for c in color]
    dice = [int(v) for v in rng.choice([1, 2, 3, 4, 5, 6], n, p=[0.15, 0.16, 0.17, 0.17, 0.17, 0.18])]
    columns = [
        m.col("id", "integer", list(range(1, n + 1))), m.col("g8", "string", g8), m.col("g3", "string", g3), m.col("level", "integer", level),
        m.col("flag", "boolean", flag), m.col("x_norm", "float", x_norm), m.col("x_skew", "float", x_skew), m.col("x_ties", "integer", x_ties),
        m.col("x_const", "float", [7.5] * n), m.col("y_dep", "float", y_dep), m.col("before", "float", before), m.col("after", "float", after),
        m.col("diff", "float", diff), m.col("score", "float", score), m.col("color", "string", color), m.col("answer", "string", answer),
        m.col("dice", "integer", dice),
    ]
    return Table("inference.csv", columns)


def tails_table():
    """Columns tuned (hypothesis.tune) so that one test's p-value lands just above 1e-300, each padded with
    missing values to the table's length; the grouping column of a pair marks only that pair's rows."""
    n = 3000
    cols = []

    def grouped(name, samples, labels):
        cols.append(m.col(f"{name}_grp", "string", pad([lab for lab, s in zip(labels, samples) for _ in s], n)))
        cols.append(m.col(f"{name}_val", "float", pad([float(v) for s in samples for v in s], n)))

    u0, v0 = h.normal(40), h.normal(40)
    grouped("tt", h.tune(lambda k: (u0, v0 + 10 ** (k / 10)), lambda s: stats.ttest_ind(*s).pvalue), ["A", "B"])
    base = h.normal(30)
    cols.append(m.col("t1_val", "float", pad(h.tune(lambda k: base + 10 ** (k / 10), lambda v: stats.ttest_1samp(v, 0.0).pvalue), n)))
    b25 = h.normal(25)
    ra, rb = h.tune(lambda k: (b25, b25 * 1.001 + 10 ** (k / 10)), lambda s: stats.ttest_rel(*s).pvalue)
    cols += [m.col("tr_a", "float", pad(ra, n)), m.col("tr_b", "float", pad(rb, n))]
    mu0, mv0 = h.normal(1000), h.normal(1000)
    grouped("mw", h.tune(lambda k: (mu0, mv0 + k), lambda s: stats.mannwhitneyu(*s).pvalue), ["A", "B"])
    k0 = [h.normal(1200), h.normal(1200)]
    grouped("kw", h.tune(lambda k: [k0[0], k0[1] + k], lambda g: stats.kruskal(*g).pvalue), ["A", "B"])
    a0 = [h.normal(30), h.normal(30), h.normal(30)]
    grouped("an", h.tune(lambda k: [a0[0], a0[1] + 10 ** (k / 30), a0[2] - 10 ** (k / 30)], lambda g: stats.f_oneway(*g).pvalue), ["A", "B", "C"])
    l0 = [h.normal(50), h.normal(50)]
    signs = np.where(np.arange(50) % 2 == 0, 1.0, -1.0)
    grouped("lv", h.tune(lambda k: [l0[0], signs * 10 ** (k / 20) + l0[1] * 1e-3], lambda g: stats.levene(*g).pvalue), ["A", "B"])
    wbase = np.abs(h.normal(2000)) + 0.01
    wsigns = np.where(np.arange(2000) % 2 == 0, 1.0, -1.0)
    cols.append(m.col("wx_val", "float", pad(h.tune(lambda k: wbase * np.where(np.arange(2000) < k * 20, 1.0, wsigns), lambda v: stats.wilcoxon(v).pvalue), n)))
    xs = np.arange(900.0)
    noise = h.normal(900, 0, 1, 6)
    kx, ky = h.tune(lambda k: (xs, np.round(xs * k / 10 + noise * 30, 0)), lambda s: stats.kendalltau(*s).pvalue)
    cols += [m.col("kt_x", "float", pad(kx, n)), m.col("kt_y", "float", pad(ky, n))]
    jb0 = h.normal(2000)
    cols.append(m.col("jb_val", "float", pad(h.tune(lambda k: np.append(jb0, k), lambda v: stats.jarque_bera(v).pvalue), n)))
    counts = tune_counts(lambda k: np.array([[700 + k, 600 - k], [600 - k, 700 + k]]), lambda t: stats.chi2_contingency(t).pvalue)
    rows = [(a, b) for (i, a) in enumerate(["x", "y"]) for (j, b) in enumerate(["p", "q"]) for _ in range(int(counts[i][j]))]
    cols += [m.col("ct_a", "string", pad([r[0] for r in rows], n)), m.col("ct_b", "string", pad([r[1] for r in rows], n))]
    cs = tune_counts(lambda k: np.array([900 + 2 * k, 900 - k, 900 - k]), lambda o: stats.chisquare(o).pvalue)
    cols.append(m.col("cs_val", "string", pad([c for c, count in zip(["u", "v", "w"], cs) for _ in range(int(count))], n)))
    return Table("tails.csv", cols)


def tune_counts(make, p_of):
    """The counts with the smallest p-value still above 1e-300 (counts move in steps, so no factor-10 window)."""
    k = 0
    while p_of(make(k + 1)) >= 1e-300:
        k += 1
    return make(k)


# ---------------------------------------------------------------- plan semantics in pandas
def mask_of(df, types, f):
    s, op, v = df[f["column"]], f["operator"], f.get("value")
    if op == "in":
        return s.isin(v)
    if types[f["column"]] == "string":
        res = s.map(lambda x: isinstance(x, str) and {"==": x == v, "!=": x != v}[op])
        return res | s.isna() if op == "!=" else res
    return {"==": s == v, "!=": s != v, ">": s > v, "<": s < v, ">=": s >= v, "<=": s <= v}[op]


def rows_of(table, plan, derive=None):
    df = table.df
    for f in plan.get("filters", []):
        df = df[mask_of(df, table.types, f)]
    if derive is not None:
        df = df.copy()
        for name, ref in derive.items():
            df[name] = ref(df)
    return df


def jsonable(v):
    """A group or category label as the engine writes it: text, a number, a boolean."""
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return int(v) if float(v).is_integer() else float(v)
    return v


def fin(v):
    if v is None:
        return None
    v = float(v)
    return v if math.isfinite(v) else None


def verdict(p, alpha):
    return None if p is None else bool(p < alpha)


# ---------------------------------------------------------------- tests
def column_values(df, name):
    return df[name].dropna().to_numpy(dtype=float)


def independent_samples(df, plan):
    """(names, samples) as the engine reads them: sample_columns, or target_column by group_column."""
    if "sample_columns" in plan:
        return list(plan["sample_columns"]), [column_values(df, c) for c in plan["sample_columns"]]
    g, t = df[plan["group_column"]], df[plan["target_column"]]
    names = plan.get("groups")
    if names is None:
        names = sorted(jsonable(v) for v in g.dropna().unique())
    return [jsonable(v) for v in names], [t[g == v].dropna().to_numpy(dtype=float) for v in names]


def paired(df, a, b):
    both = df[[a, b]].dropna()
    return both[a].to_numpy(dtype=float), both[b].to_numpy(dtype=float)


def with_exact_p(case, p, exact, kind="mpmath"):
    if p is None or exact is None:
        return p
    return h.prefer_exact(case, p, exact, kind)


def test_expected(table, plan, derive=None):
    """The result of a test plan as the engine writes it (keys as in inference/hypothesis-result.ts), the case's
    markings, and whether scipy warned."""
    df = rows_of(table, plan, derive)
    test, alpha, alt = plan["test"], plan.get("alpha", 0.05), plan.get("alternative", "two-sided")
    marks = {}
    names = {"shapiro": "W", "normaltest": "K2", "kstest": "D", "jarque_bera": "JB", "anderson": "A2", "ttest_1samp": "t", "ttest_ind": "t",
             "ttest_rel": "t", "mannwhitneyu": "U", "wilcoxon": "W", "f_oneway": "F", "kruskal": "H", "levene": "W", "chi2_contingency": "chi2",
             "chisquare": "chi2", "kendalltau": "tau"}
    out = {"test": test, "statistic_name": names[test], "alpha": alpha}

    def finish(stat, p, samples, warned, **extra):
        out.update(statistic=fin(stat), p_value=fin(p), samples=samples, **extra)
        out["reject_null"] = verdict(fin(p), alpha)
        return out, marks, warned

    if test in ("shapiro", "normaltest", "jarque_bera", "kstest", "anderson", "ttest_1samp"):
        x = column_values(df, plan["target_column"])
        sizes = [{"name": plan["target_column"], "n": len(x)}]
        if test == "shapiro":
            r, warned = h.call(lambda: stats.shapiro(x))
            marks["tolerance"] = "float32"
            return finish(r.statistic, r.pvalue, sizes, warned)
        if test in ("normaltest", "jarque_bera"):
            r, warned = h.call(lambda: (stats.normaltest if test == "normaltest" else stats.jarque_bera)(x))
            exact = h.mp_chi2_sf(float(r.statistic), 2) if fin(r.statistic) is not None and float(r.statistic) > 0 else None
            return finish(r.statistic, with_exact_p(marks, float(r.pvalue), exact), sizes, warned, df=2)
        if test == "kstest":
            fit = stats.norm.fit(x)
            r, warned = h.call(lambda: stats.kstest(x, "norm", args=fit, alternative=alt))
            return finish(r.statistic, r.pvalue, sizes, warned, alternative=alt, fitted_mean=fin(fit[0]), fitted_std=fin(fit[1]))
        if test == "anderson":
            r, warned = h.call(lambda: stats.anderson(x, "norm"))
            table_ = [{"significance_level": lvl / 100, "critical_value": float(cv)} for lvl, cv in zip(r.significance_level, r.critical_values)]
            match = [row for row in table_ if abs(row["significance_level"] - alpha) < 1e-12]
            stat = fin(r.statistic)
            out.update(statistic=stat, samples=sizes, critical_values=table_,
                       reject_null=None if not match or stat is None else bool(stat > match[0]["critical_value"]))
            return out, marks, warned
        r, warned = h.call(lambda: stats.ttest_1samp(x, plan["popmean"], alternative=alt))
        p = float(r.pvalue)
        if fin(r.statistic) is not None and r.df > 0:
            p = with_exact_p(marks, p, h.mp_t_p(float(r.statistic), float(r.df), alt))
        return finish(r.statistic, p, sizes, warned, df=fin(r.df), alternative=alt)

    if test in ("ttest_ind", "mannwhitneyu"):
        labels, (a, b) = independent_samples(df, plan)
        sizes = [{"name": labels[0], "n": len(a)}, {"name": labels[1], "n": len(b)}]
        if test == "ttest_ind":
            eq = plan.get("equal_var", True)
            r, warned = h.call(lambda: stats.ttest_ind(a, b, equal_var=eq, alternative=alt))
            dof = h.t_ind_df([a, b], eq)
            p = float(r.pvalue)
            if fin(r.statistic) is not None and fin(dof) is not None and dof > 0:
                p = with_exact_p(marks, p, h.mp_t_p(float(r.statistic), float(dof), alt))
            return finish(r.statistic, p, sizes, warned, df=fin(dof), alternative=alt)
        method = h.mwu_method(a, b)
        r, warned = h.call(lambda: stats.mannwhitneyu(a, b, alternative=alt))
        p = float(r.pvalue)
        if method == "exact":
            u1 = float(r.statistic)
            u = {"greater": u1, "less": len(a) * len(b) - u1}.get(alt, max(u1, len(a) * len(b) - u1))
            exact = min(h.Fraction(1), h.mwu_exact_sf(int(u), len(a), len(b)) * (2 if alt == "two-sided" else 1))
            p = with_exact_p(marks, p, exact, "exact")
        return finish(r.statistic, p, sizes, warned, alternative=alt, method=method)

    if test in ("ttest_rel", "wilcoxon"):
        if "sample_columns" in plan:
            ca, cb = plan["sample_columns"]
            a, b = paired(df, ca, cb)
            d = a - b
            sizes = [{"name": ca, "n": len(a)}, {"name": cb, "n": len(b)}]
        else:
            d = column_values(df, plan["target_column"])
            a, b = d, None
            sizes = [{"name": plan["target_column"], "n": len(d)}]
        if test == "ttest_rel":
            r, warned = h.call(lambda: stats.ttest_rel(a, b, alternative=alt))
            p = float(r.pvalue)
            if fin(r.statistic) is not None and r.df > 0:
                p = with_exact_p(marks, p, h.mp_t_p(float(r.statistic), float(r.df), alt))
            return finish(r.statistic, p, sizes, warned, df=fin(r.df), alternative=alt)
        zeros = int(np.sum(d == 0))
        method = "exact" if len(d) <= 50 and zeros == 0 else "asymptotic"
        r, warned = h.call(lambda: stats.wilcoxon(d, alternative=alt))
        p = float(r.pvalue)
        used = len(d) - (zeros if method == "asymptotic" else 0)
        if method == "exact" and used > 0:
            ranks = stats.rankdata(np.abs(d))
            r_plus = int(np.sum((d > 0) * ranks))
            counts = h.wilcoxon_counts(used)
            top = len(counts) - 1
            below, above = h.Fraction(sum(counts[: r_plus + 1]), 2**used), h.Fraction(sum(counts[r_plus:]), 2**used)
            exact = {"greater": above, "less": below}.get(alt, h.Fraction(1) if r_plus == top // 2 else min(h.Fraction(1), 2 * min(above, below)))
            p = with_exact_p(marks, p, exact, "exact")
        return finish(r.statistic, p, sizes, warned, alternative=alt, method=method, zero_differences=zeros)

    if test in ("f_oneway", "kruskal", "levene"):
        labels, samples = independent_samples(df, plan)
        k, total = len(samples), sum(len(s) for s in samples)
        if test == "levene":
            center = plan.get("center", "median")
            r, warned = h.call(lambda: stats.levene(*samples, center=center))
            used = [np.sort(s)[int(0.05 * len(s)): len(s) - int(0.05 * len(s))] for s in samples] if center == "trimmed" else samples
            sizes = [{"name": lab, "n": len(s)} for lab, s in zip(labels, used)]
            total = sum(len(s) for s in used)
        else:
            r, warned = h.call(lambda: (stats.f_oneway if test == "f_oneway" else stats.kruskal)(*samples))
            sizes = [{"name": lab, "n": len(s)} for lab, s in zip(labels, samples)]
        p, stat = float(r.pvalue), fin(r.statistic)
        if test == "kruskal":
            if stat is not None and stat > 0 and fin(p) is not None:
                p = with_exact_p(marks, p, h.mp_chi2_sf(stat, k - 1))
            return finish(r.statistic, p, sizes, warned, df=k - 1)
        if stat is not None and stat > 0 and fin(p) is not None:
            p = with_exact_p(marks, p, h.mp_f_sf(stat, k - 1, total - k))
        return finish(r.statistic, p, sizes, warned, df_between=k - 1, df_within=total - k)

    if test == "chi2_contingency":
        g, t = df[plan["group_column"]], df[plan["target_column"]]
        both = pd.DataFrame({"g": g, "t": t}).dropna()
        rows = plan.get("groups")
        if rows is None:
            rows = sorted(jsonable(v) for v in both["g"].unique())
        both = both[both["g"].isin(rows)]
        cols = sorted(jsonable(v) for v in both["t"].unique())
        observed = np.array([[int(((both["g"] == a) & (both["t"] == b)).sum()) for b in cols] for a in rows], dtype=float)
        r, warned = h.call(lambda: stats.chi2_contingency(observed))
        p = float(r.pvalue)
        if r.dof > 0 and float(r.statistic) > 0:
            p = with_exact_p(marks, p, h.mp_chi2_sf(float(r.statistic), int(r.dof)))
        return finish(r.statistic, p, [{"name": jsonable(a), "n": int(observed[i].sum())} for i, a in enumerate(rows)], warned,
                      df=int(r.dof), yates_correction=bool(r.dof == 1),
                      table={"row_labels": [jsonable(a) for a in rows], "column_labels": cols, "observed": observed.tolist(),
                             "expected": r.expected_freq.tolist()})

    if test == "chisquare":
        s = df[plan["target_column"]].dropna()
        values = sorted(jsonable(v) for v in s.unique())
        listed = plan.get("expected_proportions")
        if listed is not None:
            values += [e["value"] for e in listed if e["value"] not in values]
        observed = np.array([float((s == v).sum()) for v in values])
        f_exp = None
        if listed is not None:
            share = {json.dumps(e["value"]): e["proportion"] for e in listed}
            f_exp = np.array([share[json.dumps(v)] for v in values]) * observed.sum()
        r, warned = h.call(lambda: stats.chisquare(observed, f_exp=f_exp))
        used = f_exp if f_exp is not None else np.full(len(values), observed.mean())
        p = float(r.pvalue)
        if len(values) > 1 and float(r.statistic) > 0:
            p = with_exact_p(marks, p, h.mp_chi2_sf(float(r.statistic), len(values) - 1))
        return finish(r.statistic, p, [{"name": plan["target_column"], "n": int(observed.sum())}], warned, df=len(values) - 1,
                      categories=[{"value": v, "observed": float(o), "expected": float(e)} for v, o, e in zip(values, observed, used)])

    x, y = paired(df, plan["x_axis"], plan["y_axis"])
    r, warned = h.call(lambda: stats.kendalltau(x, y, alternative=alt))
    nn = len(x)
    method, p = "asymptotic", float(r.pvalue)
    if nn >= 2 and len(np.unique(x)) == nn and len(np.unique(y)) == nn:
        dis = int(np.sum(np.triu(np.sign(x[:, None] - x[None, :]) * np.sign(y[:, None] - y[None, :]) < 0, 1)))
        tot = nn * (nn - 1) // 2
        if nn <= 33 or min(dis, tot - dis) <= 1:
            method = "exact"
            exact = h.kendall_exact_p(nn, tot - dis, alt)
            if exact is not None and nn <= 170:
                p = with_exact_p(marks, p, exact, "exact")
    return finish(r.statistic, p, [{"name": plan["x_axis"], "n": nn}, {"name": plan["y_axis"], "n": nn}], warned, alternative=alt, method=method)


# ---------------------------------------------------------------- models
def spec_of(plan):
    predictors = [p if isinstance(p, dict) else {"column": p} for p in plan["predictors"]]
    return {"target": plan["target_column"], "predictors": [{"column": p["column"], **({"categorical": True} if p.get("categorical") else {})} for p in predictors],
            "intercept": plan.get("fit_intercept", True)}


def split_rows(table, plan, derive):
    """The complete rows in frame order, then scikit-learn's train/test split of them (None without a split)."""
    spec = spec_of(plan)
    df = rows_of(table, plan, derive)
    names = list(dict.fromkeys([spec["target"]] + [p["column"] for p in spec["predictors"]]))
    complete = df.dropna(subset=names)
    split = plan.get("split")
    if split is None:
        return spec, names, complete, None
    kwargs = {k: split[k] for k in ("test_size", "train_size", "random_state", "shuffle") if k in split}
    train, test = train_test_split(np.arange(len(complete)), **kwargs)
    return spec, names, complete.iloc[train], complete.iloc[test]


def fixture_columns(types, df, names):
    return [m.col(n, types[n], [None if (not isinstance(v, str) and pd.isna(v)) else v for v in df[n].tolist()]) for n in names]


def design_info(spec, train):
    return patsy.dmatrix(m.formula_rhs(spec), train, return_type="dataframe").design_info


def echo(spec, inputs):
    """Each input as the engine echoes it: its value for every predictor column (key order is not compared)."""
    return [{p["column"]: i[p["column"]] for p in spec["predictors"]} for i in inputs]


def ols_expected(table, plan, cid, derive=None, types=None):
    types = types or table.types
    spec, names, train, test = split_rows(table, plan, derive)
    confidence = plan.get("confidence", 0.95)
    ref = m.ols_case(cid, fixture_columns(types, train, names), spec, confidence)
    e = ref["expected"]
    marks = {k: ref[k] for k in ("note", "exact_fields") if k in ref}
    if "error" in e:
        return {"error": e["error"]}, marks
    p = len(e["names"])
    row = lambda j: {"name": e["names"][j], "estimate": e["coefficients"][j], "std_error": e["stdErrors"][j], "t_value": e["tValues"][j],
                     "p_value": e["pValues"][j], "ci_lower": e["ciLower"][j], "ci_upper": e["ciUpper"][j]}
    result = {"model": "ols", "target": spec["target"], "n": e["n"], "df_model": e["dfModel"], "df_resid": e["dfResid"], "confidence": confidence,
              "coefficients": [row(j) for j in range(p)], "r_squared": e["rSquared"], "adj_r_squared": e["rSquaredAdj"], "f_statistic": e["fValue"],
              "f_p_value": e["fPValue"], "log_likelihood": e["logLikelihood"], "aic": e["aic"], "bic": e["bic"],
              "residual_std_error": m.num(math.sqrt(e["ssr"] / e["dfResid"])) if e["dfResid"] > 0 else None}
    frame = m.frame(fixture_columns(types, train, names))
    info = design_info(spec, frame)
    x_train = patsy.dmatrix(info, frame, return_type="dataframe").to_numpy()
    cut = 1 if spec["intercept"] else 0
    model = LinearRegression(fit_intercept=spec["intercept"]).fit(x_train[:, cut:], frame[spec["target"]].to_numpy(dtype=float))
    if test is not None:
        x_test = patsy.dmatrix(info, m.frame(fixture_columns(types, test, names)), return_type="dataframe").to_numpy()[:, cut:]
        y, pred = test[spec["target"]].to_numpy(dtype=float), model.predict(x_test)
        result["split"] = {"train_rows": len(train), "test_rows": len(test)}
        result["test_metrics"] = {"n": len(y), "r2": m.num(r2_score(y, pred)) if len(y) >= 2 else None, "mse": m.num(mean_squared_error(y, pred)),
                                  "rmse": m.num(mean_squared_error(y, pred, squared=False)), "mae": m.num(mean_absolute_error(y, pred))}
    if "predict" in plan:
        x_new = patsy.dmatrix(info, pd.DataFrame(plan["predict"]), return_type="dataframe").to_numpy()[:, cut:]
        result["predictions"] = [{"input": i, "predicted": m.num(v)} for i, v in zip(echo(spec, plan["predict"]), model.predict(x_new))]
    return {"result": result}, marks


def logistic_expected(table, plan, cid, derive=None):
    spec, names, train, test = split_rows(table, plan, derive)
    penalised = plan.get("penalty", "l2") != "none"
    c = plan.get("C", 1.0)
    confidence = plan.get("confidence", 0.95)
    ref = m.logistic_case(cid, fixture_columns(table.types, train, names), spec, c=c, confidence=confidence)
    e = ref["expected"]
    if "error" in e:
        return {"error": e["error"]}, {}
    fit = e["sklearn"] if penalised else e["logit"]
    if "error" in fit:
        return {"error": fit["error"]}, {k: fit[k] for k in ("note",) if k in fit}
    marks = {"tolerance": "iterative"}
    if fit.get("reference"):
        marks["note"] = fit["note"]
    classes = e["classes"]
    b = np.array(fit["coefficients"], dtype=float)
    result = {"model": "logistic", "penalty": "l2" if penalised else "none", "target": spec["target"], "classes": classes,
              "positive_class": classes[1], "n": e["n"], "log_likelihood": fit["logLikelihood"]}
    if penalised:
        result["coefficients"] = [{"name": nm, "estimate": v} for nm, v in zip(e["names"], fit["coefficients"])]
        result["C"] = c
        marks["objective"] = fit["objective"]
    else:
        result["coefficients"] = [{"name": nm, "estimate": fit["coefficients"][j], "std_error": fit["stdErrors"][j], "z_value": fit["zValues"][j],
                                   "p_value": fit["pValues"][j], "ci_lower": fit["ciLower"][j], "ci_upper": fit["ciUpper"][j]} for j, nm in enumerate(e["names"])]
        result.update(confidence=confidence, df_model=fit["dfModel"], df_resid=fit["dfResid"], ll_null=fit["llNull"], pseudo_r_squared=fit["pseudoRSquared"],
                      llr=fit["llr"], llr_p_value=fit["llrPValue"], aic=fit["aic"], bic=fit["bic"])
    frame = m.frame(fixture_columns(table.types, train, names))
    info = design_info(spec, frame)
    if test is not None:
        test_frame = m.frame(fixture_columns(table.types, test, names))
        eta = patsy.dmatrix(info, test_frame, return_type="dataframe").to_numpy() @ b
        truth = [m.label(v) for v in test_frame[spec["target"]]]
        pred = [classes[1] if v > 0 else classes[0] for v in eta]
        labels = sorted(set(truth) | set(pred))
        result["split"] = {"train_rows": len(train), "test_rows": len(test)}
        result["test_metrics"] = {
            "n": len(truth), "accuracy": accuracy_score(truth, pred),
            "precision": precision_score(truth, pred, pos_label=classes[1], zero_division=0),
            "recall": recall_score(truth, pred, pos_label=classes[1], zero_division=0),
            "f1": f1_score(truth, pred, pos_label=classes[1], zero_division=0),
            "labels": labels, "confusion_matrix": confusion_matrix(truth, pred, labels=labels).tolist(),
        }
        if penalised:
            from sklearn.linear_model import LogisticRegression
            cut = 1 if spec["intercept"] else 0
            default = LogisticRegression(C=c, fit_intercept=spec["intercept"]).fit(patsy.dmatrix(info, frame, return_type="dataframe").to_numpy()[:, cut:],
                                                                                     [m.label(v) for v in frame[spec["target"]]])
            marks["default_agrees"] = [m.label(v) for v in default.predict(patsy.dmatrix(info, test_frame, return_type="dataframe").to_numpy()[:, cut:])] == pred
    if "predict" in plan:
        eta = patsy.dmatrix(info, pd.DataFrame(plan["predict"]), return_type="dataframe").to_numpy() @ b
        result["predictions"] = [{"input": i, "predicted_class": classes[1] if v > 0 else classes[0], "probability": float(1 / (1 + math.exp(-v)))}
                                 for i, v in zip(echo(spec, plan["predict"]), eta)]
    return {"result": result}, marks


# ---------------------------------------------------------------- cases
CASES = []


def add(cid, table, plan, expected, marks=None, **extra):
    assert all(c["id"] != cid for c in CASES), cid
    case = {"id": cid, "csv": table.name, "plan": plan, "expected": expected, **(marks or {}), **extra}
    CASES.append(case)


def add_test(cid, table, plan, derive=None, error=None, **extra):
    plan = {"operation": "test", **plan}
    try:
        result, marks, warned = test_expected(table, plan, derive)
    except (ValueError, TypeError, ZeroDivisionError):
        assert error is not None, f"{cid}: scipy raised"
        add(cid, table, plan, {"error": error}, **extra)
        return
    assert error is None, f"{cid}: scipy did not raise"
    add(cid, table, plan, {"result": result, "scipy_warns": warned}, marks, **extra)


def add_model(cid, table, plan, derive=None, types=None, error=None, departure=None, **extra):
    if departure is not None:
        # The engine refuses what the reference silently answers (models/README.md "Departures").
        add(cid, table, plan, {"error": error}, {"note": departure}, **extra)
        return
    try:
        expected, marks = (ols_expected(table, plan, cid, derive, types) if plan["operation"] == "ols" else logistic_expected(table, plan, cid, derive))
    except (ValueError, patsy.PatsyError):
        assert error is not None, f"{cid}: the reference raised"
        add(cid, table, plan, {"error": error}, **extra)
        return
    if error is not None:
        assert expected.get("error") == error, f"{cid}: expected {error}, got {expected}"
    add(cid, table, plan, expected, marks, **extra)


def upto(k):
    return [{"column": "id", "operator": "<=", "value": k}]


def normality_cases(T, I):
    for test in ("shapiro", "normaltest", "jarque_bera", "kstest", "anderson"):
        for column in ("x_norm", "x_skew", "x_ties", "score", "y_dep", "diff"):
            add_test(f"{test}:{column}", I, {"test": test, "target_column": column})
        for column in ("fare", "age"):
            add_test(f"{test}:titanic:{column}", T, {"test": test, "target_column": column}, question=test == "shapiro" and column == "fare")
        add_test(f"{test}:titanic:age:female", T, {"test": test, "target_column": "age", "filters": [{"column": "sex", "operator": "==", "value": "female"}]})
        for k in (3, 5, 8, 12, 20, 50):
            error = "insufficient_data" if test == "normaltest" and k < 8 else None
            add_test(f"{test}:n{k}", I, {"test": test, "target_column": "x_skew", "filters": upto(k)}, error=error)
        add_test(f"{test}:constant", I, {"test": test, "target_column": "x_const"})
    add_test("shapiro:n2", I, {"test": "shapiro", "target_column": "x_skew", "filters": upto(2)}, error="insufficient_data")
    for alt in ("less", "greater"):
        for column in ("x_skew", "x_norm"):
            add_test(f"kstest:{column}:{alt}", I, {"test": "kstest", "target_column": column, "alternative": alt})
    for alpha in (0.01, 0.025, 0.1, 0.15, 0.03):
        add_test(f"anderson:alpha{alpha}", I, {"test": "anderson", "target_column": "x_skew", "alpha": alpha})
    add_test("shapiro:alpha0.01", I, {"test": "shapiro", "target_column": "x_norm", "alpha": 0.01})


def location_cases(T, I):
    for alt in ALTERNATIVES:
        add_test(f"ttest_1samp:x_norm:{alt}", I, {"test": "ttest_1samp", "target_column": "x_norm", "popmean": 50, "alternative": alt})
    for cid, plan in [("x_norm-49", {"target_column": "x_norm", "popmean": 49}), ("x_skew-2", {"target_column": "x_skew", "popmean": 2}),
                      ("n2", {"target_column": "x_skew", "popmean": 1, "filters": upto(2)}), ("n1", {"target_column": "x_skew", "popmean": 1, "filters": upto(1)}),
                      ("constant-equal", {"target_column": "x_const", "popmean": 7.5}), ("constant-below", {"target_column": "x_const", "popmean": 7}),
                      ("titanic-age", {"target_column": "age", "popmean": 30})]:
        add_test(f"ttest_1samp:{cid}", T if "titanic" in cid else I, {"test": "ttest_1samp", **plan})
    for eq in (True, False):
        for groups in (["a", "b"], ["c", "a"]):
            add_test(f"ttest_ind:score-by-g3:{'-'.join(groups)}:{eq}", I, {"test": "ttest_ind", "target_column": "score", "group_column": "g3", "groups": groups, "equal_var": eq})
        for alt in ALTERNATIVES:
            add_test(f"ttest_ind:titanic-age-by-sex:{alt}:{eq}", T, {"test": "ttest_ind", "target_column": "age", "group_column": "sex", "groups": ["male", "female"], "equal_var": eq, "alternative": alt})
        add_test(f"ttest_ind:columns:{eq}", I, {"test": "ttest_ind", "sample_columns": ["x_norm", "y_dep"], "equal_var": eq})
        add_test(f"ttest_ind:boolean-groups:{eq}", I, {"test": "ttest_ind", "target_column": "x_norm", "group_column": "flag", "groups": [True, False], "equal_var": eq})
        add_test(f"ttest_ind:numeric-groups:{eq}", I, {"test": "ttest_ind", "target_column": "x_skew", "group_column": "level", "groups": [1, 4], "equal_var": eq})
        add_test(f"ttest_ind:small:{eq}", I, {"test": "ttest_ind", "target_column": "x_skew", "group_column": "flag", "groups": [False, True], "equal_var": eq, "filters": upto(6)})
        add_test(f"ttest_ind:constant:{eq}", I, {"test": "ttest_ind", "target_column": "x_const", "group_column": "g3", "groups": ["a", "b"], "equal_var": eq})
        add_test(f"ttest_ind:empty-group:{eq}", I, {"test": "ttest_ind", "target_column": "x_norm", "group_column": "g3", "groups": ["a", "b"], "equal_var": eq,
                                                     "filters": [{"column": "g3", "operator": "==", "value": "a"}]})
    for alt in ALTERNATIVES:
        add_test(f"mannwhitneyu:titanic-age-by-sex:{alt}", T, {"test": "mannwhitneyu", "target_column": "age", "group_column": "sex", "groups": ["male", "female"], "alternative": alt},
                 question=alt == "two-sided")
        add_test(f"mannwhitneyu:exact:{alt}", I, {"test": "mannwhitneyu", "target_column": "x_skew", "group_column": "flag", "groups": [True, False], "alternative": alt, "filters": upto(12)})
        add_test(f"mannwhitneyu:ties:{alt}", I, {"test": "mannwhitneyu", "target_column": "x_ties", "group_column": "g3", "groups": ["a", "b"], "alternative": alt})
    for cid, plan, table in [("numeric-groups", {"target_column": "x_norm", "group_column": "level", "groups": [1, 2]}, I),
                             ("columns", {"sample_columns": ["before", "after"]}, I), ("small-groups", {"target_column": "score", "group_column": "g8", "groups": ["g7", "g8"]}, I),
                             ("exact-8-8", {"target_column": "x_skew", "group_column": "flag", "groups": [False, True], "filters": upto(16)}, I),
                             ("titanic-fare-by-survived", {"target_column": "fare", "group_column": "survived", "groups": [0, 1]}, T)]:
        add_test(f"mannwhitneyu:{cid}", table, {"test": "mannwhitneyu", **plan})
    add_test("mannwhitneyu:empty-group", I, {"test": "mannwhitneyu", "target_column": "x_norm", "group_column": "g3", "groups": ["a", "b"],
                                             "filters": [{"column": "g3", "operator": "==", "value": "a"}]}, error="insufficient_data")
    for alt in ALTERNATIVES:
        add_test(f"ttest_rel:before-after:{alt}", I, {"test": "ttest_rel", "sample_columns": ["before", "after"], "alternative": alt})
        add_test(f"wilcoxon:diff:{alt}", I, {"test": "wilcoxon", "target_column": "diff", "alternative": alt})
        add_test(f"wilcoxon:before-after:{alt}", I, {"test": "wilcoxon", "sample_columns": ["before", "after"], "alternative": alt})
        add_test(f"wilcoxon:exact:{alt}", I, {"test": "wilcoxon", "sample_columns": ["before", "after"], "alternative": alt, "filters": upto(30)})
    for cid, plan in [("small", {"sample_columns": ["before", "after"], "filters": upto(10)}), ("x-y", {"sample_columns": ["x_norm", "y_dep"]}),
                      ("reversed", {"sample_columns": ["after", "before"]}), ("n1", {"sample_columns": ["before", "after"], "filters": upto(1)})]:
        add_test(f"ttest_rel:{cid}", I, {"test": "ttest_rel", **plan})
    for cid, plan in [("diff-n20", {"target_column": "diff", "filters": upto(20)}), ("x_skew", {"target_column": "x_skew"}),
                      ("diff-n60", {"target_column": "diff", "filters": upto(60)}), ("x_ties-5", {"sample_columns": ["x_ties", "dice"]})]:
        add_test(f"wilcoxon:{cid}", I, {"test": "wilcoxon", **plan})


def group_cases(T, I):
    layouts = [
        ("score-by-g8", I, {"target_column": "score", "group_column": "g8"}),
        ("score-by-g3", I, {"target_column": "score", "group_column": "g3"}),
        ("score-by-g8-listed", I, {"target_column": "score", "group_column": "g8", "groups": ["g3", "g1", "g2"]}),
        ("columns", I, {"sample_columns": ["x_norm", "y_dep", "score"]}),
        ("numeric-groups", I, {"target_column": "x_skew", "group_column": "level"}),
        ("titanic-fare-by-pclass", T, {"target_column": "fare", "group_column": "pclass"}),
        ("titanic-age-by-embarked", T, {"target_column": "age", "group_column": "embarked"}),
        ("small", I, {"target_column": "x_skew", "group_column": "g3", "filters": upto(15)}),
    ]
    for test in ("f_oneway", "kruskal", "levene"):
        for cid, table, plan in layouts:
            add_test(f"{test}:{cid}", table, {"test": test, **plan})
    for center in ("mean", "trimmed"):
        for cid, table, plan in layouts[:6]:
            add_test(f"levene:{center}:{cid}", table, {"test": "levene", "center": center, **plan})
    add_test("f_oneway:constant-groups", I, {"test": "f_oneway", "target_column": "x_const", "group_column": "g3"})
    add_test("kruskal:all-equal", I, {"test": "kruskal", "target_column": "x_const", "group_column": "g3"}, error="insufficient_data")
    add_test("f_oneway:one-group", I, {"test": "f_oneway", "target_column": "score", "group_column": "g3", "filters": [{"column": "g3", "operator": "==", "value": "a"}]},
             error="insufficient_data")
    add_test("kruskal:empty-group", I, {"test": "kruskal", "target_column": "score", "group_column": "g3", "groups": ["a", "b"],
                                        "filters": [{"column": "g3", "operator": "==", "value": "a"}]})


def count_cases(T, I):
    for cid, table, plan in [
        ("titanic-survived-by-sex", T, {"target_column": "survived", "group_column": "sex"}),
        ("titanic-embarked-by-pclass", T, {"target_column": "embarked", "group_column": "pclass"}),
        ("titanic-survived-by-adult", T, {"target_column": "survived", "group_column": "adult"}),
        ("answer-by-color", I, {"target_column": "answer", "group_column": "color"}),
        ("dice-by-g3", I, {"target_column": "dice", "group_column": "g3"}),
        ("dice-by-g3-listed", I, {"target_column": "dice", "group_column": "g3", "groups": ["c", "a"]}),
        ("flag-by-level", I, {"target_column": "flag", "group_column": "level"}),
        ("small-2x2", I, {"target_column": "flag", "group_column": "answer", "filters": upto(12)}),
        ("g3-by-color", I, {"target_column": "g3", "group_column": "color"}),
    ]:
        add_test(f"chi2_contingency:{cid}", table, {"test": "chi2_contingency", **plan})
    for cid, table, plan in [
        ("dice-uniform", I, {"target_column": "dice"}),
        ("dice-proportions", I, {"target_column": "dice", "expected_proportions": [{"value": v, "proportion": p} for v, p in zip(range(1, 7), [0.1, 0.1, 0.2, 0.2, 0.2, 0.2])]}),
        ("embarked-uniform", T, {"target_column": "embarked"}),
        ("embarked-proportions", T, {"target_column": "embarked", "expected_proportions": [{"value": "S", "proportion": 0.7}, {"value": "C", "proportion": 0.2}, {"value": "Q", "proportion": 0.1}]}),
        ("color-with-unobserved", I, {"target_column": "color", "expected_proportions": [{"value": "red", "proportion": 0.4}, {"value": "green", "proportion": 0.3},
                                                                                          {"value": "blue", "proportion": 0.25}, {"value": "purple", "proportion": 0.05}]}),
        ("sex", T, {"target_column": "sex"}),
        ("flag", I, {"target_column": "flag"}),
        ("one-category", I, {"target_column": "x_const"}),
    ]:
        add_test(f"chisquare:{cid}", table, {"test": "chisquare", **plan})
    for alt in ALTERNATIVES:
        add_test(f"kendalltau:x-y:{alt}", I, {"test": "kendalltau", "x_axis": "x_norm", "y_axis": "y_dep", "alternative": alt})
        add_test(f"kendalltau:exact:{alt}", I, {"test": "kendalltau", "x_axis": "x_skew", "y_axis": "y_dep", "alternative": alt, "filters": upto(20)})
    for cid, table, plan in [("titanic-age-fare", T, {"x_axis": "age", "y_axis": "fare"}), ("ties", I, {"x_axis": "x_ties", "y_axis": "dice"}),
                             ("n40", I, {"x_axis": "x_skew", "y_axis": "diff", "filters": upto(40)}), ("constant", I, {"x_axis": "x_const", "y_axis": "x_skew"})]:
        add_test(f"kendalltau:{cid}", table, {"test": "kendalltau", **plan})


def tail_cases(X):
    for cid, plan in [
        ("ttest_ind", {"test": "ttest_ind", "target_column": "tt_val", "group_column": "tt_grp", "groups": ["A", "B"]}),
        ("ttest_1samp", {"test": "ttest_1samp", "target_column": "t1_val", "popmean": 0}),
        ("ttest_rel", {"test": "ttest_rel", "sample_columns": ["tr_a", "tr_b"]}),
        ("mannwhitneyu", {"test": "mannwhitneyu", "target_column": "mw_val", "group_column": "mw_grp", "groups": ["A", "B"]}),
        ("kruskal", {"test": "kruskal", "target_column": "kw_val", "group_column": "kw_grp"}),
        ("f_oneway", {"test": "f_oneway", "target_column": "an_val", "group_column": "an_grp"}),
        ("levene", {"test": "levene", "target_column": "lv_val", "group_column": "lv_grp"}),
        ("wilcoxon", {"test": "wilcoxon", "target_column": "wx_val"}),
        ("kendalltau", {"test": "kendalltau", "x_axis": "kt_x", "y_axis": "kt_y"}),
        ("jarque_bera", {"test": "jarque_bera", "target_column": "jb_val"}),
        ("chi2_contingency", {"test": "chi2_contingency", "target_column": "ct_b", "group_column": "ct_a"}),
        ("chisquare", {"test": "chisquare", "target_column": "cs_val"}),
    ]:
        add_test(f"tail-1e-300:{cid}", X, plan)
    add_test("underflow:ttest_ind", X, {"test": "ttest_ind", "sample_columns": ["tt_val", "jb_val"]})


def step_cases(T, I):
    log_fare = {"log_fare": lambda d: np.log(d.fare + 1)}
    add_test("steps:shapiro-log-fare", T, {"test": "shapiro", "target_column": "log_fare", "steps": [{"derive": {"name": "log_fare", "expr": "log(fare + 1)"}}]}, derive=log_fare)
    add_test("steps:mannwhitneyu-log-fare", T, {"test": "mannwhitneyu", "target_column": "log_fare", "group_column": "sex", "groups": ["female", "male"],
                                               "steps": [{"derive": {"name": "log_fare", "expr": "log(fare + 1)"}}]}, derive=log_fare)
    add_test("steps:ttest-ind-derived-groups", I, {"test": "ttest_ind", "target_column": "score", "group_column": "high", "groups": [True, False],
                                                  "steps": [{"derive": {"name": "high", "expr": "x_norm > 50"}}]},
             derive={"high": lambda d: d.x_norm > 50})


def model_cases(T, A, I):
    mpg_inputs = [{"weight": 3000, "acceleration": 15.0}, {"weight": 2200, "acceleration": 19.5}]
    add_model("ols:question:mpg-weight-acceleration-split", A, {"operation": "ols", "target_column": "mpg", "predictors": ["weight", "acceleration"],
                                                                 "split": {"test_size": 0.2, "random_state": 42}, "predict": mpg_inputs}, question=True)
    for cid, plan in [
        ("mpg-weight", {"predictors": ["weight"]}),
        ("mpg-weight-0.9", {"predictors": ["weight"], "confidence": 0.9}),
        ("mpg-weight-acceleration", {"predictors": ["weight", "acceleration"]}),
        ("mpg-horsepower-origin", {"predictors": ["weight", "horsepower", "origin"]}),
        ("mpg-cylinders-categorical", {"predictors": ["weight", {"column": "cylinders", "categorical": True}, "origin"], "confidence": 0.99}),
        ("mpg-five", {"predictors": ["cylinders", "displacement", "horsepower", "weight", "acceleration"]}),
        ("mpg-five-year", {"predictors": ["displacement", "horsepower", "weight", "acceleration", "model_year"]}),
        ("mpg-no-intercept", {"predictors": ["weight", "acceleration"], "fit_intercept": False}),
        ("mpg-no-intercept-origin", {"predictors": ["origin", "weight"], "fit_intercept": False}),
        ("mpg-usa", {"predictors": ["weight", "acceleration"], "filters": [{"column": "origin", "operator": "==", "value": "usa"}]}),
        ("mpg-light", {"predictors": ["weight", "acceleration"], "filters": [{"column": "weight", "operator": "<", "value": 2600}]}),
        ("mpg-predict-origin", {"predictors": ["weight", "origin"], "predict": [{"weight": 2500, "origin": "japan"}, {"weight": 4000, "origin": "usa"}, {"weight": 3000, "origin": "europe"}]}),
    ]:
        add_model(f"ols:{cid}", A, {"operation": "ols", "target_column": "mpg", **plan})
    for seed in (0, 1, 7, 42, 123, 2024, 2**32 - 1):
        for size in (0.2, 0.25, 0.33):
            add_model(f"ols:split:seed{seed}:test{size}", A, {"operation": "ols", "target_column": "mpg", "predictors": ["weight", "acceleration", "origin"],
                                                              "split": {"test_size": size, "random_state": seed}})
    for cid, split in [("count-50", {"test_size": 50, "random_state": 3}), ("train-0.6", {"train_size": 0.6, "random_state": 11}),
                       ("both", {"test_size": 0.1, "train_size": 0.7, "random_state": 5}), ("no-shuffle", {"test_size": 0.3, "shuffle": False}),
                       ("default-size", {"random_state": 9})]:
        add_model(f"ols:split:{cid}", A, {"operation": "ols", "target_column": "mpg", "predictors": ["weight", "horsepower"], "split": split, "predict": [{"weight": 2800, "horsepower": 95.0}]})
    add_model("ols:titanic-fare", T, {"operation": "ols", "target_column": "fare", "predictors": ["age", "sex", {"column": "pclass", "categorical": True}, "adult"]})
    add_model("ols:titanic-fare-split", T, {"operation": "ols", "target_column": "fare", "predictors": ["age", "sex", "sibsp"], "split": {"test_size": 0.3, "random_state": 1}})
    add_model("ols:score-by-groups", I, {"operation": "ols", "target_column": "score", "predictors": ["g8", "x_norm", "flag"]})
    add_model("ols:collinear-derived", A, {"operation": "ols", "target_column": "mpg", "predictors": ["weight", "w2"], "steps": [{"derive": {"name": "w2", "expr": "weight * 2"}}]},
              derive={"w2": lambda d: d.weight * 2}, types={**A.types, "w2": "float"}, error="collinear_predictors")
    add_model("ols:collinear-single-level", A, {"operation": "ols", "target_column": "mpg", "predictors": ["weight", "origin"],
                                                "filters": [{"column": "origin", "operator": "==", "value": "usa"}]}, error="collinear_predictors",
              departure="origin has the single level usa in these rows: patsy codes it with no column, the engine refuses it as duplicating the intercept")
    add_model("ols:invalid-split", A, {"operation": "ols", "target_column": "mpg", "predictors": ["weight"], "split": {"test_size": 500, "random_state": 0}}, error="invalid_split")

    titanic = ["age", "fare", "sex", {"column": "pclass", "categorical": True}]
    inputs = [{"age": 30.0, "fare": 20.0, "sex": "female", "pclass": 2}, {"age": 45.0, "fare": 8.05, "sex": "male", "pclass": 3}]
    for penalty in ("l2", "none"):
        base = {"operation": "logistic", "target_column": "survived", "penalty": penalty}
        add_model(f"logistic:{penalty}:titanic", T, {**base, "predictors": titanic, "predict": inputs})
        add_model(f"logistic:{penalty}:titanic-split", T, {**base, "predictors": titanic, "split": {"test_size": 0.25, "random_state": 0}, "predict": inputs})
        add_model(f"logistic:{penalty}:titanic-split-42", T, {**base, "predictors": ["age", "fare", "sex"], "split": {"test_size": 0.2, "random_state": 42}})
        add_model(f"logistic:{penalty}:titanic-sex", T, {**base, "predictors": ["sex"]})
        add_model(f"logistic:{penalty}:titanic-no-intercept", T, {**base, "predictors": ["age", "fare"], "fit_intercept": False})
        add_model(f"logistic:{penalty}:sex-target", T, {"operation": "logistic", "target_column": "sex", "penalty": penalty, "predictors": ["fare", "age"]})
        add_model(f"logistic:{penalty}:adult-target", T, {"operation": "logistic", "target_column": "adult", "penalty": penalty, "predictors": ["fare", "sibsp"]})
        add_model(f"logistic:{penalty}:answer-by-color", I, {"operation": "logistic", "target_column": "answer", "penalty": penalty, "predictors": ["color", "x_skew"],
                                                            "predict": [{"color": "red", "x_skew": 1.0}]})
        add_model(f"logistic:{penalty}:flag", I, {"operation": "logistic", "target_column": "flag", "penalty": penalty, "predictors": ["x_norm", "score", "g3"],
                                                 "split": {"test_size": 0.3, "random_state": 5}})
    for c in (0.01, 0.1, 10.0, 1000.0):
        add_model(f"logistic:C{c}", T, {"operation": "logistic", "target_column": "survived", "predictors": titanic, "C": c})
    add_model("logistic:none:0.9", T, {"operation": "logistic", "target_column": "survived", "penalty": "none", "predictors": ["age", "sex"], "confidence": 0.9})
    separable = {"steps": [{"derive": {"name": "high", "expr": "x_norm > 50"}}]}
    high = {"high": lambda d: d.x_norm > 50}
    htypes = {**I.types, "high": "boolean"}
    I.types.update({"high": "boolean"})
    add_model("logistic:l2:separable", I, {"operation": "logistic", "target_column": "high", "predictors": ["x_norm"], **separable}, derive=high)
    add_model("logistic:none:separable", I, {"operation": "logistic", "target_column": "high", "penalty": "none", "predictors": ["x_norm"], **separable}, derive=high,
              error="perfect_separation")
    del I.types["high"]
    del htypes
    add_model("logistic:three-classes", T, {"operation": "logistic", "target_column": "pclass", "predictors": ["fare"]}, error="invalid_target")
    add_model("logistic:one-class", T, {"operation": "logistic", "target_column": "survived", "predictors": ["fare"], "filters": [{"column": "survived", "operator": "==", "value": 1}]},
              error="invalid_target")


def probplot_cases():
    """scipy.stats.probplot(x, dist="norm") for the Q-Q plot of normality tests (inference/normal-probability-plot.ts)."""
    rng = np.random.default_rng(1302)
    out = []
    for n in (2, 3, 4, 10, 57, 400):
        x = np.round(rng.normal(5, 2, n), 4)
        (osm, osr), (slope, intercept, r) = stats.probplot(x)
        out.append({"values": x.tolist(), "theoretical": osm.tolist(), "ordered": osr.tolist(), "slope": slope, "intercept": intercept, "r": r})
    return out


def write_json(name, payload, out=OUT):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        json.dump(payload, f, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    T, A, I, X = titanic_table(), Table("autompg.csv", m.auto_mpg_columns()), inference_table(), tails_table()
    for table in (T, A, I, X):
        table.write()
    normality_cases(T, I)
    location_cases(T, I)
    group_cases(T, I)
    count_cases(T, I)
    tail_cases(X)
    step_cases(T, I)
    model_cases(T, A, I)
    write_json("inference-cases.json", CASES)
    kernel_fixtures = os.path.join(os.path.dirname(__file__), "..", "..", "src", "engine", "inference", "fixtures")
    os.makedirs(kernel_fixtures, exist_ok=True)
    write_json("probplot.json", probplot_cases(), kernel_fixtures)
    counts = {}
    for c in CASES:
        kind = c["plan"]["test"] if c["plan"]["operation"] == "test" else c["plan"]["operation"]
        counts[kind] = counts.get(kind, 0) + 1
    marked = sum(1 for c in CASES if "reference" in c)
    print(f"{len(CASES)} cases ({sum(1 for c in CASES if 'error' in c['expected'])} errors, {marked} with an exact/mpmath p-value)")
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
