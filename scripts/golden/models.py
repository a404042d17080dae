#!/usr/bin/python3
"""Golden fixtures for the model kernels (src/engine/models): design matrices, OLS, logistic regression,
train/test splits and metrics, computed by statsmodels 0.13.5, scikit-learn 1.2.1, numpy 1.24.2 and patsy.

Run: /usr/bin/python3 scripts/golden/models.py
Writes src/engine/models/fixtures/{design,ols,logistic,split,metrics,workflow}.json; deterministic (every
generator is seeded; re-running gives the same bytes). The TypeScript tests read only those files.

Every expected value is the reference library's, with these documented exceptions (marked in the cases):
- OLS: every case is also solved exactly (rational least squares with `fractions`, square roots, logs and
  distribution tails with mpmath at 50 digits). A field where statsmodels differs from the exact value by more
  than 1e-11 relative is recorded exactly and listed in the case's "exact_fields" (ill-conditioned designs,
  where statsmodels' pseudo-inverse loses cond(X)·eps; p-values in far tails). Confidence bounds use the exact
  t quantile: scipy 1.10's `t.ppf` is off by up to ~3e-9 relative for some degrees of freedom.
- Levels of a categorical predictor come from the rows the model uses (`df.dropna(subset=...)` before the
  formula). statsmodels' `missing="drop"` sniffs levels before dropping rows, so a level seen only in a dropped
  row becomes an all-zero column fitted as a zero coefficient with zero standard error; case
  "ols-phantom-level" checks that every other number is the same.
- n = p (no residual degree of freedom): statsmodels divides by zero (inf standard errors); the engine
  returns NaN (null) for every statistic needing a residual degree of freedom. Only coefficients and R² compared.
- Logistic regression: the golden coefficients and objective are scikit-learn's tightly converged optimum of
  `LogisticRegression()`'s objective, computed by its solver="newton-cholesky" with tol=1e-12 (same estimator,
  same objective): lbfgs with tol=1e-12 and max_iter=100000 still stops ~1e-5 (up to 2e-2 on a weakly
  identified coefficient) from the optimum, because scipy's L-BFGS-B also stops on a relative decrease of the
  objective below ftol = 2.2e-9, which scikit-learn does not expose; its objective is recorded too
  ("lbfgsTightObjective", never lower). The class predictions of the default fit (lbfgs, tol=1e-4) are
  recorded; the engine must equal them whenever the default fit reached the optimum's predictions. It does not
  always: on unscaled predictors (case "logistic-unscaled-large") lbfgs meets its gradient tolerance far from
  the optimum and some predictions differ; the engine returns the optimum's (its objective is lower).
  statsmodels' Logit is run with method="newton", tol=1e-12, maxiter=1000. Every logistic optimum (penalised and
  not) is also found in 40-digit arithmetic (mpmath Newton); where a library stops more than 1e-9 from it
  (ill-conditioned designs), the 40-digit values are recorded ("reference": "mpmath"). statsmodels fits llnull
  numerically; where it differs from the closed form by more than 1e-11, llnull and what derives from it
  (pseudo R², llr, its p-value) are recorded exactly ("exact_fields").
- Quasi-complete separation: statsmodels' Logit does not raise (it warns and returns unconverged estimates);
  the engine refuses with "perfect_separation" (case notes say so). Complete separation raises in both.
- Binary targets other than 0/1 are coded 0/1 with scikit-learn's positive class (classes_[1]) for Logit too;
  statsmodels itself refuses endog outside [0, 1].
- train/test split sizes: a JSON number is a count when it is an integer, else a fraction (Python's 1.0 would
  be a fraction and refused; JSON cannot tell it from 1).
"""
import hashlib
import json
import math
import os
import warnings
from fractions import Fraction

import mpmath
import numpy as np
import pandas as pd
import patsy
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, mean_absolute_error, mean_squared_error,
                             precision_score, r2_score, recall_score)
from sklearn.model_selection import train_test_split
from statsmodels.tools.sm_exceptions import PerfectSeparationError

warnings.filterwarnings("ignore")
mpmath.mp.dps = 50
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "engine", "models", "fixtures")


# ---------------------------------------------------------------- JSON helpers
def num(v):
    """A float for JSON: NaN -> null, ±inf -> "Infinity"/"-Infinity" (read back by the tests)."""
    if v is None:
        return None
    v = float(v)
    if math.isnan(v):
        return None
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def nums(values):
    return [num(v) for v in values]


def label(v):
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return float(v)
    return str(v)


def with_tables(cases):
    """Cases that share a table store it once: {"tables": {key: columns}, "cases": [... "table": key ...]}."""
    tables = {}
    for case in cases:
        if "columns" in case:
            columns = case.pop("columns")
            key = hashlib.sha256(json.dumps(columns, sort_keys=True).encode()).hexdigest()[:12]
            tables.setdefault(key, columns)
            case["table"] = key
    return {"tables": tables, "cases": cases}


