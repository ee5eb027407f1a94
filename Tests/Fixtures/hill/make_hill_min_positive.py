#!/usr/bin/env python3
"""Writes hill_min_positive.json: Hill saturation on inputs whose minimum is above 0, computed independently.

Robyn 3.12.1 `saturation_hill` (../shared/spec/robyn-semantics.md §1.5):
    inflexion I = gamma * max(x)
    hill(v)     = v^alpha / (v^alpha + I^alpha)
Robyn's reference vectors all have min(x) = 0, where the older formula I = (1 - gamma)*min(x) + gamma*max(x)
(CRAN <= 3.11.x, the python port) gives the same inflexion. These cases have min(x) > 0, so they tell the two
apart; `inflexion_pre_3_12` is written only so the test can check each case really discriminates.
Run: python3 make_hill_min_positive.py (numpy).
"""
import json

import numpy as np

CASES = [
    ("adstocked_spend_alpha_1.5_gamma_0.4", 1.5, 0.4, [120.0, 80.5, 95.25, 210.0, 160.0, 140.75, 300.0, 55.0]),
    ("narrow_range_alpha_2_gamma_0.7", 2.0, 0.7, [1000.0, 1010.0, 1025.5, 1040.0, 1100.0]),
    ("small_values_alpha_0.8_gamma_0.2", 0.8, 0.2, [0.03, 0.12, 0.5, 0.07, 0.9, 0.31]),
    ("with_marginal_alpha_3_gamma_0.55", 3.0, 0.55, [40.0, 45.0, 60.0, 75.0, 90.0, 120.0]),
]
MARGINAL = {"with_marginal_alpha_3_gamma_0.55": [0.0, 10.0, 40.0, 66.0, 150.0, 500.0]}


def main():
    cases = []
    for name, alpha, gamma, x in CASES:
        values = np.array(x, dtype=float)
        inflexion = gamma * values.max()
        at = np.array(MARGINAL.get(name, x), dtype=float)
        saturated = at**alpha / (at**alpha + inflexion**alpha)
        case = {"name": name, "params": {"alpha": alpha, "gamma": gamma}, "input": {"x": x},
                "expected": {"inflexion": float(inflexion), "x_saturated": [float(v) for v in saturated],
                             "inflexion_pre_3_12": float((1 - gamma) * values.min() + gamma * values.max())}}
        if name in MARGINAL:
            case["input"]["x_marginal"] = MARGINAL[name]
        cases.append(case)
    with open("hill_min_positive.json", "w", encoding="utf-8") as handle:
        json.dump({"schema": "hill_min_positive v1", "generator": "make_hill_min_positive.py", "cases": cases},
                  handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
