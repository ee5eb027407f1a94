#!/usr/bin/env python3
"""Open an HTML file in headless Chromium and check that it renders cleanly (standard library only).

Usage:
  scripts/browser-check.py PAGE.html [--screenshot OUT.png] [--pdf OUT.pdf] [--chart-shots DIR] [--width 1000]
                           [--timeout 60] [--json]

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: NUL-separated JSON on fds 3/4),
so no websocket client and no network port are needed. It reports:
  - console errors and warnings, uncaught exceptions, browser log errors (e.g. a resource that failed to load);
  - any request that leaves the page (a scheme other than file:, data:, about:) — reports must be self-contained;
  - every <img> and <svg> with zero rendered size (or an <img> that failed to decode);
  - <svg> text that spills outside its <svg>, and horizontal text labels in one <svg> that overlap each other;
  - the document size; with --pdf, the number of A4 pages when printed.
It saves a full-page PNG screenshot with --screenshot, and one PNG per chart (chart-01.png, ...) with --chart-shots
(keep both outside the repository).

Exit codes: 0 = clean, 1 = problems found (listed), 2 = usage or protocol error, 3 = Chromium not found
(callers treat 3 as "skip"). The whole run is bounded by --timeout seconds; the browser is always killed.
Chromium: $CHROMIUM, else /usr/lib/chromium/chromium (Debian's `chromium` package), chromium, chromium-browser,
google-chrome.
"""
import argparse
import base64
import fcntl
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR, EXIT_NO_BROWSER = 0, 1, 2, 3

# Runs in the page after load. Returns plain JSON; sizes in CSS pixels.
CHART_RECTS_JS = r"""
[...document.querySelectorAll('svg')].filter(s => !s.parentElement.closest('svg')).map(s => {
  const r = s.getBoundingClientRect();
  return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height};
})
"""

CHECK_JS = r"""
(() => {
  const out = {images: [], problems: [], warnings: []};
  const label = (el, i) => {
    const t = el.querySelector && el.querySelector(':scope > title');
    return `${el.tagName.toLowerCase()}#${i}` + (t ? ` "${t.textContent.slice(0, 60)}"` : '') +
      (el.id ? ` id=${el.id}` : '');
  };
  document.querySelectorAll('img').forEach((img, i) => {
    const r = img.getBoundingClientRect();
    const ok = img.complete && img.naturalWidth > 0;
    out.images.push({kind: 'img', index: i, width: r.width, height: r.height});
    if (!ok) out.problems.push(`${label(img, i)} did not load (src=${(img.getAttribute('src') || '').slice(0, 80)})`);
    if (r.width < 1 || r.height < 1) out.problems.push(`${label(img, i)} has zero rendered size`);
  });
  // Outermost <svg> only: nested ones are part of their parent's drawing.
  const svgs = [...document.querySelectorAll('svg')].filter(s => !s.parentElement.closest('svg'));
  svgs.forEach((svg, i) => {
    const r = svg.getBoundingClientRect();
    out.images.push({kind: 'svg', index: i, width: r.width, height: r.height});
    if (r.width < 1 || r.height < 1) { out.problems.push(`${label(svg, i)} has zero rendered size`); return; }
    const boxes = [];
    svg.querySelectorAll('text').forEach(t => {
      if (t.closest('defs') || !t.textContent.trim()) return;
      const b = t.getBoundingClientRect();
      if (b.width < 0.5) return;
      const tol = 1.5;
      if (b.left < r.left - tol || b.right > r.right + tol || b.top < r.top - tol || b.bottom > r.bottom + tol) {
        out.problems.push(`${label(svg, i)}: text "${t.textContent.slice(0, 40)}" spills outside the chart`);
      }
      const rotated = (t.getAttribute('transform') || '').includes('rotate');
      if (!rotated) boxes.push({b, s: t.textContent});
    });
    for (let a = 0; a < boxes.length; a++) {
      for (let c = a + 1; c < boxes.length; c++) {
        const p = boxes[a].b, q = boxes[c].b;
        const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > 1 && h > 1) {
          out.problems.push(`${label(svg, i)}: labels "${boxes[a].s.slice(0, 30)}" and "${boxes[c].s.slice(0, 30)}" overlap`);
        }
      }
    }
  });
  const d = document.documentElement;
  out.documentWidth = Math.ceil(Math.max(d.scrollWidth, document.body ? document.body.scrollWidth : 0));
  out.documentHeight = Math.ceil(Math.max(d.scrollHeight, document.body ? document.body.scrollHeight : 0));
  out.viewportWidth = window.innerWidth;
  if (out.documentWidth > window.innerWidth + 1) {
    out.problems.push(`page is wider (${out.documentWidth}px) than the window (${window.innerWidth}px)`);
  }
  return out;
})()
"""


