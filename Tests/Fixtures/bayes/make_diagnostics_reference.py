"""Reference R-hat / ESS values for the Swift diagnostics tests, computed with ArviZ.

Run:  python3 -m venv /tmp/venv-arviz && /tmp/venv-arviz/bin/pip install arviz
      /tmp/venv-arviz/bin/python Tests/Fixtures/bayes/make_diagnostics_reference.py > Tests/Fixtures/bayes/diagnostics_reference.json

The draw arrays are generated here from a fixed seed and stored in the JSON next to ArviZ's numbers, so the Swift
test needs no Python. Methods: rhat(method="rank"), rhat(method="identity"), ess(method="bulk"), ess(method="tail"),
ess(method="mean").
"""
import json
import sys
import warnings

import numpy as np

warnings.filterwarnings("ignore")
import arviz as az  # noqa: E402


def ar1(rng, chains, draws, phi, offsets):
    out = np.zeros((chains, draws))
    for c in range(chains):
        x = rng.normal()
        for i in range(draws):
            x = phi * x + np.sqrt(1 - phi * phi) * rng.normal()
            out[c, i] = x + offsets[c]
    return out


def cases():
    rng = np.random.default_rng(20240601)
    yield "iid_normal_4x200", rng.normal(size=(4, 200))
    yield "ar1_0.9_offset_4x300", ar1(rng, 4, 300, 0.9, [0.0, 0.0, 0.3, -0.2])
    yield "ar1_0.5_4x1000", ar1(rng, 4, 1000, 0.5, [0.0] * 4)
    yield "antithetic_4x500", ar1(rng, 4, 500, -0.6, [0.0] * 4)
    yield "student_t2_4x100", rng.standard_t(2, size=(4, 100))
    yield "odd_length_3x101", rng.gamma(2.0, size=(3, 101))
    yield "ties_4x50", np.round(rng.normal(size=(4, 50)) * 2)
    yield "single_chain_1x100", ar1(rng, 1, 100, 0.7, [1.0])
    stuck = rng.normal(size=(4, 120))
    stuck[2, :] = stuck[2, 0]
    yield "stuck_chain_4x120", stuck
    yield "short_2x8", rng.normal(size=(2, 8))


def number(x):
    x = float(x)
    return None if np.isnan(x) else x


result = {
    "source": "ArviZ %s, NumPy %s; script Tests/Fixtures/bayes/make_diagnostics_reference.py" % (az.__version__, np.__version__),
    "cases": [],
}
for name, draws in cases():
    result["cases"].append({
        "name": name,
        "draws": draws.tolist(),
        "rhat_rank": number(az.rhat(draws, method="rank")),
        "rhat_identity": number(az.rhat(draws, method="identity")),
        "ess_bulk": number(az.ess(draws, method="bulk")),
        "ess_tail": number(az.ess(draws, method="tail")),
        "ess_mean": number(az.ess(draws, method="mean")),
    })
json.dump(result, sys.stdout, indent=None, separators=(",", ":"))
sys.stdout.write("\n")
