import Foundation

/// The pages' own stylesheet and script (served from `/static/`; no build step, no outside files).
enum StaticAssets {
    static let css = """
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 9; }
        header.app { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 8px;
          border-bottom: 2px solid var(--ink); margin-bottom: 1em; padding-bottom: 6px; }
        header.app ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0; padding: 0; }
        header.app a[aria-current="page"] { font-weight: bold; text-decoration: none; border-bottom: 3px solid var(--ink); }
        form.signout { display: flex; gap: 8px; align-items: center; font-size: 0.9em; }
        .field { margin: 0.6em 0; } .field label { display: block; font-weight: bold; }
        .field input, .field select, .field textarea { font: inherit; padding: 4px 6px; border: 1px solid #767676; max-width: 100%; }
        .field textarea { width: 100%; min-height: 8em; font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; }
        .help { font-size: 0.85em; color: var(--muted); margin: 2px 0 0; }
        fieldset { border: 1px solid var(--rule); margin: 1em 0; padding: 0.4em 1em 0.8em; }
        legend { font-weight: bold; padding: 0 4px; }
        button, .button { font: inherit; padding: 6px 14px; border: 2px solid var(--ink); background: #fff; color: var(--ink);
          cursor: pointer; text-decoration: none; display: inline-block; }
        button.primary, .button.primary { background: var(--ink); color: #fff; }
        :focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
        .error { border-left: 5px solid #b00020; padding: 0.4em 0.8em; background: #fff4f4; font-weight: bold; }
        .error::before { content: "Error: "; }
        [aria-invalid="true"] { border: 2px solid #b00020 !important; }
        .field:has([aria-invalid="true"]) > label::after { content: " (invalid: see the error above)"; font-weight: normal; }
        .ok { border-left: 5px solid var(--ink); padding: 0.4em 0.8em; background: var(--stripe); }
        .state { font-weight: bold; letter-spacing: 0.03em; }
        progress { width: 100%; height: 1.2em; }
        iframe.report { width: 100%; height: 80vh; border: 1px solid var(--rule); }
        .roles td select { max-width: 14em; }
        .inline { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; }
        .inline .field { margin: 0; }
        """

    static let js = """
        "use strict";
        // Progressive enhancement only: every page works without this script.
        function csrfToken() {
          const input = document.querySelector('input[name="csrf"]');
          return input ? input.value : "";
        }
        function text(tag, value) { const el = document.createElement(tag); el.textContent = value; return el; }

        // Live progress of a run (Server-Sent Events).
        function followRun(box) {
          const source = new EventSource(box.dataset.events);
          const bar = box.querySelector("progress");
          const label = box.querySelector("[data-progress-label]");
          const state = document.querySelector("[data-run-state]");
          const log = box.querySelector("[data-log]");
          source.addEventListener("progress", (event) => {
            const p = JSON.parse(event.data);
            bar.max = p.total; bar.value = p.done;
            label.textContent = p.done + " of " + p.total + " candidates" +
              (p.best_nrmse === null ? "" : ", lowest NRMSE " + p.best_nrmse.toFixed(4));
          });
          source.addEventListener("log", (event) => { log.append(text("li", JSON.parse(event.data).line)); });
          source.addEventListener("state", (event) => {
            const s = JSON.parse(event.data);
            if (state) { state.textContent = s.state; }
            if (["SUCCEEDED", "FAILED", "SKIPPED", "CANCELLED"].includes(s.state)) {
              source.close();
              label.textContent = "Finished: " + s.state + ". Reloading…";
              window.setTimeout(() => window.location.reload(), 800);
            }
          });
          source.onerror = () => { if (source.readyState === EventSource.CLOSED) { label.textContent = "Connection closed."; } };
        }

        // The allocation form: ask the API, show the answer as a table.
        function allocate(form) {
          form.addEventListener("submit", async (event) => {
            event.preventDefault();
            const out = document.getElementById(form.dataset.output);
            const body = {};
            const kind = form.elements["goal"].value;
            const amount = form.elements["amount"].value.trim();
            if (amount !== "") { body[kind] = Number(amount); }
            const range = form.elements["date_range"].value.trim();
            if (range !== "") { body.date_range = range; }
            out.replaceChildren(text("p", "Allocating…"));
            const response = await fetch(form.action, { method: "POST", credentials: "same-origin",
              headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() }, body: JSON.stringify(body) });
            const data = await response.json();
            if (!response.ok) {
              const p = text("p", data.error.message + (data.error.field ? " (" + data.error.field + ")" : ""));
              p.className = "error"; p.setAttribute("role", "alert");
              out.replaceChildren(p); return;
            }
            const table = document.createElement("table");
            const caption = text("caption", "Recommended spend per period (" + data.scenario + ")");
            table.append(caption);
            const head = document.createElement("tr");
            ["Channel", "Now", "Recommended", "Status"].forEach((h) => { const th = text("th", h); th.scope = "col"; head.append(th); });
            const thead = document.createElement("thead"); thead.append(head); table.append(thead);
            const tbody = document.createElement("tbody");
            data.channels.forEach((c) => {
              const tr = document.createElement("tr");
              const th = text("th", c.channel); th.scope = "row"; tr.append(th);
              const now = text("td", Math.round(c.initial_spend).toLocaleString()); now.className = "num"; tr.append(now);
              const opt = text("td", Math.round(c.bounded.spend).toLocaleString()); opt.className = "num"; tr.append(opt);
              tr.append(text("td", c.bounded.status.replaceAll("_", " ")));
              tbody.append(tr);
            });
            table.append(tbody);
            const wrap = document.createElement("div"); wrap.className = "table-wrap"; wrap.append(table);
            out.replaceChildren(wrap);
            out.focus();
          });
        }

        document.addEventListener("DOMContentLoaded", () => {
          // A form shown again with its error: start there (keyboard and screen-reader users hear it first).
          const formError = document.getElementById("form-error");
          if (formError) { formError.focus(); }
          document.querySelectorAll("[data-events]").forEach(followRun);
          document.querySelectorAll("form[data-allocate]").forEach(allocate);
        });
        """
}
