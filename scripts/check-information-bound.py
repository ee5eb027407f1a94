#!/usr/bin/env python3
"""An independent check of `mmm-bench bayes-quality`'s information bound (docs/bayes.md, "How far the data can go").

Standard library only. For each simulation folder written by

    mmm-cli simulate --like Examples/data/dt_simulated_weekly.csv --config Examples/configs/demo_job_config.json \
        --seed N --placebo --lift-tests 3 --output sims/seedN

it reads truth.json and prints the Bayes risk of the posterior median, E|median(r | x) - r|, averaged over the main
channels (paid, not placebo, spend share >= 3 %), without and with the lift studies. r ~ Uniform(0.5, 3.5) (the
simulator's ROI draw), x ~ Normal(r, se^2) with se = noise_sd * sum(h) / (spend * sqrt(sum(h^2))) over the window,
h the true saturated series; a lift study adds a measurement with 10 % relative error. Written from the formulas,
not from the Swift code, so that agreement means something.

It also recomputes the placebo channel's ROI standard error (its true geometric adstock and Hill curve applied to
its spend in data.csv) and the chance that an estimator given everything else, with the backend's HalfNormal(2) ROI
prior, reports a 5 % quantile below 0.05 for it (issue 17's placebo check).

    python3 scripts/check-information-bound.py sims/seed1 sims/seed2 ...
"""
import csv
import json
import math
import sys
from statistics import NormalDist

NORMAL = NormalDist()
LOW, HIGH = 0.5, 3.5
LIFT_ERROR = 0.1
MAIN_SHARE = 0.03


def cdf(z):
    return 0.5 * math.erfc(-z / math.sqrt(2))


def truncated_median(x, s, a, b):
    lower, upper = (a - x) / s, (b - x) / s
    if lower > 0:  # all mass in the upper tail: use the survival function
        p = (cdf(-lower) + cdf(-upper)) / 2
        m = x - s * NORMAL.inv_cdf(p) if p > 0 else a
    else:
        p = (cdf(lower) + cdf(upper)) / 2
        m = x + s * NORMAL.inv_cdf(p) if 0 < p < 1 else b
    return min(max(m, a), b)


def bayes_risk(se, a=LOW, b=HIGH, r_points=300, z_points=401, z_max=6.0):
    dz = 2 * z_max / (z_points - 1)
    total = 0.0
    for i in range(r_points):
        r = a + (b - a) * (i + 0.5) / r_points
        for j in range(z_points):
            z = -z_max + j * dz
            weight = (0.5 if j in (0, z_points - 1) else 1.0) * dz * math.exp(-z * z / 2) / math.sqrt(2 * math.pi)
            total += weight * abs(truncated_median(r + se * z, se, a, b) - r)
    return total / r_points


def bound(folder):
    with open(f"{folder}/truth.json") as handle:
        truth = json.load(handle)
    rows = truth["rows"]
    window = [i for i, d in enumerate(rows["dates"]) if truth["window_start"] <= d <= truth["window_end"]]
    paid = [c for c in truth["channels"] if c.get("spend_column")]
    spend_total = sum(c["total_spend"] for c in paid)
    tested = {lift["study"]["channel"] for lift in truth["lift_tests"]}
    without, with_lifts = [], []
    for channel in paid:
        if channel["placebo"] or channel["total_spend"] / spend_total < MAIN_SHARE or channel["coefficient"] <= 0:
            continue
        h = [rows["contributions"][channel["var"]][i] / channel["coefficient"] for i in window]
        se = truth["noise_sd"] * sum(h) / (channel["total_spend"] * math.sqrt(sum(x * x for x in h)))
        combined = se
        if channel["spend_column"] in tested or channel["var"] in tested:
            lift_se = LIFT_ERROR * channel["roi"]
            combined = 1 / math.sqrt(1 / se**2 + 1 / lift_se**2)
        without.append(bayes_risk(se))
        with_lifts.append(bayes_risk(combined))
    return sum(without) / len(without), sum(with_lifts) / len(with_lifts)


def placebo(folder, prior_scale=2.0):
    with open(f"{folder}/truth.json") as handle:
        truth = json.load(handle)
    channel = next(c for c in truth["channels"] if c.get("placebo"))
    with open(f"{folder}/data.csv", newline="") as handle:
        spend = [float(row[channel["spend_column"]]) for row in csv.DictReader(handle)]
    theta, alpha = channel["hyperparameters"]["thetas"], channel["hyperparameters"]["alphas"]
    adstocked = []
    for value in spend:
        adstocked.append(value + (theta * adstocked[-1] if adstocked else 0))
    dates = truth["rows"]["dates"]
    h = [
        (1 / (1 + (channel["inflexion"] / adstocked[i]) ** alpha) if adstocked[i] > 0 else 0)
        for i, d in enumerate(dates)
        if truth["window_start"] <= d <= truth["window_end"]
    ]
    se = truth["noise_sd"] * sum(h) / (channel["total_spend"] * math.sqrt(sum(x * x for x in h)))
    precision = 1 / prior_scale**2 + 1 / se**2
    tau = precision**-0.5
    chance, n = 0.0, 4001
    for j in range(n):
        z = -8 + 16 * j / (n - 1)
        m = (z * se / se**2) / precision
        below = cdf(-m / tau)
        low_tail = (cdf((0.05 - m) / tau) - below) / max(1 - below, 1e-300)
        if low_tail > 0.05:
            chance += (0.5 if j in (0, n - 1) else 1) * (16 / (n - 1)) * math.exp(-z * z / 2) / math.sqrt(2 * math.pi)
    return se, chance


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for folder in sys.argv[1:]:
        no, yes = bound(folder)
        se, chance = placebo(folder)
        print(
            f"{folder}: information bound without lift tests {no:.3f}, with {yes:.3f}; "
            f"placebo ROI se {se:.2f}, chance of q05 < 0.05 {chance:.2f}"
        )