class ProtocolError(Exception):
    pass


def find_chromium():
    explicit = os.environ.get("CHROMIUM")
    # An explicit $CHROMIUM is the only candidate (so a wrong one is reported, not silently replaced).
    candidates = [explicit] if explicit else ["/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome"]
    for candidate in candidates:
        path = candidate if os.path.isabs(candidate) else shutil.which(candidate)
        if path and os.access(path, os.X_OK):
            return path
    return None


def high_fd(fd):
    """Move a pipe end to fd >= 10 so the child's dup2 onto 3 and 4 never overwrites the other end."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Browser:
    """One headless Chromium driven over --remote-debugging-pipe."""

    def __init__(self, binary, profile_dir, deadline):
        self.deadline = deadline
        cmd_r, cmd_w = os.pipe()
        resp_r, resp_w = os.pipe()
        cmd_r, resp_w = high_fd(cmd_r), high_fd(resp_w)
        args = [binary, "--headless", "--remote-debugging-pipe", f"--user-data-dir={profile_dir}",
                "--no-first-run", "--no-default-browser-check", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--disable-background-networking", "--disable-sync", "--disable-translate",
                "--disable-component-update", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                "--font-render-hinting=none", "--force-color-profile=srgb", "--allow-file-access-from-files"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--no-sandbox")  # Chromium refuses to start as root with its sandbox.
        args.append("about:blank")

        def wire_pipe():
            # In the child only: the protocol pipe must be fds 3 (commands in) and 4 (replies out).
            os.dup2(cmd_r, 3)
            os.dup2(resp_w, 4)

        # close_fds runs after preexec_fn, so 3 and 4 are named as kept.
        self.proc = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=wire_pipe,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, start_new_session=True)
        os.close(cmd_r)
        os.close(resp_w)
        self.cmd = os.fdopen(cmd_w, "wb", buffering=0)
        self.inbox = queue.Queue()
        self.events = []
        self.next_id = 0
        self.stderr_tail = []
        threading.Thread(target=self._read, args=(resp_r,), daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _read(self, fd):
        buffer = b""
        with os.fdopen(fd, "rb", buffering=0) as stream:
            while True:
                chunk = stream.read(1 << 16)
                if not chunk:
                    self.inbox.put(None)
                    return
                buffer += chunk
                while b"\0" in buffer:
                    message, buffer = buffer.split(b"\0", 1)
                    self.inbox.put(json.loads(message))

    def _drain_stderr(self):
        for line in self.proc.stderr:
            self.stderr_tail = (self.stderr_tail + [line.decode("utf-8", "replace").rstrip()])[-20:]

    def _next(self):
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise ProtocolError("timed out waiting for Chromium")
        try:
            message = self.inbox.get(timeout=remaining)
        except queue.Empty:
            raise ProtocolError("timed out waiting for Chromium") from None
        if message is None:
            tail = "\n".join(self.stderr_tail[-5:])
            raise ProtocolError(f"Chromium closed the DevTools pipe (exit {self.proc.poll()}): {tail}")
        return message

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.cmd.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._next()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise ProtocolError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method, session):
        for i, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return self.events.pop(i)
        while True:
            event = self._next()
            if event.get("method") == method and event.get("sessionId") == session:
                return event
            if "method" in event:
                self.events.append(event)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, 9)  # the session this script started, nothing else
            self.proc.wait()


def summarize_events(events):
    """Console errors/warnings, exceptions, log errors and outside requests from the collected events."""
    errors, warnings = [], []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            if params.get("type") in ("error", "assert"):
                errors.append(f"console.{params.get('type')}: {text}")
            elif params.get("type") == "warning":
                warnings.append(f"console.warn: {text}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text", "")
            errors.append(f"uncaught exception: {text}")
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            if entry.get("level") == "error":
                errors.append(f"browser log ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".rstrip())
            elif entry.get("level") == "warning":
                warnings.append(f"browser log ({entry.get('source')}): {entry.get('text')}")
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if url.split(":", 1)[0] not in ("file", "data", "about", "blob"):
                errors.append(f"request leaves the page: {url[:120]}")
    return errors, warnings


def save_chart_shots(browser, session, directory):
    """One PNG per outermost <svg>, at twice the CSS pixel density so labels can be read."""
    os.makedirs(directory, exist_ok=True)
    rects = browser.send("Runtime.evaluate", {"expression": CHART_RECTS_JS, "returnByValue": True}, session)
    paths = []
    for i, rect in enumerate(rects["result"]["value"], start=1):
        if rect["width"] < 1 or rect["height"] < 1:
            continue
        shot = browser.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True, "clip": dict(rect, scale=2)}, session)
        path = os.path.join(directory, f"chart-{i:02d}.png")
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        paths.append(os.path.abspath(path))
    return paths


def check(page, screenshot, pdf, width, timeout, chart_dir=None):
    binary = find_chromium()
    if binary is None:
        return EXIT_NO_BROWSER, {"error": "chromium not found (apt-get install chromium, or set CHROMIUM)"}
    deadline = time.monotonic() + timeout
    report = {"page": page, "chromium": binary}
    with tempfile.TemporaryDirectory(prefix="browser-check-") as profile:
        browser = Browser(binary, profile, deadline)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Runtime", "Log", "Page", "Network"):
                browser.send(f"{domain}.enable", session=session)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False}, session)
            nav = browser.send("Page.navigate", {"url": "file://" + os.path.abspath(page)}, session)
            if nav.get("errorText"):
                raise ProtocolError(f"navigation failed: {nav['errorText']}")
            browser.wait_event("Page.loadEventFired", session)
            result = browser.send("Runtime.evaluate", {"expression": CHECK_JS, "returnByValue": True}, session)
            if "exceptionDetails" in result:
                raise ProtocolError(f"check script failed: {result['exceptionDetails'].get('text')}")
            facts = result["result"]["value"]
            report.update({k: facts[k] for k in ("images", "documentWidth", "documentHeight")})
            problems = list(facts["problems"])
            if screenshot:
                shot = browser.send("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": max(facts["documentWidth"], width),
                             "height": max(facts["documentHeight"], 1), "scale": 1}}, session)
                with open(screenshot, "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
                report["screenshot"] = os.path.abspath(screenshot)
            if chart_dir:
                report["chartShots"] = save_chart_shots(browser, session, chart_dir)
            if pdf:
                printed = browser.send("Page.printToPDF", {
                    "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True,
                    "printBackground": True}, session)
                data = base64.b64decode(printed["data"])
                with open(pdf, "wb") as f:
                    f.write(data)
                report["pdf"] = os.path.abspath(pdf)
                report["pdfPages"] = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
            errors, warnings = summarize_events(browser.events)
            report["consoleErrors"], report["warnings"] = errors, warnings + facts["warnings"]
            report["problems"] = errors + problems
        except ProtocolError as error:
            report["error"] = str(error)
            return EXIT_ERROR, report
        finally:
            browser.close()
    return (EXIT_PROBLEMS if report["problems"] else EXIT_OK), report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page")
    parser.add_argument("--screenshot", help="full-page PNG to write (outside the repository)")
    parser.add_argument("--pdf", help="print the page to this PDF (A4 unless the page's @page says otherwise)")
    parser.add_argument("--chart-shots", metavar="DIR", help="also save one PNG per chart into DIR")
    parser.add_argument("--width", type=int, default=1000, help="window width in CSS pixels (default 1000)")
    parser.add_argument("--timeout", type=float, default=60, help="bound on the whole run in seconds (default 60)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    options = parser.parse_args()
    if not os.path.isfile(options.page):
        print(f"browser-check: {options.page}: no such file", file=sys.stderr)
        return EXIT_ERROR
    code, report = check(options.page, options.screenshot, options.pdf, options.width, options.timeout,
                         options.chart_shots)
    if options.json:
        print(json.dumps(report, indent=2, sort_keys=True))
    else:
        if "error" in report:
            print(f"browser-check: {report['error']}", file=sys.stderr)
        for problem in report.get("problems", []):
            print(f"PROBLEM: {problem}")
        for warning in report.get("warnings", []):
            print(f"warning: {warning}")
        if "images" in report:
            print(f"checked {len(report['images'])} images/charts; page {report['documentWidth']}x"
                  f"{report['documentHeight']} px" + (f"; {report['pdfPages']} PDF pages" if pdf_pages(report) else ""))
        if report.get("screenshot"):
            print(f"screenshot: {report['screenshot']}")
    return code


def pdf_pages(report):
    return "pdfPages" in report


if __name__ == "__main__":
    sys.exit(main())
