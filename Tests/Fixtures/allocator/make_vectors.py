#!/usr/bin/env python3
"""Reference vectors for response curves and the allocator, computed from robyn-semantics.md §1 and §6.2-6.3 with
numpy/scipy only (no mmm-trainer code). Writes response_vectors.json next to this file.

Run: python3 Tests/Fixtures/allocator/make_vectors.py
"""
import json
import pathlib

import numpy as np
from scipy.optimize import brentq, minimize_scalar


def r_round(x):
    """R's round(): half to even."""
    return float(np.round(x))


def scale_trans(windlen, scale):
    """round(quantile(1:windlen, scale)) with R's type-7 interpolation (1-h)*lo + h*hi."""
    index = 1 + (windlen - 1) * scale
    lo = np.floor(index)
    hi = min(np.ceil(index), windlen)
    h = index - lo
    q = lo if (index <= lo or hi == lo) else (1 - h) * lo + h * hi
    return r_round(q)


def weights(adstock, n, theta=None, shape=None, scale=None):
    if adstock == "geometric":
        return None
    if shape == 0 or scale == 0:
        return None
    lam = scale_trans(n, scale)
    u = np.arange(1, n + 1, dtype=float)
    if adstock == "weibull_cdf":
        w = np.empty(n)
        w[0] = 1.0
        w[1:] = np.cumprod(np.exp(-((u[:-1] / lam) ** shape)))
        return w
    f = (shape / lam) * (u / lam) ** (shape - 1) * np.exp(-((u / lam) ** shape))
    if f.max() == f.min():
        w = np.zeros(n)
        w[0] = 1
        return w
    return (f - f.min()) / (f.max() - f.min())


def adstock(x, kind, theta=None, shape=None, scale=None):
    """(decayed, immediate, carryover) over all rows, as run_transformations splits them (§1.6)."""
    x = np.asarray(x, dtype=float)
    n = len(x)
    if kind == "geometric":
        d = np.empty(n)
        d[0] = x[0]
        for t in range(1, n):
            d[t] = x[t] + theta * d[t - 1]
        return d, x.copy(), d - x
    w = weights(kind, n, shape=shape, scale=scale)
    if w is None:
        return x.copy(), x.copy(), np.zeros(n)
    d = np.array([sum(x[j] * w[t - j] for j in range(t + 1)) for t in range(n)])
    immediate = x * w[0] if kind == "weibull_pdf" else x.copy()
    return d, immediate, d - immediate


def fx(x, coef, alpha, inflexion, carry):
    """§6.2: coef / (1 + (I / (x + c))^a)."""
    return coef / (1 + (inflexion / (x + carry)) ** alpha)


def dfx(x, coef, alpha, inflexion, carry):
    v = np.float64(x + carry)
    if v == 0:
        return float("inf") if alpha < 1 else (coef / inflexion if alpha == 1 else 0.0)
    return coef * alpha * inflexion ** alpha * v ** (alpha - 1) / (v ** alpha + inflexion ** alpha) ** 2


def curve_cases():
    cases = []
    for coef, alpha, inflexion, carry in [
        (1000.0, 2.0, 80.0, 10.0),
        (3.7e5, 1.3, 25000.0, 4000.0),
        (52000.0, 0.7, 9000.0, 0.0),
        (120.0, 3.0, 50.0, 60.0),
    ]:
        xs = [0.0, 1.0, 10.0, 55.5, 250.0, 1e4]
        xs = [x for x in xs if x + carry > 0]
        level90 = inflexion * 9 ** (1 / alpha)
        inflection_level = inflexion * ((alpha - 1) / (alpha + 1)) ** (1 / alpha) if alpha > 1 else 0.0
        g = lambda x: dfx(x, coef, alpha, inflexion, carry) - 1
        start = max(0.0, inflection_level - carry)
        breakeven = None
        if g(start) > 0:
            hi = max(1.0, 2 * start)
            while g(hi) > 0:
                hi *= 2
            a = start if np.isfinite(g(start)) else 1e-9
            breakeven = brentq(g, a, hi, xtol=1e-14, rtol=1e-15)
        cases.append({
            "coef": coef, "alpha": alpha, "inflexion": inflexion, "carryover": carry, "x": xs,
            "response": [fx(x, coef, alpha, inflexion, carry) for x in xs],
            "marginal": [dfx(x, coef, alpha, inflexion, carry) for x in xs],
            "saturation_spend_90": max(0.0, level90 - carry),
            "inflection_spend": inflection_level - carry,
            "break_even_spend": breakeven,
        })
    return cases


