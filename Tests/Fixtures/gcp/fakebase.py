"""Shared machinery of the Google API fakes used by the MMMCloud tests.

A threaded HTTP/1.1 server on 127.0.0.1 (ephemeral port, printed as "PORT <n>"), a small router, a request log,
an access-token registry, and fault injection:

  POST /_fake/faults    {"match": "<substring of path?query>", "method": "GET"|null,
                         "header": ["content-range", "<substring>"] | null, "faults": [FAULT, ...]}
      Matching requests consume the faults in order. FAULT is one of
        {"status": 503, "body": {...}, "headers": {...}}   answer this instead (the request has no effect)
        {"status": 503, "process": true}                   run the request, then answer 503 (ambiguous failure)
        {"reset": "before"} / {"reset": "after"}            close the connection with RST before / after running it
        {"delay": 3.0}                                     wait, then answer normally
        {"hold": "NAME"}                                   wait until POST /_fake/release {"name": NAME} (max 60 s)
        {"truncate": true}                                 announce the full Content-Length, send half, close
        {"corrupt": true}                                  flip one byte of the body (same length)
        {"replace": ["old", "new"]}                        replace text in the body (e.g. a checksum)
  GET  /_fake/requests?match=X   the request log (method, path, query, headers, body size, auth result, fault)
  POST /_fake/revoke  {"subject": S}   later requests with tokens issued to S get 401 (faketokens.py)
  POST /_fake/config  {...}            merged into CONFIG (e.g. {"tokenLifetime": {"sa@x": 120}})
"""
import json
import os
import re
import signal
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlparse

LOCK = threading.RLock()
FAULTS = []
REQUESTS = []
TOKENS = {}
CONFIG = {"tokenLifetime": {}}
HOLDS = {}  # name -> threading.Event
ROUTES = []


class Reply:
    def __init__(self, status, body=b"", headers=None, content_type="application/json"):
        self.status = status
        self.body = body if isinstance(body, bytes) else body.encode()
        self.headers = dict(headers or {})
        if content_type and self.body:
            self.headers.setdefault("Content-Type", content_type)


def json_reply(status, obj, headers=None):
    return Reply(status, json.dumps(obj).encode(), headers)


def google_error(status, message, rpc_status):
    """An AIP-193 error (Secret Manager, Cloud Run, IAM Credentials)."""
    return json_reply(status, {"error": {"code": status, "message": message, "status": rpc_status}})


def gcs_error(status, message, reason):
    """A Cloud Storage JSON API error."""
    return json_reply(status, {"error": {"code": status, "message": message,
                                         "errors": [{"domain": "global", "reason": reason, "message": message}]}})


class Request:
    def __init__(self, method, target, headers, body):
        url = urlparse(target)
        self.method = method
        self.target = target
        self.path = unquote(url.path)
        self.raw_path = url.path
        self.query = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        self.headers = {k.lower(): v for k, v in headers.items()}
        self.body = body
        self.subject = None

    def json(self):
        try:
            return json.loads(self.body or b"{}")
        except ValueError:
            return None


def route(method, pattern):
    """Registers a handler for METHOD and a regex over the raw (still percent-encoded) path."""
    def register(function):
        ROUTES.append((method, re.compile("^" + pattern + "$"), function))
        return function
    return register


# ---- control routes ----------------------------------------------------------------------------------------------

@route("POST", "/_fake/faults")
def add_faults(request):
    rule = request.json() or {}
    with LOCK:
        FAULTS.append({"match": rule.get("match", ""), "method": rule.get("method"), "header": rule.get("header"),
                       "faults": list(rule["faults"])})
    return json_reply(200, {})


@route("GET", "/_fake/requests")
def list_requests(request):
    match = request.query.get("match", "")
    with LOCK:
        found = [r for r in REQUESTS if match in r["target"]]
    return json_reply(200, found)


@route("POST", "/_fake/config")
def configure(request):
    update = request.json() or {}
    with LOCK:
        for key, value in update.items():
            if isinstance(value, dict) and isinstance(CONFIG.get(key), dict):
                CONFIG[key].update(value)
            else:
                CONFIG[key] = value
    return json_reply(200, {})