def write(name, payload):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(payload, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


# ---------------------------------------------------------------- tables
def col(name, kind, values):
    """A fixture column: kind is the engine type (integer, float, boolean, string, datetime); None is missing."""
    return {"name": name, "type": kind, "values": [None if v is None else (label(v) if kind in ("string", "boolean") else float(v)) for v in values]}


def frame(columns):
    """The DataFrame pandas.read_csv would build: int64 without missing, float64 with; bool/object; object strings."""
    data = {}
    for c in columns:
        values = c["values"]
        has_missing = any(v is None for v in values)
        if c["type"] == "integer":
            data[c["name"]] = pd.Series([np.nan if v is None else v for v in values], dtype="float64" if has_missing else "int64")
        elif c["type"] == "float":
            data[c["name"]] = pd.Series([np.nan if v is None else v for v in values], dtype="float64")
        elif c["type"] == "boolean":
            data[c["name"]] = pd.Series([np.nan if v is None else bool(v) for v in values], dtype=object if has_missing else bool)
        else:
            data[c["name"]] = pd.Series([np.nan if v is None else v for v in values], dtype=object)
    return pd.DataFrame(data)


def formula_rhs(spec):
    terms = [f"C({p['column']})" if p.get("categorical") else p["column"] for p in spec["predictors"]]
    if not spec["intercept"]:
        terms = ["0"] + terms
    return " + ".join(terms) if terms else "1"


def used_frame(columns, spec):
    df = frame(columns)
    names = [spec["target"]] + [p["column"] for p in spec["predictors"]]
    return df.dropna(subset=list(dict.fromkeys(names)))


def rounded(rng, loc, scale, size, digits=3):
    return [float(v) for v in np.round(rng.normal(loc, scale, size), digits)]


# ---------------------------------------------------------------- design matrices (patsy)
def design_expected(columns, spec, kind="numeric"):
    df = used_frame(columns, spec)
    X = patsy.dmatrix(formula_rhs(spec), df, return_type="dataframe")
    out = {"names": list(X.columns), "x": [nums(row) for row in X.to_numpy().T], "n": int(len(df))}
    if kind == "numeric":
        out["y"] = nums(df[spec["target"]].astype(float))
    else:
        classes = np.unique(df[spec["target"]].to_numpy())
        out["classes"] = [label(v) for v in classes]
        out["y"] = nums((df[spec["target"]].to_numpy() == classes[1]).astype(float))
    return out


def design_cases():
    rng = np.random.default_rng(101)
    n = 14
    base = [
        col("y", "float", rounded(rng, 10, 3, n)),
        col("x", "float", rounded(rng, 0, 1, n)),
        col("k", "integer", [int(v) for v in rng.integers(0, 5, n)]),
        col("cyl", "integer", [[4, 6, 8][int(v)] for v in rng.integers(0, 3, n)]),
        col("g", "string", [["b", "a", "c"][int(v)] for v in rng.integers(0, 3, n)]),
        col("h", "string", [["Zulu", "alpha", "émile", "😀", "｡"][int(v)] for v in rng.integers(0, 5, n)]),
        col("flag", "boolean", [bool(v) for v in rng.integers(0, 2, n)]),
        col("flag_na", "boolean", [None if i % 5 == 0 else bool(i % 3) for i in range(n)]),
        col("cyl_na", "integer", [None if i == 3 else [4, 6, 8][i % 3] for i in range(n)]),
        col("x_na", "float", [None if i in (2, 9) else v for i, v in enumerate(rounded(rng, 5, 2, n))]),
        col("label", "string", [["yes", "no"][int(v)] for v in rng.integers(0, 2, n)]),
        col("big", "float", [[0.5, 1e16, 1e-5, 2.0][i % 4] for i in range(n)]),
    ]
    specs = [
        ("numeric", {"target": "y", "predictors": [{"column": "x"}, {"column": "k"}], "intercept": True}),
        ("categorical-after-numeric", {"target": "y", "predictors": [{"column": "x"}, {"column": "g"}, {"column": "k"}], "intercept": True}),
        ("no-intercept-full-coding", {"target": "y", "predictors": [{"column": "x"}, {"column": "g"}, {"column": "h"}], "intercept": False}),
        ("boolean-is-categorical", {"target": "y", "predictors": [{"column": "flag"}, {"column": "x"}], "intercept": True}),
        ("boolean-no-intercept", {"target": "y", "predictors": [{"column": "flag"}], "intercept": False}),
        ("boolean-with-missing", {"target": "y", "predictors": [{"column": "flag_na"}, {"column": "x"}], "intercept": True}),
        ("code-point-order", {"target": "y", "predictors": [{"column": "h"}], "intercept": True}),
        ("forced-int64", {"target": "y", "predictors": [{"column": "cyl", "categorical": True}, {"column": "x"}], "intercept": True}),
        ("forced-float64-from-missing", {"target": "y", "predictors": [{"column": "cyl_na", "categorical": True}], "intercept": True}),
        ("forced-float-repr", {"target": "y", "predictors": [{"column": "big", "categorical": True}], "intercept": True}),
        ("missing-dropped", {"target": "y", "predictors": [{"column": "x_na"}, {"column": "g"}, {"column": "cyl_na"}], "intercept": True}),
        ("two-categoricals", {"target": "y", "predictors": [{"column": "g"}, {"column": "k", "categorical": True}], "intercept": True}),
        ("duplicate-predictor-merged", {"target": "y", "predictors": [{"column": "x"}, {"column": "x"}], "intercept": True}),
        ("intercept-only", {"target": "y", "predictors": [], "intercept": True}),
    ]
    cases = [{"id": f"design-{name}", "columns": base, "spec": spec, "target_kind": "numeric", "expected": design_expected(base, spec)} for name, spec in specs]
    spec = {"target": "label", "predictors": [{"column": "x"}, {"column": "g"}], "intercept": True}
    cases.append({"id": "design-binary-string-target", "columns": base, "spec": spec, "target_kind": "binary", "expected": design_expected(base, spec, "binary")})
    spec = {"target": "flag", "predictors": [{"column": "x"}], "intercept": False}
    cases.append({"id": "design-binary-boolean-target", "columns": base, "spec": spec, "target_kind": "binary", "expected": design_expected(base, spec, "binary")})
    spec = {"target": "cyl", "predictors": [{"column": "x"}], "intercept": True}
    cases.append({"id": "design-binary-three-classes", "columns": base, "spec": spec, "target_kind": "binary", "expected": {"error": "invalid_target"}})
    spec = {"target": "g", "predictors": [{"column": "x"}], "intercept": True}
    cases.append({"id": "design-text-target-for-ols", "columns": base, "spec": spec, "target_kind": "numeric", "expected": {"error": "invalid_target"}})
    return cases


# ---------------------------------------------------------------- exact arithmetic
def t_sf(t, df):
    t = mpmath.mpf(t)
    if mpmath.isinf(t):
        return mpmath.mpf(0) if t > 0 else mpmath.mpf(1)
    x = df / (df + t * t)
    upper = mpmath.betainc(mpmath.mpf(df) / 2, mpmath.mpf(1) / 2, 0, x, regularized=True) / 2
    return upper if t >= 0 else 1 - upper


def t_ppf_upper(prob, df):
    """The t with P(T <= t) = prob, by mpmath root finding from scipy's estimate."""
    from scipy import stats
    target = 1 - mpmath.mpf(prob)
    return mpmath.findroot(lambda t: t_sf(t, df) - target, mpmath.mpf(stats.t.ppf(prob, df)))


def f_sf(f, d1, d2):
    f = mpmath.mpf(f)
    return mpmath.betainc(mpmath.mpf(d2) / 2, mpmath.mpf(d1) / 2, 0, d2 / (d2 + d1 * f), regularized=True)


def solve_exact(a, b):
    """Gauss-Jordan elimination in rationals: a x = b for each column of b (lists of Fractions)."""
    p = len(a)
    m = [row[:] + rhs[:] for row, rhs in zip(a, b)]
    for c in range(p):
        pivot = next(r for r in range(c, p) if m[r][c] != 0)
        m[c], m[pivot] = m[pivot], m[c]
        inv = 1 / m[c][c]
        m[c] = [v * inv for v in m[c]]
        for r in range(p):
            if r != c and m[r][c] != 0:
                f = m[r][c]
                m[r] = [v - f * w for v, w in zip(m[r], m[c])]
    return [row[p:] for row in m]


def mpf(v):
    return mpmath.mpf(v.numerator) / v.denominator if isinstance(v, Fraction) else mpmath.mpf(v)


def exact_ols(X, y, k_constant, confidence):
    n, p = X.shape
    xf = [[Fraction(float(v)) for v in row] for row in X]
    yf = [Fraction(float(v)) for v in y]
    xtx = [[sum(xf[i][a] * xf[i][b] for i in range(n)) for b in range(p)] for a in range(p)]
    xty = [sum(xf[i][a] * yf[i] for i in range(n)) for a in range(p)]
    identity = [[Fraction(int(a == b)) for b in range(p)] for a in range(p)]
    sol = solve_exact(xtx, [[xty[a]] + identity[a] for a in range(p)])
    params = [row[0] for row in sol]
    inv = [row[1:] for row in sol]
    resid = [yf[i] - sum(xf[i][a] * params[a] for a in range(p)) for i in range(n)]
    ssr = sum(r * r for r in resid)
    ybar = sum(yf) / n
    tss = sum((v - ybar) ** 2 for v in yf) if k_constant else sum(v * v for v in yf)
    df_resid = n - p
    df_model = p - k_constant
    s2 = ssr / df_resid
    bse = [mpmath.sqrt(mpf(s2 * inv[a][a])) for a in range(p)]
    tvals = [mpf(params[a]) / bse[a] for a in range(p)]
    q = t_ppf_upper(1 - (1 - confidence) / 2, df_resid)
    r2 = 1 - ssr / tss
    llf = -mpf(n) / 2 * (mpmath.log(2 * mpmath.pi) + mpmath.log(mpf(ssr) / n) + 1)
    fvalue = ((tss - ssr) / df_model) / s2 if df_model > 0 else None
    return {
        "params": [mpf(v) for v in params], "bse": bse, "tvalues": tvals,
        "pvalues": [2 * t_sf(abs(t), df_resid) for t in tvals],
        "ci_lower": [mpf(params[a]) - q * bse[a] for a in range(p)],
        "ci_upper": [mpf(params[a]) + q * bse[a] for a in range(p)],
        "rsquared": mpf(r2), "rsquared_adj": 1 - mpf(Fraction(n - k_constant, df_resid) * (1 - r2)),
        "fvalue": None if fvalue is None else mpf(fvalue),
        "f_pvalue": None if fvalue is None else f_sf(mpf(fvalue), df_model, df_resid),
        "llf": llf, "aic": -2 * llf + 2 * p, "bic": -2 * llf + mpmath.log(n) * p, "ssr": mpf(ssr),
        "quantile": q,
    }


def exactly_collinear(X, intercept, tolerance=Fraction(1, 10**20)):
    """The engine's rule, computed exactly: a column whose part outside the span of the columns before it has
    squared norm below 1e-20 of its own (centred when the model has an intercept) is dependent. The squared
    distance to the span is det(G_{S+j}) / det(G_S) for the Gram matrix G of the accepted columns S."""
    n, p = X.shape
    cols = []
    for j in range(p):
        c = [Fraction(float(v)) for v in X[:, j]]
        if intercept and j > 0:
            mean = sum(c) / n
            c = [v - mean for v in c]
        cols.append(c)
    accepted = []
    gram_det = Fraction(1)
    for j in range(p):
        norm2 = sum(v * v for v in cols[j])
        if norm2 == 0:
            return True
        trial = accepted + [j]
        g = [[sum(a * b for a, b in zip(cols[r], cols[s])) for s in trial] for r in trial]
        det = determinant(g)
        if det / gram_det <= tolerance * norm2:
            return True
        accepted, gram_det = trial, det
    return False


def determinant(m):
    m = [row[:] for row in m]
    size = len(m)
    det = Fraction(1)
    for c in range(size):
        pivot = next((r for r in range(c, size) if m[r][c] != 0), None)
        if pivot is None:
            return Fraction(0)
        if pivot != c:
            m[c], m[pivot] = m[pivot], m[c]
            det = -det
        det *= m[c][c]
        for r in range(c + 1, size):
            f = m[r][c] / m[c][c]
            m[r] = [v - f * w for v, w in zip(m[r], m[c])]
    return det


def agrees(a, b, rel=1e-11, floor=0.0):
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= rel * abs(b) + floor


# ---------------------------------------------------------------- OLS
OLS_VECTORS = ["coefficients", "stdErrors", "tValues", "pValues", "ciLower", "ciUpper"]
OLS_SCALARS = ["rSquared", "rSquaredAdj", "fValue", "fPValue", "logLikelihood", "aic", "bic", "ssr"]
EXACT_KEYS = {"coefficients": "params", "stdErrors": "bse", "tValues": "tvalues", "pValues": "pvalues", "ciLower": "ci_lower",
              "ciUpper": "ci_upper", "rSquared": "rsquared", "rSquaredAdj": "rsquared_adj", "fValue": "fvalue",
              "fPValue": "f_pvalue", "logLikelihood": "llf", "aic": "aic", "bic": "bic", "ssr": "ssr"}


def ols_case(case_id, columns, spec, confidence=0.95, note=None):
    df = used_frame(columns, spec)
    formula = f"{spec['target']} ~ {formula_rhs(spec)}"
    case = {"id": case_id, "columns": columns, "spec": spec, "confidence": confidence}
    if note:
        case["note"] = note
    res = smf.ols(formula, df).fit()
    X, y = res.model.exog, res.model.endog
    n, p = X.shape
    if exactly_collinear(X, spec["intercept"]):
        case["expected"] = {"error": "collinear_predictors"}
        return case
    if np.linalg.matrix_rank(X) < p:
        case["note"] = (note + "; " if note else "") + "statsmodels' matrix_rank (SVD, tolerance σ_max n eps) calls this design rank-deficient and answers from a pseudo-inverse; the exact solution is recorded"
    k = int(res.model.k_constant)
    alpha = 1 - confidence
    ci = res.conf_int(alpha=alpha)
    sm_values = {
        "coefficients": res.params.values, "stdErrors": res.bse.values, "tValues": res.tvalues.values,
        "pValues": res.pvalues.values, "ciLower": ci[0].values, "ciUpper": ci[1].values,
        "rSquared": res.rsquared, "rSquaredAdj": res.rsquared_adj, "fValue": res.fvalue, "fPValue": res.f_pvalue,
        "logLikelihood": res.llf, "aic": res.aic, "bic": res.bic, "ssr": res.ssr,
    }
    expected = {"names": list(res.model.exog_names), "n": n, "dfModel": p - k, "dfResid": n - p, "hasConstant": bool(k)}
    if n == p:
        exact = solve_exact([[Fraction(float(v)) for v in row] for row in X], [[Fraction(float(v))] for v in y])
        expected["coefficients"] = [float(row[0]) for row in exact]
        expected["nanFields"] = ["stdErrors", "tValues", "pValues", "ciLower", "ciUpper", "rSquaredAdj", "fValue", "fPValue"]
        case["expected"] = expected
        case["note"] = (note + "; " if note else "") + "n = p: statsmodels divides by zero; the engine gives NaN for statistics needing df_resid"
        return case
    exact = exact_ols(X, y, k, confidence)
    exact_fields = []
    for field in OLS_VECTORS:
        ex = exact[EXACT_KEYS[field]]
        if field in ("ciLower", "ciUpper"):
            floors = [1e-12 * float(abs(exact["params"][j]) + exact["quantile"] * exact["bse"][j]) for j in range(p)]
        elif field == "pValues":
            floors = [1e-300] * p
        else:
            scale = max(float(abs(v)) for v in ex)
            floors = [1e-14 * scale] * p
        ok = all(agrees(sm_values[field][j], ex[j], 1e-11, floors[j]) for j in range(p))
        expected[field] = nums(sm_values[field]) if ok else [num(v) for v in ex]
        if not ok:
            exact_fields.append(field)
    for field in OLS_SCALARS:
        ex = exact[EXACT_KEYS[field]]
        ok = agrees(sm_values[field], ex, 1e-11, 1e-300)
        expected[field] = num(sm_values[field]) if ok else num(ex)
        if not ok:
            exact_fields.append(field)
    if exact_fields:
        case["exact_fields"] = exact_fields
    case["expected"] = expected
    return case


def ols_cases():
    cases = []
    for i, (n, p) in enumerate([(20, 1), (30, 2), (50, 3), (80, 4), (120, 5), (200, 3), (400, 5), (2000, 5)]):
        rng = np.random.default_rng(200 + i)
        xs = [rounded(rng, rng.uniform(-5, 50), rng.uniform(0.5, 20), n) for _ in range(p)]
        beta = rng.normal(0, 2, p)
        y = [float(v) for v in np.round(3 + np.array(xs).T @ beta + rng.normal(0, 4, n), 3)]
        columns = [col("y", "float", y)] + [col(f"x{j + 1}", "float", xs[j]) for j in range(p)]
        spec = {"target": "y", "predictors": [{"column": f"x{j + 1}"} for j in range(p)], "intercept": True}
        cases.append(ols_case(f"ols-numeric-n{n}-p{p}", columns, spec, [0.95, 0.9, 0.99][i % 3]))
        if i < 5:
            cases.append(ols_case(f"ols-no-intercept-n{n}-p{p}", columns, {**spec, "intercept": False}, note="uncentred R² (no constant)"))
    # small n: n = p + 1 (one residual degree of freedom) and n = p
    for p in range(1, 6):
        rng = np.random.default_rng(300 + p)
        for n in (p + 2, p + 1):
            xs = [rounded(rng, 0, 3, n, 2) for _ in range(p)]
            y = rounded(rng, 5, 2, n, 2)
            columns = [col("y", "float", y)] + [col(f"x{j + 1}", "float", xs[j]) for j in range(p)]
            spec = {"target": "y", "predictors": [{"column": f"x{j + 1}"} for j in range(p)], "intercept": True}
            cases.append(ols_case(f"ols-small-n{n}-p{p + 1}", columns, spec))
    # categorical predictors with 2..5 levels, with and without intercept, beside numeric ones
    for levels in range(2, 6):
        rng = np.random.default_rng(400 + levels)
        n = 15 * levels
        names = ["north", "South", "east", "Ωmega", "west"][:levels]
        g = [names[int(v)] for v in rng.integers(0, levels, n)]
        x = rounded(rng, 10, 4, n, 2)
        effect = {name: float(e) for name, e in zip(names, rng.normal(0, 3, levels))}
        y = [round(2 + 0.7 * xv + effect[gv] + float(e), 3) for xv, gv, e in zip(x, g, rng.normal(0, 1, n))]
        columns = [col("y", "float", y), col("x", "float", x), col("region", "string", g)]
        spec = {"target": "y", "predictors": [{"column": "x"}, {"column": "region"}], "intercept": True}
        cases.append(ols_case(f"ols-categorical-{levels}-levels", columns, spec))
        cases.append(ols_case(f"ols-categorical-{levels}-levels-no-intercept", columns, {**spec, "intercept": False},
                              note="every level coded; statsmodels detects the implicit constant (centred R², df_model = p - 1)"))
    return cases + ols_special_cases()


def ols_special_cases():
    cases = []
    rng = np.random.default_rng(500)
    n = 60
    cyl = [[4, 6, 8][int(v)] for v in rng.integers(0, 3, n)]
    flag = [bool(v) for v in rng.integers(0, 2, n)]
    x = rounded(rng, 100, 20, n, 1)
    y = [round(20 - 0.05 * xv + 1.5 * fv - 0.8 * (c - 4) + float(e), 2) for xv, fv, c, e in zip(x, flag, cyl, rng.normal(0, 1, n))]
    y_na = [None if i % 11 == 3 else v for i, v in enumerate(y)]
    x_na = [None if i % 13 == 5 else v for i, v in enumerate(x)]
    columns = [col("y", "float", y_na), col("x", "float", x_na), col("cyl", "integer", cyl), col("flag", "boolean", flag)]
    spec = {"target": "y", "predictors": [{"column": "x"}, {"column": "flag"}, {"column": "cyl", "categorical": True}], "intercept": True}
    cases.append(ols_case("ols-mixed-missing-boolean-forced-categorical", columns, spec, 0.8))
    cases.append(ols_case("ols-mixed-no-intercept", columns, {**spec, "intercept": False}))

    cases.append(ols_case("ols-intercept-only", columns, {"target": "y", "predictors": [], "intercept": True}, note="df_model = 0: F and its p-value are NaN"))

    # ties: few distinct x values, repeated y values
    x = [float(v) for v in rng.integers(0, 4, 40)]
    z = [float(v) for v in rng.integers(0, 3, 40)]
    y = [float(v) for v in np.round(np.array(x) * 1.5 + rng.integers(0, 3, 40), 0)]
    columns = [col("y", "float", y), col("x", "integer", x), col("z", "integer", z)]
    cases.append(ols_case("ols-ties", columns, {"target": "y", "predictors": [{"column": "x"}, {"column": "z"}], "intercept": True}))

    # collinear designs: refused with the columns named
    base = rounded(rng, 10, 3, 30, 2)
    other = rounded(rng, -4, 2, 30, 2)
    yv = rounded(rng, 50, 10, 30, 2)
    columns = [
        col("y", "float", yv), col("x1", "float", base), col("x2", "float", other),
        col("sum12", "float", [round(a + b, 2) for a, b in zip(base, other)]),
        col("twice1", "float", [2 * a for a in base]),
        col("shifted", "float", [round(a + b + 5, 2) for a, b in zip(base, other)]),
        col("const", "float", [7.5] * 30), col("zero", "float", [0.0] * 30),
        col("g", "string", [["a", "b", "c"][i % 3] for i in range(30)]),
        col("g_copy", "string", [["x", "y", "z"][i % 3] for i in range(30)]),
        col("single", "string", ["only"] * 30),
    ]
    for name, predictors, intercept in [
        ("constant-with-intercept", ["x1", "const"], True),
        ("sum-of-two", ["x1", "x2", "sum12"], True),
        ("multiple", ["x1", "twice1"], True),
        ("sum-plus-intercept", ["x1", "x2", "shifted"], True),
        ("zero-column", ["x1", "zero"], False),
        ("duplicate-grouping", ["g", "g_copy"], True),
    ]:
        spec = {"target": "y", "predictors": [{"column": c} for c in predictors], "intercept": intercept}
        cases.append(ols_case(f"ols-collinear-{name}", columns, spec))
    cases.append({"id": "ols-collinear-single-level", "columns": columns,
                  "spec": {"target": "y", "predictors": [{"column": "x1"}, {"column": "single"}], "intercept": True},
                  "confidence": 0.95, "expected": {"error": "collinear_predictors"},
                  "note": "patsy codes a one-level category beside an intercept with no column; the engine refuses it as collinear"})
    spec = {"target": "y", "predictors": [{"column": "x1"}, {"column": "const"}], "intercept": False}
    cases.append(ols_case("ols-constant-column-no-intercept", columns, spec, note="the constant column is statsmodels' k_constant"))

    # ill-conditioned designs: compared with exact rational least squares where statsmodels loses digits
    t = rounded(rng, 0, 1, 50, 4)
    yv = rounded(rng, 3, 1, 50, 4)
    ill = [
        ("offset-1e9", [[1e9 + v * 1e-2 for v in t]], "x = 1e9 + noise: cond(X) ~ 1e12"),
        ("quadratic-1000", [[1000 + 10 * abs(v) for v in t], [(1000 + 10 * abs(v)) ** 2 for v in t]], "x and x² over [1000, 1030]"),
        ("near-collinear-1e-6", [t, [v + 1e-6 * w for v, w in zip(t, rounded(rng, 0, 1, 50, 4))]], "x2 = x1 + 1e-6 noise"),
        ("huge-1e15", [[v * 1e15 for v in t]], "x ~ 1e15"),
        ("tiny-1e-12", [[v * 1e-12 for v in t], [v * 1e-12 for v in rounded(rng, 0, 1, 50, 4)]], "x ~ 1e-12"),
        ("cubic-offset", [[100 + v for v in t], [(100 + v) ** 2 for v in t], [(100 + v) ** 3 for v in t]], "polynomial of degree 3 at x ~ 100"),
    ]
    for name, xs, why in ill:
        columns = [col("y", "float", [a + 1e-15 * b for a, b in zip(yv, xs[0])] if name == "huge-1e15" else yv)]
        columns += [col(f"x{j + 1}", "float", xs[j]) for j in range(len(xs))]
        spec = {"target": "y", "predictors": [{"column": f"x{j + 1}"} for j in range(len(xs))], "intercept": True}
        cases.append(ols_case(f"ols-ill-conditioned-{name}", columns, spec, note=f"ill-conditioned: {why}"))

    # a level seen only in a row dropped for a missing target (patsy would keep it as an all-zero column)
    g = ["a", "b", "c"] * 8 + ["d"]
    x = rounded(rng, 0, 1, 25, 3)
    y = rounded(rng, 1, 1, 24, 3) + [None]
    columns = [col("y", "float", y), col("x", "float", x), col("g", "string", g)]
    spec = {"target": "y", "predictors": [{"column": "x"}, {"column": "g"}], "intercept": True}
    case = ols_case("ols-phantom-level", columns, spec, note="level d occurs only in a dropped row: no column (statsmodels' missing='drop' keeps a zero column)")
    full = smf.ols("y ~ x + g", frame(columns), missing="drop").fit()
    assert abs(full.params["g[T.d]"]) < 1e-12 and np.allclose(full.params.drop("g[T.d]").values, case["expected"]["coefficients"], rtol=1e-9)
    cases.append(case)
    return cases


# ---------------------------------------------------------------- logistic regression
def logistic_objective(X, q, coef, c, intercept):
    eta = X @ coef
    loss = math.fsum(np.logaddexp(0.0, -q * eta))
    penalized = coef[1:] if intercept else coef
    return loss + math.fsum(penalized * penalized) / (2 * c), -loss


def mp_logistic(X, y01, c, intercept, start):
    """The optimum in 40-digit arithmetic by Newton's method from `start`: the exact reference the library fits
    are checked against. c = None is the unpenalised (Logit) likelihood. Returns (coefficients, Hessian) as mpf
    lists, or None when Newton does not converge in 60 steps (the maximum-likelihood estimate does not exist)."""
    with mpmath.workdps(40):
        n, p = X.shape
        rows = [[mpmath.mpf(float(v)) for v in row] for row in X]
        lam = [mpmath.mpf(0) if c is None or (intercept and j == 0) else 1 / mpmath.mpf(c) for j in range(p)]
        b = [mpmath.mpf(float(v)) for v in start]
        for _ in range(60):
            g = [lam[j] * b[j] for j in range(p)]
            h = [[lam[j] if j == k else mpmath.mpf(0) for k in range(p)] for j in range(p)]
            for i in range(n):
                eta = mpmath.fsum(rows[i][j] * b[j] for j in range(p))
                mu = 1 / (1 + mpmath.exp(-eta))
                w = mu * (1 - mu)
                r = mu - int(y01[i])
                for j in range(p):
                    g[j] += r * rows[i][j]
                    for k in range(j, p):
                        h[j][k] += w * rows[i][j] * rows[i][k]
            for j in range(p):
                for k in range(j):
                    h[j][k] = h[k][j]
            step = mpmath.lu_solve(mpmath.matrix(h), mpmath.matrix(g))
            b = [b[j] - step[j] for j in range(p)]
            if max(abs(step[j]) / max(1, abs(b[j])) for j in range(p)) < mpmath.mpf(10) ** -30:
                return b, h
        return None


def mp_objective(X, y01, b, c, intercept):
    with mpmath.workdps(40):
        loss = mpmath.fsum(mpmath.log(1 + mpmath.exp(-(2 * int(y) - 1) * mpmath.fsum(mpmath.mpf(float(v)) * bj for v, bj in zip(row, b))))
                           for row, y in zip(X, y01))
        penalized = b[1:] if intercept else b
        return loss + (mpmath.fsum(v * v for v in penalized) / (2 * c) if c else 0), -loss


def relative_difference(values, reference):
    scale = max(abs(float(v)) for v in reference)
    return max(abs(float(a) - float(b)) / (abs(float(b)) + 1e-10 * scale) for a, b in zip(values, reference))


MP_CHECKS = []


def logistic_case(case_id, columns, spec, c=1.0, confidence=0.95, note=None):
    case = {"id": case_id, "columns": columns, "spec": spec, "c": c, "confidence": confidence}
    if note:
        case["note"] = note
    df = used_frame(columns, spec)
    labels = df[spec["target"]].to_numpy()
    classes = np.unique(labels) if len(labels) else []
    target_type = next(col_["type"] for col_ in columns if col_["name"] == spec["target"])
    if len(classes) != 2 or target_type == "datetime":
        case["expected"] = {"error": "invalid_target"}
        return case
    Xdf = patsy.dmatrix(formula_rhs(spec), df, return_type="dataframe")
    X = Xdf.to_numpy()
    intercept = spec["intercept"]
    Xs = X[:, 1:] if intercept else X
    y01 = (labels == classes[1]).astype(float)
    expected = {"names": list(Xdf.columns), "classes": [label(v) for v in classes], "n": int(X.shape[0])}
    expected["sklearn"] = sklearn_expected(X, Xs, labels, classes, y01, c, intercept, case_id) if Xs.shape[1] else \
        {"error": "insufficient_data", "note": "scikit-learn refuses an array with 0 features"}
    expected["logit"] = logit_expected(X, y01, confidence, intercept, case_id)
    case["expected"] = expected
    return case


def sklearn_expected(X, Xs, labels, classes, y01, c, intercept, case_id):
    tight = LogisticRegression(C=c, tol=1e-12, max_iter=1000, fit_intercept=intercept, solver="newton-cholesky").fit(Xs, labels)
    lbfgs = LogisticRegression(C=c, tol=1e-12, max_iter=100000, fit_intercept=intercept).fit(Xs, labels)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        try:
            default = LogisticRegression(C=c, fit_intercept=intercept).fit(Xs, labels)
            default_converged = True
        except ConvergenceWarning:
            warnings.simplefilter("ignore", ConvergenceWarning)
            default = LogisticRegression(C=c, fit_intercept=intercept).fit(Xs, labels)
            default_converged = False
    stack = lambda m: np.concatenate([m.intercept_, m.coef_[0]]) if intercept else m.coef_[0].copy()
    coef = stack(tight)
    exact, _ = mp_logistic(X, y01, c, intercept, coef)
    difference = relative_difference(coef, exact)
    MP_CHECKS.append((case_id + " (scikit-learn)", difference))
    out = {}
    if difference <= 1e-9:
        out["coefficients"] = nums(coef)
        predictions = [int(v == classes[1]) for v in tight.predict(Xs)]
    else:
        out["reference"] = "mpmath"
        out["note"] = "scikit-learn's newton-cholesky stops short of the optimum on this ill-conditioned design; the 40-digit optimum is recorded"
        out["coefficients"] = [num(v) for v in exact]
        predictions = [int(mpmath.fsum(mpmath.mpf(float(v)) * b for v, b in zip(row, exact)) > 0) for row in X]
    objective, llf = mp_objective(X, y01, exact, c, intercept)
    q = 2 * y01 - 1
    out.update({
        "objective": num(objective), "logLikelihood": num(llf),
        "lbfgsTightObjective": num(logistic_objective(X, q, stack(lbfgs), c, intercept)[0]),
        "predictions": predictions,
        "defaultPredictions": [int(v == classes[1]) for v in default.predict(Xs)],
        "defaultConverged": default_converged, "defaultIterations": int(default.n_iter_[0]),
        "defaultObjective": num(logistic_objective(X, q, stack(default), c, intercept)[0]),
    })
    return out


def logit_expected(X, y01, confidence, intercept, case_id):
    n, p = X.shape
    if np.linalg.matrix_rank(X) < p:
        return {"error": "collinear_predictors"}
    try:
        res = sm.Logit(y01, X).fit(method="newton", tol=1e-12, maxiter=1000, disp=0)
    except PerfectSeparationError:
        return {"error": "perfect_separation"}
    solved = mp_logistic(X, y01, None, intercept, res.params)
    if solved is None:
        return {"error": "perfect_separation", "note": "quasi-complete separation: statsmodels warns and returns unconverged estimates"}
    exact, hessian = solved
    difference = relative_difference(res.params, exact)
    MP_CHECKS.append((case_id + " (Logit)", difference))
    with mpmath.workdps(40):
        positives = int(sum(y01))
        llnull = positives * mpmath.log(mpmath.mpf(positives) / n) + (n - positives) * mpmath.log(mpmath.mpf(n - positives) / n)
    if difference <= 1e-9:
        ci = res.conf_int(alpha=1 - confidence)
        out = {
            "coefficients": nums(res.params), "stdErrors": nums(res.bse), "zValues": nums(res.tvalues),
            "pValues": nums(res.pvalues), "ciLower": nums(ci[:, 0]), "ciUpper": nums(ci[:, 1]),
            "logLikelihood": num(res.llf), "llNull": num(res.llnull), "pseudoRSquared": num(res.prsquared),
            "llr": num(res.llr), "llrPValue": num(res.llr_pvalue), "aic": num(res.aic), "bic": num(res.bic),
            "dfModel": num(res.df_model), "dfResid": num(res.df_resid),
        }
        if not agrees(res.llnull, llnull, 1e-11):
            # statsmodels fits the null model numerically (Nelder-Mead then BFGS); its closed form is exact.
            with mpmath.workdps(40):
                llf = mp_objective(X, y01, exact, None, intercept)[1]
                llr = 2 * (llf - llnull)
                out.update({"llNull": num(llnull), "pseudoRSquared": num(1 - llf / llnull), "llr": num(llr),
                            "llrPValue": num(mpmath.gammainc(mpmath.mpf(p - 1) / 2, llr / 2, mpmath.inf, regularized=True)) if p > 1 else None})
            out["exact_fields"] = ["llNull", "pseudoRSquared", "llr", "llrPValue"]
        return out
    with mpmath.workdps(40):
        cov = mpmath.matrix(hessian) ** -1
        bse = [mpmath.sqrt(cov[j, j]) for j in range(p)]
        z = [exact[j] / bse[j] for j in range(p)]
        quantile = mpmath.sqrt(2) * mpmath.erfinv(mpmath.mpf(confidence))
        llf = mp_objective(X, y01, exact, None, intercept)[1]
        llr = 2 * (llf - llnull)
        return {
            "reference": "mpmath",
            "note": "statsmodels' Newton stops short of the optimum on this ill-conditioned design; 40-digit values are recorded",
            "coefficients": [num(v) for v in exact], "stdErrors": [num(v) for v in bse], "zValues": [num(v) for v in z],
            "pValues": [num(mpmath.erfc(abs(v) / mpmath.sqrt(2))) for v in z],
            "ciLower": [num(b - quantile * e) for b, e in zip(exact, bse)], "ciUpper": [num(b + quantile * e) for b, e in zip(exact, bse)],
            "logLikelihood": num(llf), "llNull": num(llnull), "pseudoRSquared": num(1 - llf / llnull), "llr": num(llr),
            "llrPValue": num(mpmath.gammainc(mpmath.mpf(p - 1) / 2, llr / 2, mpmath.inf, regularized=True)) if p > 1 else None,
            "aic": num(-2 * llf + 2 * p), "bic": num(-2 * llf + mpmath.log(n) * p), "dfModel": p - 1, "dfResid": n - p,
        }


def bernoulli(rng, eta):
    return [bool(v) for v in rng.random(len(eta)) < 1 / (1 + np.exp(-np.asarray(eta)))]


def logistic_cases():
    cases = []
    for i, (n, p) in enumerate([(40, 1), (100, 2), (300, 3), (1000, 4), (5000, 4), (60, 2), (250, 1)]):
        rng = np.random.default_rng(600 + i)
        xs = [rounded(rng, rng.uniform(-3, 3), rng.uniform(0.5, 3), n) for _ in range(p)]
        beta = rng.normal(0, 1, p)
        eta = 0.3 + (np.array(xs).T - np.mean(xs, axis=1)) @ beta
        columns = [col("y", "boolean", bernoulli(rng, eta))] + [col(f"x{j + 1}", "float", xs[j]) for j in range(p)]
        spec = {"target": "y", "predictors": [{"column": f"x{j + 1}"} for j in range(p)], "intercept": True}
        cases.append(logistic_case(f"logistic-numeric-n{n}-p{p}", columns, spec, confidence=[0.95, 0.9][i % 2]))
        if i in (1, 2):
            cases.append(logistic_case(f"logistic-no-intercept-n{n}-p{p}", columns, {**spec, "intercept": False}))
        if i in (2, 3):
            cases.append(logistic_case(f"logistic-c0.1-n{n}-p{p}", columns, spec, c=0.1))
            cases.append(logistic_case(f"logistic-c10-n{n}-p{p}", columns, spec, c=10.0))
    rng = np.random.default_rng(650)
    n = 400
    x = rounded(rng, 0, 1, n)
    w = rounded(rng, 50, 10, n)
    region = [["north", "south", "east"][int(v)] for v in rng.integers(0, 3, n)]
    eta = np.array([-3.2 + 1.1 * a + 0.02 * (b - 50) + {"north": 0, "south": 0.8, "east": -0.5}[r] for a, b, r in zip(x, w, region)])
    y = bernoulli(rng, eta)
    columns = [col("y", "boolean", y), col("x", "float", x), col("w", "float", w), col("region", "string", region),
               col("answer", "string", ["yes" if v else "no" for v in y]), col("Answer", "string", ["Yes" if v else "no" for v in y]),
               col("code", "integer", [2 if v else 1 for v in y]), col("y01", "integer", [int(v) for v in y]),
               col("w_na", "float", [None if i % 17 == 0 else v for i, v in enumerate(w)])]
    base = [{"column": "x"}, {"column": "w"}, {"column": "region"}]
    cases.append(logistic_case("logistic-unbalanced-categorical", columns, {"target": "y", "predictors": base, "intercept": True},
                               note=f"{sum(y)} positives of {n}"))
    cases.append(logistic_case("logistic-string-target", columns, {"target": "answer", "predictors": base, "intercept": True}, note="positive class 'yes'"))
    cases.append(logistic_case("logistic-string-target-case", columns, {"target": "Answer", "predictors": base, "intercept": True},
                               note="'Yes' < 'no' by code point: the positive class is 'no', as in scikit-learn"))
    cases.append(logistic_case("logistic-numeric-target-1-2", columns, {"target": "code", "predictors": base, "intercept": True}))
    cases.append(logistic_case("logistic-integer-target-0-1", columns, {"target": "y01", "predictors": base, "intercept": True}))
    cases.append(logistic_case("logistic-missing-predictor", columns, {"target": "y", "predictors": [{"column": "x"}, {"column": "w_na"}], "intercept": True}))
    big = rounded(rng, 3000, 500, n, 0)
    small = rounded(rng, 15, 3, n, 1)
    columns.append(col("big", "float", big))
    columns.append(col("small", "float", small))
    columns.append(col("yb", "boolean", bernoulli(rng, [-0.004 * (a - 3000) + 0.3 * (b - 15) for a, b in zip(big, small)])))
    cases.append(logistic_case("logistic-unscaled-large", columns, {"target": "yb", "predictors": [{"column": "big"}, {"column": "small"}], "intercept": True},
                               note="predictors ~3000 and ~15 unscaled: lbfgs' default fit stops at max_iter"))
    near = [round(v + 1e-4 * float(e), 8) for v, e in zip(x, rng.normal(0, 1, n))]
    columns.append(col("near", "float", near))
    cases.append(logistic_case("logistic-near-collinear", columns, {"target": "y", "predictors": [{"column": "x"}, {"column": "near"}, {"column": "w"}], "intercept": True},
                               note="near = x + 1e-4 noise: an ill-conditioned Hessian"))
    offset = [round(1e6 + v, 6) for v in x]
    columns.append(col("offset", "float", offset))
    cases.append(logistic_case("logistic-offset-1e6", columns, {"target": "y", "predictors": [{"column": "offset"}, {"column": "w"}], "intercept": True},
                               note="offset = 1e6 + x: centring keeps the intercept well conditioned"))
    cases.append(logistic_case("logistic-unscaled-offset", columns, {"target": "y", "predictors": [{"column": "w"}], "intercept": True},
                               note="an unscaled predictor ~50: lbfgs' default stops early, the optimum is the tight one"))
    return cases + logistic_special_cases()


def logistic_special_cases():
    cases = []
    rng = np.random.default_rng(700)
    n = 60
    x = rounded(rng, 0, 1, n)
    z = rounded(rng, 0, 1, n)
    sep = [v > 0 for v in x]
    quasi_x = [float(v) for v in rng.integers(-3, 4, n)]
    quasi = [v > 0 if v != 0 else bool(i % 2) for i, v in enumerate(quasi_x)]
    noisy = bernoulli(rng, [0.5 * v for v in x])
    columns = [col("sep", "boolean", sep), col("quasi", "boolean", quasi), col("y", "boolean", noisy), col("x", "float", x), col("z", "float", z),
               col("qx", "float", quasi_x), col("twice", "float", [2 * v for v in x]), col("const", "float", [3.0] * n),
               col("three", "string", [["a", "b", "c"][i % 3] for i in range(n)]), col("one", "string", ["a"] * n),
               col("when", "datetime", [1.7e12 + i for i in range(n)])]
    for name, target, predictors in [
        ("separable", "sep", ["x", "z"]), ("quasi-separable", "quasi", ["qx"]), ("collinear", "y", ["x", "twice"]),
        ("constant-predictor", "y", ["x", "const"]), ("three-classes", "three", ["x"]), ("one-class", "one", ["x"]),
        ("datetime-target", "when", ["x"]), ("intercept-only", "y", []),
    ]:
        spec = {"target": target, "predictors": [{"column": c} for c in predictors], "intercept": True}
        cases.append(logistic_case(f"logistic-{name}", columns, spec))
    return cases


# ---------------------------------------------------------------- train/test split (numpy's legacy RandomState)
def digest(values):
    return hashlib.sha256(np.asarray(values, dtype="<u4").tobytes()).hexdigest()


def permutation_cases():
    cases = []
    seeds = [0, 1, 2, 7, 42, 123, 2024, 99999, 2**31 - 1, 2**31, 2**32 - 2, 2**32 - 1]
    sizes = [1, 2, 3, 10, 257, 1000, 65536, 65537, 100000]
    for seed in seeds:
        for size in sizes:
            perm = np.random.RandomState(seed).permutation(size)
            case = {"id": f"permutation-seed{seed}-n{size}", "seed": seed, "n": size, "sha256": digest(perm),
                    "head": [int(v) for v in perm[:8]], "tail": [int(v) for v in perm[-8:]]}
            if size <= 1000 and seed in (0, 42, 2**32 - 1):
                case["permutation"] = [int(v) for v in perm]
            cases.append(case)
    raw = np.random.RandomState(12345)._bit_generator.random_raw(1000)
    cases.append({"id": "mt19937-raw-seed12345", "seed": 12345, "raw": [int(v) for v in raw]})
    return cases


def split_cases():
    cases = []
    args = [
        (10, {"testSize": 0.2, "randomState": 42}), (398, {"testSize": 0.2, "randomState": 42}), (100, {"randomState": 0}),
        (101, {"testSize": 0.33, "randomState": 7}), (7, {"testSize": 0.5, "randomState": 1}), (50, {"testSize": 5, "randomState": 3}),
        (50, {"testSize": 1, "randomState": 3}), (50, {"trainSize": 0.6, "randomState": 11}), (50, {"trainSize": 30, "randomState": 11}),
        (50, {"testSize": 0.1, "trainSize": 0.7, "randomState": 5}), (50, {"testSize": 10, "trainSize": 20, "randomState": 5}),
        (30, {"testSize": 0.3, "shuffle": False}), (30, {"testSize": 4, "trainSize": 10, "shuffle": False}),
        (30, {"testSize": 0.25, "randomState": 2**32 - 1}), (1000, {"testSize": 0.15, "randomState": 2**31 - 1}),
        (100000, {"testSize": 0.2, "randomState": 42}), (3, {"testSize": 0.5, "randomState": 0}), (2, {"testSize": 0.5, "randomState": 0}),
        (1, {"testSize": 0.25, "randomState": 0}), (10, {"testSize": 0.0, "randomState": 0}), (10, {"testSize": 10, "randomState": 0}),
        (10, {"testSize": 1.5, "randomState": 0}), (10, {"testSize": -2, "randomState": 0}), (10, {"testSize": 0.6, "trainSize": 0.6, "randomState": 0}),
        (10, {"testSize": 6, "trainSize": 6, "randomState": 0}), (10, {"testSize": 0.99, "randomState": 0}), (4, {"trainSize": 0.2, "randomState": 0}),
        (10, {"testSize": 0.2, "randomState": -1}), (10, {"testSize": 0.2, "randomState": 2**32}), (0, {"testSize": 0.2, "randomState": 0}),
    ]
    for n, a in args:
        kwargs = {"shuffle": a.get("shuffle", True)}
        if "testSize" in a:
            kwargs["test_size"] = a["testSize"] if not float(a["testSize"]).is_integer() else int(a["testSize"])
        if "trainSize" in a:
            kwargs["train_size"] = a["trainSize"] if not float(a["trainSize"]).is_integer() else int(a["trainSize"])
        if "randomState" in a:
            kwargs["random_state"] = a["randomState"]
        case = {"id": f"split-n{n}-" + "-".join(f"{k}{v}" for k, v in a.items()), "n": n, "options": a}
        try:
            train, test = train_test_split(np.arange(n), **kwargs)
            if n > 2000:
                case["expected"] = {"trainSha256": digest(train), "testSha256": digest(test), "trainLength": len(train), "testLength": len(test)}
            else:
                case["expected"] = {"train": [int(v) for v in train], "test": [int(v) for v in test]}
        except ValueError as error:
            case["expected"] = {"error": "invalid_parameter" if "Seed" in str(error) else "invalid_split", "message": str(error)}
        cases.append(case)
    return cases


# ---------------------------------------------------------------- metrics (scikit-learn 1.2)
def metrics_cases():
    cases = []
    rng = np.random.default_rng(800)
    regression = [
        ("random", rounded(rng, 10, 5, 50), None), ("perfect", [1.5, 2.5, -3.0, 4.0], "same"),
        ("constant-true-exact", [2.0, 2.0, 2.0], "same"), ("constant-true-off", [2.0, 2.0, 2.0], [2.0, 2.5, 1.0]),
        ("single", [3.0], [2.0]), ("large", rounded(rng, 1e6, 1e3, 200), None),
    ]
    for name, y, pred in regression:
        yp = y if pred == "same" else pred if pred is not None else [v + float(e) for v, e in zip(y, np.round(rng.normal(0, 2, len(y)), 3))]
        yt, ypa = np.array(y), np.array(yp)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r2 = r2_score(yt, ypa)
        cases.append({"id": f"metrics-regression-{name}", "kind": "regression", "yTrue": nums(yt), "yPred": nums(ypa),
                      "expected": {"n": len(yt), "r2": num(r2), "mse": num(mean_squared_error(yt, ypa)),
                                   "rmse": num(mean_squared_error(yt, ypa, squared=False)), "mae": num(mean_absolute_error(yt, ypa))}})
    classification = [
        ("random", ["no", "yes"], [int(v) for v in rng.integers(0, 2, 40)], [int(v) for v in rng.integers(0, 2, 40)]),
        ("no-positive-predictions", [0, 1], [0, 1, 1, 0], [0, 0, 0, 0]),
        ("no-positive-truth", [False, True], [0, 0, 0], [0, 1, 0]),
        ("only-negatives", ["a", "b"], [0, 0, 0], [0, 0, 0]),
        ("only-positives", [1.0, 2.0], [1, 1], [1, 1]),
        ("all-wrong", ["cat", "dog"], [0, 1, 0, 1], [1, 0, 1, 0]),
        ("unbalanced", [0, 1], [int(v) for v in rng.random(200) < 0.05], [int(v) for v in rng.random(200) < 0.1]),
    ]
    for name, classes, yt, yp in classification:
        true_labels = np.array([classes[v] for v in yt], dtype=object)
        pred_labels = np.array([classes[v] for v in yp], dtype=object)
        if isinstance(classes[0], bool):
            true_labels, pred_labels = true_labels.astype(bool), pred_labels.astype(bool)
        elif not isinstance(classes[0], str):
            true_labels, pred_labels = true_labels.astype(float), pred_labels.astype(float)
        pos = classes[1]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            labels = np.unique(np.concatenate([true_labels, pred_labels]))
            expected = {
                "n": len(yt), "accuracy": num(accuracy_score(true_labels, pred_labels)),
                "precision": num(precision_score(true_labels, pred_labels, pos_label=pos)),
                "recall": num(recall_score(true_labels, pred_labels, pos_label=pos)),
                "f1": num(f1_score(true_labels, pred_labels, pos_label=pos)),
                "labels": [label(v) for v in labels],
                "confusionMatrix": confusion_matrix(true_labels, pred_labels).tolist(),
            }
        cases.append({"id": f"metrics-classification-{name}", "kind": "classification", "classes": [label(v) for v in classes],
                      "yTrue": yt, "yPred": yp, "expected": expected})
    return cases


# ---------------------------------------------------------------- end-to-end workflows
def auto_mpg_columns():
    """A seeded synthetic table shaped like the UCI auto-mpg data (398 cars, 6 missing horsepower)."""
    rng = np.random.default_rng(900)
    n = 398
    cylinders = [int(v) for v in rng.choice([4, 6, 8, 3, 5], n, p=[0.51, 0.21, 0.26, 0.01, 0.01])]
    weight = [int(round(1500 + 420 * c + rng.normal(0, 350))) for c in cylinders]
    displacement = [float(round(40 + 37 * c + rng.normal(0, 25), 1)) for c in cylinders]
    horsepower = [None if i in (32, 126, 330, 336, 354, 374) else float(round(20 + 0.3 * d + rng.normal(0, 12))) for i, d in enumerate(displacement)]
    acceleration = [float(round(min(24.8, max(8.0, 24 - 0.0025 * w + rng.normal(0, 1.8))), 1)) for w in weight]
    year = [int(v) for v in rng.integers(70, 83, n)]
    origin = [str(rng.choice(["usa", "japan", "europe"], p=[0.62, 0.2, 0.18])) if c < 6 else "usa" for c in cylinders]
    mpg = [float(round(max(9.0, 46.5 - 0.0072 * w + 0.12 * a + 0.7 * (yr - 76) + (1.5 if o != "usa" else 0) + rng.normal(0, 3)), 1))
           for w, a, yr, o in zip(weight, acceleration, year, origin)]
    return [col("mpg", "float", mpg), col("cylinders", "integer", cylinders), col("displacement", "float", displacement),
            col("horsepower", "float", horsepower), col("weight", "integer", weight), col("acceleration", "float", acceleration),
            col("model_year", "integer", year), col("origin", "string", origin)]


def titanic_columns():
    rng = np.random.default_rng(901)
    n = 891
    pclass = [int(v) for v in rng.choice([1, 2, 3], n, p=[0.24, 0.21, 0.55])]
    sex = [str(v) for v in rng.choice(["male", "female"], n, p=[0.65, 0.35])]
    age = [None if rng.random() < 0.2 else float(round(max(0.4, rng.normal(30, 14)), 1)) for _ in range(n)]
    fare = [float(round(max(0.0, {1: 85, 2: 21, 3: 13}[c] * rng.lognormal(0, 0.6)), 4)) for c in pclass]
    eta = [1.2 - 1.1 * (c - 1) + (2.5 if s == "female" else 0) - 0.035 * ((a if a is not None else 30) - 30) + 0.004 * f - 1.0
           for c, s, a, f in zip(pclass, sex, age, fare)]
    survived = [int(v) for v in bernoulli(rng, eta)]
    return [col("survived", "integer", survived), col("pclass", "integer", pclass), col("sex", "string", sex),
            col("age", "float", age), col("fare", "float", fare)]


def sklearn_regression_workflow(case_id, columns, spec, options, inputs):
    df = frame(columns)
    cols = [spec["target"]] + [p["column"] for p in spec["predictors"]]
    df = df.dropna(subset=cols)
    X = pd.get_dummies(df[[p["column"] for p in spec["predictors"]]], drop_first=True)
    y = df[spec["target"]]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=options["testSize"], random_state=options["randomState"])
    model = LinearRegression().fit(X_train, y_train)
    pred = model.predict(X_test)
    names = ["Intercept"] + [re_name(c, spec) for c in X.columns]
    coefficients = dict(zip(names, [model.intercept_] + list(model.coef_)))
    new = pd.get_dummies(pd.DataFrame(inputs), drop_first=False).reindex(columns=X.columns, fill_value=0)
    return {
        "id": case_id, "kind": "regression", "columns": columns, "spec": spec, "options": options, "inputs": inputs,
        "expected": {
            "trainRows": [int(v) for v in X_train.index], "testRows": [int(v) for v in X_test.index],
            "coefficients": {k: num(v) for k, v in coefficients.items()},
            "testPredictions": nums(pred),
            "metrics": {"n": len(y_test), "r2": num(r2_score(y_test, pred)), "mse": num(mean_squared_error(y_test, pred)),
                        "rmse": num(mean_squared_error(y_test, pred, squared=False)), "mae": num(mean_absolute_error(y_test, pred))},
            "inputPredictions": nums(model.predict(new)),
        },
    }


