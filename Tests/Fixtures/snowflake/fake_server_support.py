"""What the Python fake servers share: a server that ignores dropped clients, and an exit when the parent is gone."""

import os
import sys
import threading
import time
from http.server import ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    """Ignores clients that drop a connection (timeouts, cancellation and the test process exiting do)."""
    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def exit_with_parent():
    """Ends this process once the process that started it is gone (a shared fake outlives every single test)."""
    parent = os.getppid()

    def watch():
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