def history_cases():
    rng = np.random.default_rng(7)
    n = 40
    dates = [str(np.datetime64("2020-01-06") + np.timedelta64(7 * i, "D")) for i in range(n)]
    window = (4, 40)  # rows 4..39
    rows = (22, 40)  # the last 18 rows
    values = np.round(rng.gamma(2.0, 500.0, n) * (rng.random(n) > 0.15), 3)
    out = []
    for kind, params in [
        ("geometric", {"theta": 0.6}),
        ("weibull_cdf", {"shape": 1.7, "scale": 0.12}),
        ("weibull_pdf", {"shape": 2.4, "scale": 0.08}),
    ]:
        coef, alpha, gamma = 25000.0, 1.8, 0.55
        d, imm, carry = adstock(values, kind, **params)
        inflexion = gamma * d[window[0]:window[1]].max()
        r = slice(*rows)
        hist = np.mean(coef * d[r] ** alpha / (d[r] ** alpha + inflexion ** alpha))
        sims = []
        for spend in [0.0, 800.0, 2500.0]:
            x2 = values.copy()
            x2[r] = spend
            d2, imm2, carry2 = adstock(x2, kind, **params)
            s, c = imm2[r].mean(), carry2[r].mean()
            sims.append({"spend": spend, "mean_immediate": s, "mean_carryover": c, "response": fx(s, coef, alpha, inflexion, c)})
        out.append({
            "adstock": kind, "params": params, "coef": coef, "alpha": alpha, "gamma": gamma, "dates": dates,
            "window_rows": list(window), "rows": list(rows), "values": values.tolist(), "inflexion": inflexion,
            "mean_value": values[r].mean(), "mean_carryover": carry[r].mean(), "historical_response": hist,
            "curve_at_mean": fx(values[r].mean(), coef, alpha, inflexion, carry[r].mean()), "simulations": sims,
        })
    return out


def allocation_cases():
    """Two-channel max_response optima: one free variable after Σx = B; bounded scalar search from many starts."""
    out = []
    for channels, budget in [
        ([(1000.0, 2.0, 80.0, 5.0, 10.0, 120.0), (800.0, 1.0, 40.0, 0.0, 5.0, 150.0)], 130.0),
        ([(500.0, 3.0, 60.0, 0.0, 0.0, 100.0), (450.0, 2.5, 55.0, 2.0, 0.0, 100.0)], 90.0),
    ]:
        def total(x1):
            (c1, a1, i1, k1, _, _), (c2, a2, i2, k2, _, _) = channels
            return fx(x1, c1, a1, i1, k1) + fx(budget - x1, c2, a2, i2, k2)
        lo = max(channels[0][4], budget - channels[1][5])
        hi = min(channels[0][5], budget - channels[1][4])
        grid = np.linspace(lo, hi, 200001)
        values = [total(x) for x in grid]
        k = int(np.argmax(values))
        a, b = grid[max(k - 1, 0)], grid[min(k + 1, len(grid) - 1)]
        best = minimize_scalar(lambda x: -total(x), bounds=(a, b), method="bounded", options={"xatol": 1e-12})
        x1 = best.x if -best.fun >= values[k] else grid[k]
        out.append({
            "channels": [dict(zip(["coef", "alpha", "inflexion", "carryover", "lower", "upper"], c)) for c in channels],
            "budget": budget, "spend": [x1, budget - x1], "total_response": total(x1),
        })
    return out


def main():
    doc = {
        "schema": "mmm-trainer allocator vectors v1",
        "source": "Tests/Fixtures/allocator/make_vectors.py (numpy/scipy, from robyn-semantics.md §1, §6.2, §6.3)",
        "curves": curve_cases(),
        "histories": history_cases(),
        "allocations": allocation_cases(),
    }
    path = pathlib.Path(__file__).with_name("response_vectors.json")
    path.write_text(json.dumps(doc, indent=1) + "\n")


if __name__ == "__main__":
    main()