def re_name(dummy, spec):
    """pandas get_dummies' `origin_japan` as patsy's `origin[T.japan]`."""
    for p in spec["predictors"]:
        if dummy.startswith(p["column"] + "_"):
            return f"{p['column']}[T.{dummy[len(p['column']) + 1:]}]"
    return dummy


def sklearn_classification_workflow(case_id, columns, spec, options, inputs):
    df = frame(columns)
    cols = [spec["target"]] + [p["column"] for p in spec["predictors"]]
    df = df.dropna(subset=cols)
    Xdf = patsy.dmatrix(formula_rhs(spec), df, return_type="dataframe").drop(columns="Intercept")
    y = df[spec["target"]].to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(Xdf.to_numpy(), y, test_size=options["testSize"], random_state=options["randomState"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        default = LogisticRegression().fit(X_train, y_train)
        default_converged = default.n_iter_[0] < 100
    tight = LogisticRegression(tol=1e-12, max_iter=1000, solver="newton-cholesky").fit(X_train, y_train)
    pos = default.classes_[1]
    out = {}
    for name, model in (("default", default), ("tight", tight)):
        pred = model.predict(X_test)
        out[name] = {
            "predictions": [int(v == pos) for v in pred],
            "metrics": {"n": len(y_test), "accuracy": num(accuracy_score(y_test, pred)), "precision": num(precision_score(y_test, pred, pos_label=pos)),
                        "recall": num(recall_score(y_test, pred, pos_label=pos)), "f1": num(f1_score(y_test, pred, pos_label=pos)),
                        "labels": [label(v) for v in np.unique(np.concatenate([y_test, pred]))],
                        "confusionMatrix": confusion_matrix(y_test, pred).tolist()},
        }
    design_info = patsy.dmatrix(formula_rhs(spec), df).design_info
    new = patsy.dmatrix(design_info, pd.DataFrame(inputs), return_type="dataframe").drop(columns="Intercept").to_numpy()
    return {
        "id": case_id, "kind": "classification", "columns": columns, "spec": spec, "options": options, "inputs": inputs,
        "expected": {"coefficients": nums(np.concatenate([tight.intercept_, tight.coef_[0]])), "names": list(design_info.column_names),
                     "defaultConverged": bool(default_converged), **out,
                     "inputProbabilities": nums(tight.predict_proba(new)[:, 1]), "inputPredictions": [int(v == pos) for v in tight.predict(new)]},
    }


def workflow_cases():
    mpg = auto_mpg_columns()
    titanic = titanic_columns()
    inputs = [{"weight": 3000, "acceleration": 15.0}, {"weight": 2200, "acceleration": 19.5}]
    return [
        sklearn_regression_workflow("workflow-auto-mpg-weight-acceleration", mpg,
                                    {"target": "mpg", "predictors": [{"column": "weight"}, {"column": "acceleration"}], "intercept": True},
                                    {"testSize": 0.2, "randomState": 42}, inputs),
        sklearn_regression_workflow("workflow-auto-mpg-horsepower-origin", mpg,
                                    {"target": "mpg", "predictors": [{"column": "weight"}, {"column": "horsepower"}, {"column": "origin"}], "intercept": True},
                                    {"testSize": 0.25, "randomState": 7},
                                    [{"weight": 3000, "horsepower": 110.0, "origin": "japan"}, {"weight": 4200, "horsepower": 180.0, "origin": "usa"}]),
        sklearn_classification_workflow("workflow-titanic-logistic", titanic,
                                        {"target": "survived", "predictors": [{"column": "age"}, {"column": "fare"}, {"column": "sex"}, {"column": "pclass", "categorical": True}], "intercept": True},
                                        {"testSize": 0.25, "randomState": 0},
                                        [{"age": 30.0, "fare": 20.0, "sex": "female", "pclass": 2}, {"age": 45.0, "fare": 8.05, "sex": "male", "pclass": 3},
                                         {"age": 4.0, "fare": 120.0, "sex": "male", "pclass": 1}]),
    ]


def main():
    os.makedirs(OUT, exist_ok=True)
    outputs = {
        "design.json": with_tables(design_cases()), "ols.json": with_tables(ols_cases()), "logistic.json": with_tables(logistic_cases()),
        "split.json": {"permutations": permutation_cases(), "splits": split_cases()},
        "metrics.json": metrics_cases(), "workflow.json": with_tables(workflow_cases()),
    }
    total = 0
    for name, payload in outputs.items():
        write(name, payload)
        count = len(payload["cases"]) if "cases" in payload else sum(len(v) for v in payload.values()) if isinstance(payload, dict) else len(payload)
        total += count
        print(f"{name}: {count} cases")
    print(f"total: {total} cases")
    for case_id, difference in sorted(MP_CHECKS, key=lambda item: -item[1])[:6]:
        print(f"library vs 40-digit optimum, largest relative coefficient difference {difference:.1e}: {case_id}")


if __name__ == "__main__":
    main()
