#!/usr/bin/env python3
"""One process serving every Google API fake the MMMCloud tests need, on 127.0.0.1 (ephemeral port).

  fake_auth.py           OAuth token endpoint (verifies RS256 assertions), metadata server, IAM Credentials
  fake_secretmanager.py  Secret Manager v1
  fake_cloudrun.py       Cloud Run Admin v2 jobs, executions, operations
  fake_gcs.py            the Cloud Storage behaviour fake-gcs-server lacks (preconditions, 204, resumable status)
  fakebase.py            server, router, request log, tokens, fault injection (see its docstring)

Usage: fake_google.py --public-key KID=PUBLIC.pem [--public-key ...] [--watch-stdin]
Prints "PORT <n>" when listening, or "SKIP <reason>" when the Python package `cryptography` is missing.
"""
import sys

try:
    import cryptography  # noqa: F401  (needed to verify JWT assertions)
except ImportError:
    print("SKIP python3 module 'cryptography' is missing (pip install cryptography)", flush=True)
    sys.exit(0)

import fake_auth  # noqa: E402  (modules register their routes on import)
import fake_cloudrun  # noqa: E402,F401
import fake_gcs  # noqa: E402,F401
import fake_secretmanager  # noqa: E402,F401
from fakebase import serve  # noqa: E402

if __name__ == "__main__":
    fake_auth.load_public_keys(sys.argv)
    serve()
