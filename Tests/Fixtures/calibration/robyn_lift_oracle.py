#!/usr/bin/env python3
"""Independent oracle for Robyn's MAPE.LIFT (lift_calibration in Robyn R/R/calibration.R, robyn-semantics.md §5.3).

Written from the specification with numpy only, separately from the Swift engine: adstock (geometric, Weibull CDF and
PDF with Robyn's windlen and half-even scaleTrans), Hill with the window's inflexion, the model decomposition
coef x Hill, and lift_calibration's row choice, carry-in subtraction and period scaling. It also computes the
"corrected" formula (inclusive day counts, the model's Weibull kernel for the study-only adstock).

Run:  python3 Tests/Fixtures/calibration/robyn_lift_oracle.py > Tests/Fixtures/calibration/lift_vectors.json
"""
import datetime as dt
import json

import numpy as np


def geometric(x, theta):
    d = np.array(x, dtype=float)
    for t in range(1, len(d)):
        d[t] = x[t] + theta * d[t - 1]
    return d


def weibull_weights(windlen, shape, scale, pdf):
    lam = np.round(1 + scale * (windlen - 1))  # round(quantile(1:windlen, scale)); numpy rounds half to even like R
    if pdf:
        u = np.arange(1, windlen + 1, dtype=float)
        f = (shape / lam) * (u / lam) ** (shape - 1) * np.exp(-((u / lam) ** shape))
        lo, hi = f.min(), f.max()
        if hi == lo:
            w = np.zeros(windlen)
            w[0] = 1
            return w
        return (f - lo) / (hi - lo)
    u = np.arange(1, windlen, dtype=float)
    cdf = 1 - np.exp(-((u / lam) ** shape))
    return np.cumprod(np.concatenate([[1.0], 1 - cdf]))


def weibull(x, shape, scale, pdf, windlen=None):
    x = np.asarray(x, dtype=float)
    n = len(x)
    if shape == 0 or scale == 0 or n <= 1:
        return x.copy()
    windlen = n if windlen is None else windlen
    w = weibull_weights(windlen, shape, scale, pdf)
    # Convolution form: d[t] = sum_{j<=t} x[j] * w[t-j].
    return np.array([sum(x[j] * w[t - j] for j in range(t + 1)) for t in range(n)])


def adstock(x, adstock_type, p, windlen=None):
    if adstock_type == "geometric":
        return geometric(x, p["theta"])
    return weibull(x, p["shape"], p["scale"], adstock_type == "weibull_pdf", windlen)


def hill(v, alpha, inflexion):
    v = np.asarray(v, dtype=float)
    return v**alpha / (v**alpha + inflexion**alpha)


def days(a, b):
    return (a - b).days


def lift_calibration(case, formula):
    dates = [dt.date.fromisoformat(d) for d in case["dates"]]
    n = len(dates)
    ws, we = case["window"]  # 0-based, half-open
    kind = case["adstock"]
    channels = {}
    for name, ch in case["channels"].items():
        total = adstock(ch["x"], kind, ch["params"])
        inflexion = ch["gamma"] * total[ws:we].max()
        decomp = ch["coef"] * hill(total[ws:we], ch["alpha"], inflexion)
        channels[name] = dict(ch, total=total, inflexion=inflexion, decomp=decomp)
    out = []
    for study in case["studies"]:
        start = dt.date.fromisoformat(study["liftStartDate"])
        end = dt.date.fromisoformat(study["liftEndDate"])
        pos = [i for i in range(n) if start <= dates[i] <= end]
        calib = pos if start in dates else [pos[0] - 1] + pos
        pred = np.zeros(len(calib))
        pred_total = np.zeros(len(calib))
        for name in study["channel"].split("+"):
            ch = channels[name]
            total_decomp = np.array([ch["decomp"][r - ws] for r in calib])
            if study["calibration_scope"] == "immediate":
                sub = [ch["x"][r] for r in calib]
                windlen = len(sub) if formula == "robyn" else n
                alone = adstock(sub, kind, ch["params"], windlen if kind != "geometric" else None)
                carry = np.array([ch["total"][r] for r in calib]) - alone
                carry_decomp = ch["coef"] * hill(carry, ch["alpha"], ch["inflexion"])
                pred += total_decomp - carry_decomp
            else:
                pred += total_decomp
            pred_total += total_decomp
        d0, d1 = dates[calib[0]], dates[calib[-1]]
        if formula == "robyn":
            decomp_days, lift_days = days(d1, d0), days(end, start)
        else:
            nxt = dates[calib[-1] + 1] if calib[-1] + 1 < n else d1 + (d1 - dates[calib[-1] - 1])
            decomp_days, lift_days = days(nxt, d0), days(end, start) + 1
        scaled = pred.sum() / decomp_days * lift_days
        scaled_total = pred_total.sum() / decomp_days * lift_days
        out.append(
            {
                "decompStart": d0.isoformat(),
                "decompEnd": d1.isoformat(),
                "decompAbsScaled": scaled,
                "decompAbsTotalScaled": scaled_total,
                "mape_lift": abs((scaled - study["liftAbs"]) / study["liftAbs"]),
            }
        )
    return {"studies": out, "mape": float(np.mean([s["mape_lift"] for s in out]))}


def make_case(name, kind, params, studies, seed):
    rng = np.random.RandomState(seed)
    n = 40
    first = dt.date(2020, 1, 6)  # a Monday: weekly rows
    dates = [(first + dt.timedelta(days=7 * i)).isoformat() for i in range(n)]
    channels = {}
    for k, ch in enumerate(["a", "b"]):
        on = rng.rand(n) < 0.75
        x = np.round(np.where(on, rng.gamma(2.0, 500.0 * (k + 1), n), 0.0), 2)
        channels[ch] = {
            "x": [float(v) for v in x],
            "params": params[k],
            "alpha": [1.7, 0.8][k],
            "gamma": [0.55, 0.35][k],
            "coef": [125000.0, 61000.0][k],
        }
    return {"name": name, "adstock": kind, "dates": dates, "window": [4, 36], "channels": channels, "studies": studies}


def study(channel, start, end, lift, scope):
    return {"channel": channel, "liftStartDate": start, "liftEndDate": end, "liftAbs": lift, "calibration_scope": scope}


STUDIES = [
    study("a", "2020-03-16", "2020-04-12", 150000.0, "immediate"),  # starts on a data date (row 10), 4 weeks
    study("a+b", "2020-05-20", "2020-06-30", 260000.0, "total"),  # starts mid-week: the row before is prepended
    study("b+a", "2020-06-08", "2020-07-19", 90000.0, "immediate"),  # multi-channel, immediate
    study("b", "2020-02-03", "2020-02-23", 40000.0, "immediate"),  # first window rows (carry-in from warm-up)
]

CASES = [
    make_case("geometric", "geometric", [{"theta": 0.55}, {"theta": 0.2}], STUDIES, 11),
    make_case("weibull_cdf", "weibull_cdf", [{"shape": 1.3, "scale": 0.08}, {"shape": 0.7, "scale": 0.15}], STUDIES, 12),
    make_case("weibull_pdf", "weibull_pdf", [{"shape": 2.4, "scale": 0.06}, {"shape": 3.1, "scale": 0.1}], STUDIES, 13),
    make_case("weibull_identity", "weibull_cdf", [{"shape": 0.0, "scale": 0.1}, {"shape": 1.1, "scale": 0.0}], STUDIES, 14),
]

if __name__ == "__main__":
    for case in CASES:
        case["expected"] = {formula: lift_calibration(case, formula) for formula in ("robyn", "corrected")}
    print(json.dumps({"source": "Tests/Fixtures/calibration/robyn_lift_oracle.py", "cases": CASES}, indent=1))
