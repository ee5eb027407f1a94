#!/usr/bin/env python3
"""Tiny HTTP server for MMMTransport's URLSessionTransport tests.

Binds 127.0.0.1 on an ephemeral port, prints "PORT <n>" on stdout, and serves:
  /echo            any method: JSON {method, path, headers, body}
  /status/<code>   responds with that status and a JSON body
  /gzip?n=N        N bytes of text, gzip-compressed, with Content-Encoding: gzip
  /gzip-raw?n=N    the same gzip bytes without Content-Encoding (application/octet-stream)
  /bytes?n=N       N bytes of the deterministic text payload (application/octet-stream)
  /slow?seconds=S[&id=X]  waits S seconds before answering (for timeout/cancel tests)
  /hits[?id=X]     how many requests reached /slow so far (with that id: tests sharing the server stay apart)
  /free-port       a port that was free a moment ago (bound, then closed), for connection-refused tests
The process exits when its parent (the test run) is gone, so one server can serve every test of a run.
"""
import gzip
import json
import os
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from fake_server_support import QuietServer, exit_with_parent

SLOW_HITS = {}  # id -> requests that reached /slow ("" without an id)
LOCK = threading.Lock()


def payload(n):
    line = b"0123456789abcdefghijklmnopqrstuvwxyz\n"
    return (line * (n // len(line) + 1))[:n]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, content_type="application/json", extra=None):
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client timed out or was cancelled, as the slow tests intend

    def handle_any(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if url.path == "/echo":
            doc = {"method": self.command, "path": self.path, "headers": dict(self.headers.items()),
                   "body": body.decode("utf-8", "replace")}
            self.send(200, json.dumps(doc).encode())
        elif url.path.startswith("/status/"):
            code = int(url.path.split("/")[2])
            self.send(code, json.dumps({"code": "390505", "message": "Too many requests."}).encode())
        elif url.path in ("/gzip", "/gzip-raw"):
            data = gzip.compress(payload(int(query.get("n", ["1000"])[0])))
            if url.path == "/gzip":
                self.send(200, data, "application/json", {"Content-Encoding": "gzip"})
            else:
                self.send(200, data, "application/octet-stream")
        elif url.path == "/bytes":
            self.send(200, payload(int(query.get("n", ["1000"])[0])), "application/octet-stream")
        elif url.path == "/slow":
            key = query.get("id", [""])[0]
            with LOCK:
                SLOW_HITS[key] = SLOW_HITS.get(key, 0) + 1
            deadline = time.time() + float(query.get("seconds", ["5"])[0])
            while time.time() < deadline:
                time.sleep(0.05)
            self.send(200, b"{}")
        elif url.path == "/hits":
            with LOCK:
                hits = SLOW_HITS.get(query.get("id", [""])[0], 0)
            self.send(200, json.dumps({"slow": hits}).encode())
        elif url.path == "/free-port":
            probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
            probe.close()
            self.send(200, json.dumps({"port": port}).encode())
        else:
            self.send(404, b'{"message":"not found"}')

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_any


def main():
    # The Swift test runner starts us with most signals blocked; unblock them so SIGTERM stops us.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    exit_with_parent()
    server = QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