def hold_event(name):
    with LOCK:
        return HOLDS.setdefault(name, threading.Event())


@route("POST", "/_fake/release")
def release(request):
    hold_event((request.json() or {}).get("name")).set()
    return json_reply(200, {})


def take_fault(request):
    with LOCK:
        for rule in FAULTS:
            header = rule["header"]
            if rule["faults"] and rule["match"] in request.target and rule["method"] in (None, request.method) \
                    and (header is None or header[1] in request.headers.get(header[0], "")):
                return rule["faults"].pop(0)
    return None


# ---- server ------------------------------------------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        request = Request(self.command, self.path, self.headers, body)
        control = request.path.startswith("/_fake/")
        fault = None if control else take_fault(request)
        if not control:
            with LOCK:
                REQUESTS.append({"method": request.method, "target": request.target, "path": request.path,
                                 "query": request.query, "headers": request.headers, "bodySize": len(body),
                                 "bodyStart": body[:64].decode("latin-1"),
                                 "fault": fault})
        fault = fault or {}
        if "delay" in fault:
            time.sleep(float(fault["delay"]))
        if "hold" in fault:
            hold_event(fault["hold"]).wait(60)
        if fault.get("reset") == "before":
            return self.reset()
        if "status" in fault and not fault.get("process"):
            reply = json_reply(fault["status"], fault.get("body", {"error": {"code": fault["status"],
                                                                              "message": "injected fault"}}),
                               fault.get("headers"))
            return self.send(reply, {})
        reply = self.dispatch(request)
        if fault.get("reset") == "after":
            return self.reset()
        if "status" in fault:
            reply = json_reply(fault["status"], {"error": {"code": fault["status"], "message": "injected fault"}})
        self.send(reply, fault)

    def dispatch(self, request):
        allowed = False
        for method, pattern, function in ROUTES:
            match = pattern.match(request.raw_path)
            if match:
                allowed = True
                if method == request.method:
                    try:
                        return function(request, *match.groups())
                    except Exception as error:  # a fake bug must show up as a clear 500, not a hang
                        return json_reply(500, {"error": {"code": 500, "message": "fake crashed: %r" % error}})
        return google_error(405 if allowed else 404, "no route for %s %s" % (request.method, request.path),
                            "NOT_FOUND")

    def send(self, reply, fault):
        body = reply.body
        if fault.get("corrupt") and body:
            body = bytes([body[0] ^ 0x01]) + body[1:]
        if "replace" in fault:
            body = body.replace(fault["replace"][0].encode(), fault["replace"][1].encode())
        self.send_response(reply.status)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        if self.close_connection:  # the client asked for "Connection: close"; say so, as real servers do
            self.send_header("Connection", "close")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if fault.get("truncate"):
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            return self.reset()
        if self.command != "HEAD":
            self.wfile.write(body)

    def reset(self):
        """Closes the connection with a TCP RST (SO_LINGER 0) and stops the handler from writing anything more."""
        try:
            self.wfile.flush()
        except OSError:
            pass
        # The socket only really closes once the buffered files made from it are closed too.
        for stream in (self.rfile, self.wfile):
            try:
                stream.close()
            except OSError:
                pass
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass
        self.close_connection = True
        self.wfile = open(os.devnull, "wb")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_any


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # every suite connects at once

    def handle_error(self, request, client_address):
        pass  # resets and client timeouts are part of the tests


def watch_stdin():
    """Exits when stdin reaches EOF: the test process holding the pipe has ended."""
    def watch():
        while sys.stdin.buffer.read(1):
            pass
        os._exit(0)
    threading.Thread(target=watch, daemon=True).start()


def serve():
    # The Swift test runner starts us with most signals blocked; unblock them so SIGTERM stops us.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if "--watch-stdin" in sys.argv:
        watch_stdin()
    server = Server(("127.0.0.1", 0), Handler)
    CONFIG["baseURL"] = "http://127.0.0.1:%d" % server.server_address[1]
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass
