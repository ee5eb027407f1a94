#!/usr/bin/env python3
"""Drive a web app through a scripted flow in headless Chromium (standard library only; shares browser-check.py's
DevTools-over-pipe client).

Usage:
  scripts/browser-flow.py FLOW.json [--timeout 300] [--width 1100]

FLOW.json is {"origin": "http://127.0.0.1:PORT", "steps": [...]}; each step is one object:
  {"goto": URL}                                  navigate and wait for the load event
  {"wait_for": CSS, "timeout": S}                poll until an element matches
  {"wait_until": JS, "timeout": S}               poll until a JS expression is truthy
  {"fill": CSS, "value": TEXT}                   set an input's value (fires input/change)
  {"type": TEXT}                                 type into the focused element (Input.insertText)
  {"select": CSS, "value": V}                    choose an <option>
  {"upload": CSS, "file": PATH}                  put a file into an <input type=file>
  {"focus": CSS}                                 focus an element
  {"key": "Tab"|"Enter"|"Space", "navigates": B} press a key on the focused element (B: wait for a page load)
  {"tab_until": CSS, "max": N}                   press Tab (at most N times, default 100) until the focused element
                                                 matches; it must show a focus outline
  {"check_labels": true}                         every state or message shown in colour (run states, errors, alerts,
                                                 statuses, invalid fields) also says it in text; counts kept in "labels"
  {"click": CSS, "navigates": B}                 click an element
  "expect_status": N on a navigating key/click   the page it loads answers N (e.g. 400: a form shown again with its
                                                 errors); that one failed load is then not a problem
  {"expect_text": TEXT}                          the page's text must contain TEXT
  {"expect_url": SUBSTRING}                      the page's URL must contain SUBSTRING
  {"eval": JS, "save_as": NAME}                  evaluate JS; keep its (JSON) value in the report under NAME
  {"check_charts": true}                         run browser-check's render checks on the current page
  {"pause": S}                                   wait S seconds (at most 5: e.g. let a sandboxed iframe paint)
  {"screenshot": PATH}                           full-page PNG
Every page's console errors, uncaught exceptions, failed loads and requests to any origin but FLOW's are problems.
Prints a JSON report. Exit codes: 0 = clean, 1 = problems or a failed step, 2 = harness error, 3 = no Chromium.
"""
import argparse
import base64
import importlib.util
import json
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("browser_check", os.path.join(HERE, "browser-check.py"))
bc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bc)

KEYS = {"Tab": (9, "\t", "Tab"), "Enter": (13, "\r", "Enter"), "Space": (32, " ", " ")}

# Colour is never the only signal: each coloured state or message carries words ("Error: …", "Connected: …", a
# run state such as SUCCEEDED), and an invalid field points at its message.
LABELS_JS = r"""(() => {
  const problems = [];
  let checked = 0;
  const selector = '.state, [data-run-state], .error, .ok, [role=alert], [role=status], [aria-invalid=true]';
  for (const el of document.querySelectorAll(selector)) {
    checked += 1;
    const where = el.outerHTML.slice(0, 90);
    if (el.matches('[aria-invalid=true]')) {
      const id = el.getAttribute('aria-errormessage');
      const message = id && document.getElementById(id);
      if (!message || !message.textContent.trim()) problems.push('invalid field without a text message: ' + where);
      const label = el.id && document.querySelector('label[for="' + el.id + '"]');
      const said = label ? label.textContent + getComputedStyle(label, '::after').content : '';
      if (!/invalid|error/i.test(said)) problems.push('an invalid field whose label does not say so: ' + where);
      continue;
    }
    const before = getComputedStyle(el, '::before').content;
    const prefix = before && before !== 'none' && before !== 'normal' ? before.replace(/^"|"$/g, '') : '';
    const text = (prefix + el.textContent).replace(/\s+/g, ' ').trim();
    if (!/[A-Za-z]{2}/.test(text)) problems.push('no words: ' + where);
    else if (el.matches('.error') && !/^Error: \S/.test(text)) problems.push('an error without "Error:": ' + where);
    else if (el.matches('.ok') && !/^[A-Z][a-z]+: \S/.test(text)) problems.push('a status without a label word: ' + where);
    else if (el.matches('.state, [data-run-state]') && !/^[A-Z_]{4,}$/.test(text)) problems.push('a state that is not a word: ' + where);
  }
  return {url: location.pathname, checked, problems};
})()"""


class StepFailed(Exception):
    pass


class Flow:
    def __init__(self, browser, session, origin, deadline):
        self.browser, self.session, self.origin, self.deadline = browser, session, origin, deadline
        self.values = {}
        self.expected_loads = []  # (status, url) of loads a step expects to fail

    def js(self, expression):
        result = self.browser.send("Runtime.evaluate", {
            "expression": expression, "returnByValue": True, "awaitPromise": True}, self.session)
        if "exceptionDetails" in result:
            raise StepFailed(f"script failed: {result['exceptionDetails'].get('text')} in {expression[:80]}")
        return result.get("result", {}).get("value")

    def truthy(self, condition):
        # A page reloading itself has no execution context for a moment; that is "not yet", not a failure.
        try:
            return self.js(condition)
        except (StepFailed, bc.ProtocolError):
            return False

    def drop_loads(self):
        # A load event still queued from an earlier navigation (a page that reloaded itself) must not be taken for
        # the one about to start.
        self.browser.events = [e for e in self.browser.events if e.get("method") != "Page.loadEventFired"]

    def wait_load(self, step=None):
        self.browser.wait_event("Page.loadEventFired", self.session)
        if step and "expect_status" in step:
            self.expected_loads.append((int(step["expect_status"]), self.js("location.href")))

    def press(self, name):
        code, text, key = KEYS[name]
        for kind in ("keyDown", "keyUp"):
            params = {"type": kind, "key": key, "windowsVirtualKeyCode": code, "code": name}
            if kind == "keyDown" and name != "Tab":
                params["text"] = text
            self.browser.send("Input.dispatchKeyEvent", params, self.session)

    def element(self, css):
        return f"document.querySelector({json.dumps(css)})"

    def require(self, css):
        if not self.js(f"!!{self.element(css)}"):
            raise StepFailed(f"no element matches {css} on {self.js('location.href')}")

    def run(self, step):
        if "goto" in step:
            self.drop_loads()
            nav = self.browser.send("Page.navigate", {"url": step["goto"]}, self.session)
            if nav.get("errorText"):
                raise StepFailed(f"navigation to {step['goto']} failed: {nav['errorText']}")
            self.wait_load()
        elif "wait_for" in step or "wait_until" in step:
            limit = time.monotonic() + step.get("timeout", 30)
            condition = f"!!{self.element(step['wait_for'])}" if "wait_for" in step else f"!!({step['wait_until']})"
            while not self.truthy(condition):
                if time.monotonic() > min(limit, self.deadline):
                    what = step.get("wait_for") or step["wait_until"][:80]
                    raise StepFailed(f"{what} did not come true on {self.js('location.href')}")
                time.sleep(0.25)
        elif "fill" in step:
            self.require(step["fill"])
            self.js(f"(() => {{ const e = {self.element(step['fill'])}; e.value = {json.dumps(step['value'])};"
                    " e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true})); })()")
        elif "select" in step:
            self.require(step["select"])
            ok = self.js(f"(() => {{ const e = {self.element(step['select'])}; e.value = {json.dumps(step['value'])};"
                         " e.dispatchEvent(new Event('change', {bubbles: true})); return e.value; })()")
            if ok != step["value"]:
                raise StepFailed(f"{step['select']} has no option {step['value']}")
        elif "upload" in step:
            document = self.browser.send("DOM.getDocument", {}, self.session)
            node = self.browser.send("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": step["upload"]},
                                     self.session)
            if not node.get("nodeId"):
                raise StepFailed(f"no file input {step['upload']}")
            self.browser.send("DOM.setFileInputFiles", {"nodeId": node["nodeId"], "files": [os.path.abspath(step["file"])]},
                              self.session)
        elif "focus" in step:
            self.require(step["focus"])
            self.js(f"{self.element(step['focus'])}.focus()")
        elif "type" in step:
            self.browser.send("Input.insertText", {"text": step["type"]}, self.session)
        elif "key" in step:
            self.drop_loads()
            self.press(step["key"])
            if step.get("navigates"):
                self.wait_load(step)
        elif "tab_until" in step:
            matches = f"!!document.activeElement && document.activeElement.matches({json.dumps(step['tab_until'])})"
            for _ in range(int(step.get("max", 100))):
                self.press("Tab")
                if self.js(matches):
                    break
            else:
                raise StepFailed(f"Tab never reached {step['tab_until']} on {self.js('location.href')}")
            if self.js("getComputedStyle(document.activeElement).outlineStyle") == "none":
                raise StepFailed(f"{step['tab_until']} has focus but no visible focus outline")
        elif "check_labels" in step:
            facts = self.js(LABELS_JS)
            self.values.setdefault("labels", []).append(facts)
            if facts["problems"]:
                raise StepFailed("; ".join(facts["problems"][:5]))
        elif "click" in step:
            self.require(step["click"])
            self.drop_loads()
            self.js(f"{self.element(step['click'])}.click()")
            if step.get("navigates"):
                self.wait_load(step)
        elif "expect_text" in step:
            if step["expect_text"] not in (self.js("document.body.innerText") or ""):
                raise StepFailed(f"the page {self.js('location.href')} does not say {step['expect_text']!r}")
        elif "expect_url" in step:
            url = self.js("location.href")
            if step["expect_url"] not in url:
                raise StepFailed(f"expected a URL containing {step['expect_url']!r}, at {url}")
        elif "eval" in step:
            value = self.js(step["eval"])
            if "save_as" in step:
                self.values[step["save_as"]] = value
        elif "check_charts" in step:
            facts = self.js(bc.CHECK_JS)
            self.values.setdefault("charts", []).append(
                {"url": self.js("location.href"), "images": facts["images"], "problems": facts["problems"]})
            if facts["problems"]:
                raise StepFailed("; ".join(facts["problems"][:5]))
        elif "pause" in step:
            time.sleep(min(float(step["pause"]), 5.0))
        elif "screenshot" in step:
            size = self.js("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            shot = self.browser.send("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": size[0], "height": min(size[1], 6000), "scale": 1}}, self.session)
            with open(step["screenshot"], "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        else:
            raise StepFailed(f"unknown step {step}")


def run(flow_path, timeout, width):
    with open(flow_path) as f:
        flow = json.load(f)
    binary = bc.find_chromium()
    if binary is None:
        return bc.EXIT_NO_BROWSER, {"error": "chromium not found (apt-get install chromium, or set CHROMIUM)"}
    deadline = time.monotonic() + timeout
    report = {"steps": 0, "problems": []}
    runner = None
    with tempfile.TemporaryDirectory(prefix="browser-flow-") as profile:
        browser = bc.Browser(binary, profile, deadline)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Runtime", "Log", "Page", "Network", "DOM"):
                browser.send(f"{domain}.enable", session=session)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
            runner = Flow(browser, session, flow["origin"], deadline)
            for index, step in enumerate(flow["steps"]):
                try:
                    runner.run(step)
                except StepFailed as failure:
                    report["problems"].append(f"step {index + 1} {json.dumps(step)[:120]}: {failure}")
                    break
                report["steps"] = index + 1
            report["values"] = runner.values
            report["url"] = runner.js("location.href")
        except bc.ProtocolError as error:
            report["error"] = str(error)
            return bc.EXIT_ERROR, report
        finally:
            browser.close()
    # Requests to the app's own origin are the point here; anything else leaves the app.
    own = [e for e in browser.events
           if not (e.get("method") == "Network.requestWillBeSent"
                   and e["params"].get("request", {}).get("url", "").startswith(flow["origin"]))]
    errors, warnings = bc.summarize_events(own)
    for status, url in (runner.expected_loads if runner else []):
        expected = [e for e in errors if f"status of {status} " in e and e.endswith(" " + url)]
        if expected:
            errors.remove(expected[0])
    report["consoleErrors"], report["warnings"] = errors, warnings
    report["problems"] += errors
    return (bc.EXIT_PROBLEMS if report["problems"] else bc.EXIT_OK), report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("flow")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--width", type=int, default=1100)
    options = parser.parse_args()
    code, report = run(options.flow, options.timeout, options.width)
    print(json.dumps(report, indent=2, sort_keys=True))
    return code


if __name__ == "__main__":
    sys.exit(main())
