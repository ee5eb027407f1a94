#!/usr/bin/env python3
"""A local fake of the Snowflake SQL API v2 for MMMSnowflake's tests (wire notes §1.12).

Start: python3 fake_snowflake.py --public-key PUB.pem --account ACCOUNT --user USER --scenario SCENARIO.json
It binds 127.0.0.1 on an ephemeral port and prints "PORT <n>" on stdout.

Shared mode (the tests start one process and use it for every test): python3 fake_snowflake.py --shared
The printed port is a control port only: POST /_fake/scenarios with {"scenario": {...}, "public_key": PATH,
"account": ..., "user": ...} opens a new listener on its own ephemeral port with its own state (so tests running at
the same time never see each other's requests) and answers {"port": N}; POST /_fake/scenarios/N/stop closes it
(afterwards connections to N are refused). Either way the process exits when its parent (the test run) is gone.

What it models:
- POST /api/v2/statements, GET /api/v2/statements/{h}[?partition=N], POST /api/v2/statements/{h}/cancel
- Key-pair JWT verification exactly as Snowflake documents it: header {"alg":"RS256","typ":"JWT"}, RS256 signature
  with the registered public key, sub = ACCOUNT.USER, iss = ACCOUNT.USER.SHA256:<fingerprint of that key>,
  integer iat/exp, iat not more than 60 s in the future, exp <= iat + 3600, not expired -> else 401 390144.
- Header checks: Accept (application/json), User-Agent (product/version), Content-Type on POST (415),
  X-Snowflake-Authorization-Token-Type (KEYPAIR_JWT when present).
- Scripted statements (keyed by SQL text): 200 or 202-then-200 flows, several partitions (gzip for N >= 1),
  error bodies, 408, transient 429/5xx on submit/poll/partition, a 500 returned after the statement ran plus
  requestId + retry=true de-duplication, slow statements that only end when cancelled, and a submit answered only
  after the client has retried it (holdUntilRetry: the client's request timeout must fire, whatever the load).

Control endpoints (no auth): GET /_fake/requests (every request recorded, with the auth verdict and claims),
GET /_fake/state (executions per requestId, cancelled handles).

Scenario JSON: {"unauthorizedFirstRequests": 0, "statements": {"<sql>": {
    "columns": [rowType entries], "partitions": [[row, ...], ...],
    "pollsBeforeDone": 0, "slow": false, "gzipPartitions": true, "gzipWithoutHeader": false,
    "submitFailures": [{"status": 429, "ran": false, "delay": 0, "holdUntilRetry": false, "body": {...}}, ...],
    "pollFailures": [503, 429], "partitionFailures": {"1": [503]},
    "error": {"status": 422, "body": {"code": ..., "sqlState": ..., "message": ...}},
    "numRows": <override>, "stats": {...}}}}
"""
import argparse
import base64
import gzip
import hashlib
import json
import os
import re
import signal
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from fake_server_support import QuietServer, exit_with_parent

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

BINDING_TYPES = {"FIXED", "REAL", "DECFLOAT", "TEXT", "BINARY", "BOOLEAN", "DATE", "TIME", "TIMESTAMP_LTZ",
                 "TIMESTAMP_NTZ", "TIMESTAMP_TZ"}
USER_AGENT = re.compile(r"^[A-Za-z0-9._-]+/[A-Za-z0-9._-]+")


class State:
    def __init__(self, scenario, public_key, account, user):
        self.lock = threading.Lock()
        self.scenario = scenario
        self.public_key = public_key
        der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
        self.fingerprint = "SHA256:" + base64.b64encode(hashlib.sha256(der).digest()).decode()
        self.subject = f"{account}.{user}"
        self.requests = []
        self.statements = {}      # handle -> dict(spec, sql, polls, poll_failures, cancelled, request_id)
        self.by_request = {}      # requestId -> handle (once the statement ran)
        self.submits = {}         # requestId -> submit attempts seen
        self.executions = {}      # requestId -> number of times the statement ran
        self.partition_failures = {}  # (handle, partition) -> remaining failures
        self.unauthorized_left = scenario.get("unauthorizedFirstRequests", 0)
        self.retried = {}         # requestId -> Event set when a retry=true submit arrives


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_jwt(state, token):
    """Returns (ok, reason, claims)."""
    parts = token.split(".")
    if len(parts) != 3:
        return False, "not a compact JWT", None
    try:
        header = json.loads(b64url_decode(parts[0]))
        claims = json.loads(b64url_decode(parts[1]))
        signature = b64url_decode(parts[2])
    except Exception:  # noqa: BLE001 - any parse failure is an invalid token
        return False, "undecodable JWT", None
    if header != {"alg": "RS256", "typ": "JWT"}:
        return False, "header must be exactly {alg: RS256, typ: JWT}", claims
    try:
        state.public_key.verify(signature, f"{parts[0]}.{parts[1]}".encode(), padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        return False, "signature does not verify with the registered public key", claims
    if claims.get("sub") != state.subject:
        return False, "sub is not ACCOUNT.USER", claims
    if claims.get("iss") != f"{state.subject}.{state.fingerprint}":
        return False, "iss is not ACCOUNT.USER.SHA256:<registered fingerprint>", claims
    iat, exp = claims.get("iat"), claims.get("exp")
    if not isinstance(iat, int) or not isinstance(exp, int) or isinstance(iat, bool) or isinstance(exp, bool):
        return False, "iat/exp must be integers", claims
    now = time.time()
    if iat > now + 60:
        return False, "iat is in the future", claims
    if exp > iat + 3600:
        return False, "exp is more than one hour after iat", claims
    if exp <= now:
        return False, "token expired", claims
    return True, "ok", claims


def result_set(state, handle):
    st = state.statements[handle]
    spec = st["spec"]
    partitions = spec.get("partitions", [[]])
    columns = []
    for column in spec.get("columns", []):
        full = {"name": "", "database": "", "schema": "", "table": "", "type": "text", "scale": None,
                "precision": None, "length": None, "byteLength": None, "nullable": True, "collation": None}
        full.update(column)
        columns.append(full)
    total = spec.get("numRows", sum(len(p) for p in partitions))
    info = [{"rowCount": len(p), "uncompressedSize": len(json.dumps(p))} for p in partitions]
    doc = {"resultSetMetaData": {"numRows": total, "format": "jsonv2", "rowType": columns, "partitionInfo": info},
           "data": partitions[0] if partitions else [], "code": "090001",
           "statementStatusUrl": f"/api/v2/statements/{handle}?requestId={st['request_id']}",
           "requestId": st["request_id"], "sqlState": "00000", "statementHandle": handle,
           "message": "Statement executed successfully.", "createdOn": int(time.time() * 1000)}
    if "stats" in spec:
        doc["stats"] = spec["stats"]
    return doc


def query_status(handle):
    return {"code": "333334",
            "message": "Asynchronous execution in progress. Use provided query id to perform query monitoring "
                       "and management.",
            "statementHandle": handle, "statementStatusUrl": f"/api/v2/statements/{handle}"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    @property
    def state(self):
        # Each listener (one per scenario) carries its own State.
        return self.server.state

    def log_message(self, *args):
        pass

    # -- plumbing -------------------------------------------------------------------------------------
    def reply(self, status, doc=None, raw=None, headers=None):
        body = raw if raw is not None else (json.dumps(doc).encode() if doc is not None else b"")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client timed out or was cancelled, as some scenarios intend

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def record(self, body, auth):
        url = urlparse(self.path)
        try:
            parsed = json.loads(body) if body else None
        except ValueError:
            parsed = body.decode("utf-8", "replace")
        entry = {"method": self.command, "path": url.path, "query": {k: v[0] for k, v in parse_qs(url.query).items()},
                 "headers": {k.lower(): v for k, v in self.headers.items()}, "body": parsed, "auth": auth}
        with self.state.lock:
            self.state.requests.append(entry)

    # -- checks ---------------------------------------------------------------------------------------
    def check_request(self, body):
        """Returns None when the request may proceed, else (status, doc). Records the request either way."""
        st = self.state
        auth = {"ok": False, "reason": "no bearer token", "claims": None}
        header = self.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            ok, reason, claims = verify_jwt(st, header[len("Bearer "):])
            auth = {"ok": ok, "reason": reason, "claims": claims}
        token_type = self.headers.get("X-Snowflake-Authorization-Token-Type")
        if auth["ok"] and token_type is not None and token_type != "KEYPAIR_JWT":
            auth = {"ok": False, "reason": "token type header is not KEYPAIR_JWT", "claims": auth["claims"]}
        if auth["ok"]:
            with st.lock:
                if st.unauthorized_left > 0:
                    st.unauthorized_left -= 1
                    auth = {"ok": False, "reason": "scripted rejection", "claims": auth["claims"]}
        self.record(body, auth)
        if not auth["ok"]:
            return 401, {"code": "390144", "message": f"JWT token is invalid. [{uuid.uuid4()}]"}
        if "application/json" not in self.headers.get("Accept", ""):
            return 400, {"code": "390142", "message": "Accept must be application/json."}
        if not USER_AGENT.match(self.headers.get("User-Agent", "")):
            return 400, {"code": "390142", "message": "User-Agent must be a product token."}
        if self.command == "POST" and self.headers.get("Content-Type", "").split(";")[0] != "application/json":
            return 415, {"code": "390142", "message": "Unsupported Content-Type."}
        return None

    # -- routes ---------------------------------------------------------------------------------------
    def do_GET(self):
        url = urlparse(self.path)
        if url.path == "/_fake/requests":
            with self.state.lock:
                return self.reply(200, self.state.requests)
        if url.path == "/_fake/state":
            with self.state.lock:
                cancelled = [h for h, s in self.state.statements.items() if s["cancelled"]]
                return self.reply(200, {"executions": self.state.executions, "cancelled": cancelled})
        body = self.read_body()
        problem = self.check_request(body)
        if problem:
            return self.reply(*problem)
        match = re.fullmatch(r"/api/v2/statements/([A-Za-z0-9-]+)", url.path)
        if not match:
            return self.reply(404, {"message": "not found"})
        self.get_statement(match.group(1), parse_qs(url.query))

    def do_POST(self):
        url = urlparse(self.path)
        body = self.read_body()
        problem = self.check_request(body)
        if problem:
            return self.reply(*problem)
        if url.path == "/api/v2/statements":
            return self.submit(body, parse_qs(url.query))
        match = re.fullmatch(r"/api/v2/statements/([A-Za-z0-9-]+)/cancel", url.path)
        if match:
            return self.cancel(match.group(1))
        self.reply(404, {"message": "not found"})

    def submit(self, raw, query):
        st = self.state
        try:
            body = json.loads(raw)
            sql = body["statement"]
            assert isinstance(sql, str)
        except Exception:  # noqa: BLE001
            return self.reply(400, {"code": "390142", "message": "Incoming request does not contain a valid payload."})
        request_id = query.get("requestId", [str(uuid.uuid4())])[0]
        is_retry = query.get("retry", [""])[0] == "true"
        is_async = query.get("async", [""])[0] == "true"
        for key, binding in (body.get("bindings") or {}).items():
            value = binding.get("value")
            if not key.isdigit() or binding.get("type") not in BINDING_TYPES or not (value is None or isinstance(value, str)):
                return self.reply(422, {"code": "100037", "sqlState": "22018",
                                        "message": f"Bind variable {key} has an invalid type or value."})
        spec = st.scenario.get("statements", {}).get(sql)
        if spec is None:
            return self.reply(422, {"code": "002003", "sqlState": "42S02",
                                    "message": "SQL compilation error: the fake has no script for this statement"})
        with st.lock:
            attempt = st.submits.get(request_id, 0)
            st.submits[request_id] = attempt + 1
            failures = spec.get("submitFailures", [])
            failure = failures[attempt] if attempt < len(failures) else None
            handle = st.by_request.get(request_id) if is_retry else None
            if handle is None and (failure is None or failure.get("ran")):
                handle = str(uuid.uuid4())
                st.statements[handle] = {"spec": spec, "sql": sql, "polls": 0, "cancelled": False,
                                         "request_id": request_id, "poll_failures": list(spec.get("pollFailures", []))}
                for number, statuses in spec.get("partitionFailures", {}).items():
                    st.partition_failures[(handle, int(number))] = list(statuses)
                st.by_request[request_id] = handle
                st.executions[request_id] = st.executions.get(request_id, 0) + 1
        if is_retry:
            with st.lock:
                st.retried.setdefault(request_id, threading.Event()).set()
        if failure is not None:
            if failure.get("holdUntilRetry"):
                # Answer only once the client has given up on this attempt and resubmitted (bounded at 120 s):
                # ordered by events, not by a sleep racing the client's timeout.
                with st.lock:
                    retried = st.retried.setdefault(request_id, threading.Event())
                retried.wait(120)
            if failure.get("delay"):
                # Answer too late: the client's request timeout fires first and it must resubmit.
                time.sleep(float(failure["delay"]))
            status = failure.get("status", 503)
            doc = failure.get("body", {"code": "390505", "message": "Too many requests."} if status == 429
                              else {"message": "Service unavailable."})
            return self.reply(status, doc)
        self.respond_with_status(handle, first=True, is_async=is_async)

    def respond_with_status(self, handle, first=False, is_async=False):
        st = self.state
        with st.lock:
            statement = st.statements[handle]
            spec = statement["spec"]
            if statement["cancelled"]:
                return self.reply(422, {"code": "000604", "sqlState": "57014", "message": "SQL execution canceled",
                                        "statementHandle": handle})
            if not first and statement["poll_failures"]:
                status = statement["poll_failures"].pop(0)
                return self.reply(status, {"code": "390505", "message": "Too many requests."} if status == 429
                                  else {"message": "Service unavailable."})
            running = spec.get("slow", False) or statement["polls"] < spec.get("pollsBeforeDone", 0)
            if not first and running:
                statement["polls"] += 1
            if spec.get("slow", False) or (first and (is_async or spec.get("pollsBeforeDone", 0) > 0)) or \
                    (not first and running):
                return self.reply(202, query_status(handle))
            error = spec.get("error")
            if error:
                doc = dict(error.get("body", {}))
                doc.setdefault("statementHandle", handle)
                return self.reply(error.get("status", 422), doc)
            doc = result_set(st, handle)
        link = f'</api/v2/statements/{handle}?partition=0>; rel="first"'
        self.reply(200, doc, headers={"Link": link})

    def get_statement(self, handle, query):
        st = self.state
        if handle not in st.statements:
            return self.reply(422, {"code": "000709", "sqlState": "02000", "message": f"Statement {handle} not found",
                                    "statementHandle": handle})
        partition = int(query.get("partition", ["0"])[0])
        if partition == 0:
            return self.respond_with_status(handle)
        with st.lock:
            pending = st.partition_failures.get((handle, partition), [])
            if pending:
                status = pending.pop(0)
                return self.reply(status, {"message": "Service unavailable."})
            spec = st.statements[handle]["spec"]
        partitions = spec.get("partitions", [[]])
        if partition >= len(partitions):
            return self.reply(422, {"code": "000709", "message": f"Partition {partition} not found"})
        payload = json.dumps({"data": partitions[partition]}).encode()
        if spec.get("gzipPartitions", True):
            compressed = gzip.compress(payload)
            if spec.get("gzipWithoutHeader", False):
                return self.reply(200, raw=compressed)
            return self.reply(200, raw=compressed, headers={"Content-Encoding": "gzip"})
        self.reply(200, raw=payload)

    def cancel(self, handle):
        st = self.state
        with st.lock:
            statement = st.statements.get(handle)
            if statement is None:
                return self.reply(422, {"code": "000709", "sqlState": "02000",
                                        "message": f"Statement {handle} not found", "statementHandle": handle})
            statement["cancelled"] = True
        self.reply(200, {"code": "000604", "sqlState": "57014", "message": "SQL execution canceled",
                         "statementHandle": handle, "statementStatusUrl": f"/api/v2/statements/{handle}"})


class ControlHandler(BaseHTTPRequestHandler):
    """Shared mode: opens and closes one listener per scenario."""
    protocol_version = "HTTP/1.1"
    listeners = {}
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def reply(self, status, doc):
        body = json.dumps(doc).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        path = urlparse(self.path).path
        if path == "/_fake/scenarios":
            try:
                doc = json.loads(raw)
                with open(doc["public_key"], "rb") as handle:
                    public_key = serialization.load_pem_public_key(handle.read())
                state = State(doc["scenario"], public_key, doc["account"], doc["user"])
            except Exception as error:  # noqa: BLE001 - a bad registration is the test's bug; say what it was
                return self.reply(400, {"message": f"bad scenario registration: {error!r}"})
            server = listen(state)
            port = server.server_address[1]
            with self.lock:
                self.listeners[port] = server
            return self.reply(200, {"port": port})
        match = re.fullmatch(r"/_fake/scenarios/(\d+)/stop", path)
        if match:
            with self.lock:
                server = self.listeners.pop(int(match.group(1)), None)
            if server is not None:
                server.shutdown()
                server.server_close()
            return self.reply(200, {"stopped": server is not None})
        self.reply(404, {"message": "not found"})


def listen(state):
    """A listener for one scenario on an ephemeral port, served by a daemon thread."""
    server = QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.state = state
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def main():
    # The Swift test runner starts us with most signals blocked; unblock them so SIGTERM stops us.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    exit_with_parent()
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", action="store_true")
    parser.add_argument("--public-key")
    parser.add_argument("--account")
    parser.add_argument("--user")
    parser.add_argument("--scenario")
    args = parser.parse_args()
    if args.shared:
        server = QuietServer(("127.0.0.1", 0), ControlHandler)
    else:
        if not (args.public_key and args.account and args.user and args.scenario):
            parser.error("--public-key, --account, --user and --scenario are required without --shared")
        with open(args.public_key, "rb") as handle:
            public_key = serialization.load_pem_public_key(handle.read())
        with open(args.scenario, encoding="utf-8") as handle:
            scenario = json.load(handle)
        server = QuietServer(("127.0.0.1", 0), Handler)
        server.state = State(scenario, public_key, args.account, args.user)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
