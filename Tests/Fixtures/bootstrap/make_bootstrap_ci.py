#!/usr/bin/env python3
"""Writes bootstrap_ci.json: expected cluster bootstrap intervals computed independently of the Swift code.

Robyn's `.bootci` (R/R/clusters.R; ../shared/spec/robyn-semantics.md §5.7), for one cluster and channel:
    boot_means = means of boot_n resamples (with replacement) of the n values
    se         = sd(boot_means)                      (R's sd: n - 1 denominator)
    CI         = mean(values) +/- qt(0.975, n - 1) * se * sqrt(n)
    ci_low     = max(0, CI low)                       (confidence_calcs)
    boot_mean  = mean(boot_means)

The resamples are drawn here with numpy (R's set.seed(1) stream cannot be reproduced); the test feeds the same
bootstrap means to the Swift function, so every expected number is a pure function of this file's inputs.
`se_asymptotic` = population SD of the values / sqrt(n) is what se converges to; the test uses it to check the Swift
resampler statistically. Run: python3 make_bootstrap_ci.py (numpy, scipy).
"""
import json
import math

import numpy as np
from scipy import stats

CASES = {
    "three_models": [2.1, 3.4, 2.8],
    "five_models_skewed": [0.4, 0.45, 0.5, 0.55, 3.9],
    "twelve_models": [1.31, 1.12, 0.97, 1.58, 1.44, 1.02, 1.27, 1.66, 0.89, 1.35, 1.21, 1.49],
    "low_end_floored": [0.05, 0.1, 2.5, 0.02],
    "constant": [1.5, 1.5, 1.5],
}
RESAMPLES = 1000


def main():
    rng = np.random.default_rng(20240607)
    out = []
    for name, values in CASES.items():
        x = np.array(values, dtype=float)
        n = len(x)
        draws = rng.integers(0, n, size=(RESAMPLES, n))
        boot_means = x[draws].mean(axis=1)
        se = float(np.std(boot_means, ddof=1))
        half = float(stats.t.ppf(0.975, n - 1)) * se * math.sqrt(n)
        sample_mean = float(x.mean())
        out.append({
            "name": name,
            "values": values,
            "bootstrap_means": [float(v) for v in boot_means],
            "expected": {
                "boot_mean": float(boot_means.mean()),
                "se": se,
                "ci_low": max(0.0, sample_mean - half),
                "ci_up": sample_mean + half,
                "qt_0975": float(stats.t.ppf(0.975, n - 1)),
                "se_asymptotic": float(np.std(x, ddof=0)) / math.sqrt(n),
            },
        })
    doc = {"schema": "bootstrap_ci v1", "generator": "make_bootstrap_ci.py", "resamples": RESAMPLES, "cases": out}
    with open("bootstrap_ci.json", "w", encoding="utf-8") as handle:
        json.dump(doc, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
