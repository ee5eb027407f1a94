import Foundation
import Hummingbird
import MMMCore
import MMMJobs

/// `/runs` (list, filter, compare) and `/runs/{id}` (status, live progress, report, allocation form, files).
enum RunPages {
    static func register(_ router: Router<ServeContext>, state: ServeState) {
        router.get("runs") { request, context in try await list(request, context: context, state: state) }
        router.get("runs/compare") { request, context in try await compare(request, context: context, state: state) }
        router.get("runs/:id") { _, context in try await detail(try context.parameters.require("id"), context: context, state: state) }
    }

    static func list(_ request: Request, context: ServeContext, state: ServeState) async throws -> Response {
        let country = request.uri.queryParameters.get("country").flatMap { $0.isEmpty ? nil : $0 }
        let wanted = request.uri.queryParameters.get("state").flatMap { $0.isEmpty ? nil : $0.uppercased() }
        var runs = try await RunHistory(store: state.store).list(country: country).runs
        if let wanted { runs = runs.filter { $0.state == wanted } }
        let queued = wanted == nil || wanted == "QUEUED" ? await state.runs.queuedRuns() : []
        let states = ["", "QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "SKIPPED"]
        var rows = queued.map { q in
            "<tr><th scope=\"row\"><a href=\"/runs/\(HTML.urlComponent(q.id))\">\(HTML.escape(q.id))</a></th><td class=\"state\">QUEUED</td>"
                + "<td>\(HTML.escape(q.country ?? ""))</td><td></td><td class=\"num\"></td><td class=\"num\"></td><td>\(ISOTime.format(q.submittedAt))</td><td class=\"num\"></td></tr>"
        }
        for run in runs.reversed() {
            rows.append(
                "<tr><th scope=\"row\"><a href=\"/runs/\(HTML.urlComponent(run.path))\">\(HTML.escape(run.runId))</a></th>"
                    + "<td class=\"state\">\(HTML.escape(run.state))</td><td>\(HTML.escape(run.country ?? ""))</td>"
                    + "<td>\(HTML.escape(run.bestModel ?? ""))</td><td class=\"num\">\(format(run.nrmseVal))</td>"
                    + "<td class=\"num\">\(format(run.decompRssd))</td><td>\(HTML.escape(run.startedAt ?? ""))</td>"
                    + "<td class=\"num\">\(run.durationSeconds.map { String(format: "%.1f", $0) } ?? "")</td></tr>")
        }
        let ids = runs.map(\.path)
        let options = ids.map { ($0, $0) }
        let body = """
            <form method="get" action="/runs" class="inline" aria-label="Filter runs">
            \(HTML.field("Country", name: "country", value: country ?? "", help: "ISO-2 code, e.g. de"))
            \(HTML.select("State", name: "state", options: states.map { ($0, $0.isEmpty ? "any" : $0) }, selected: wanted ?? ""))
            <button type="submit">Filter</button></form>
            <div class="table-wrap"><table><caption>\(rows.count) runs, newest first</caption>
            <thead><tr><th scope="col">Run</th><th scope="col">State</th><th scope="col">Country</th><th scope="col">Best model</th>
            <th scope="col">NRMSE (val)</th><th scope="col">DECOMP.RSSD</th><th scope="col">Started</th><th scope="col">Seconds</th></tr></thead>
            <tbody>\(rows.joined())</tbody></table></div>
            <h2>Compare two runs</h2>
            <form method="get" action="/runs/compare" class="inline">
            \(HTML.select("First run", name: "a", options: options, selected: ids.count > 1 ? ids[ids.count - 2] : nil))
            \(HTML.select("Second run", name: "b", options: options, selected: ids.last))
            <button type="submit">Compare</button></form>
            """
        return Pages.page("Runs", current: "/runs", user: context.user, body: body)
    }

    static func compare(_ request: Request, context: ServeContext, state: ServeState) async throws -> Response {
        let history = RunHistory(store: state.store)
        guard let a = request.uri.queryParameters.get("a"), let b = request.uri.queryParameters.get("b"),
            let left = try await history.details(of: a), let right = try await history.details(of: b)
        else { throw APIError.notFound("choose two runs of the list") }
        let comparison = RunComparison(left, right)
        let configRows = comparison.configDifferences.map {
            "<tr><th scope=\"row\"><code>\(HTML.escape($0.path))</code></th><td>\(HTML.escape($0.a ?? "–"))</td><td>\(HTML.escape($0.b ?? "–"))</td></tr>"
        }.joined()
        let metricRows = comparison.metrics.map {
            "<tr><th scope=\"row\">\(HTML.escape($0.metric))</th><td class=\"num\">\(format($0.a))</td><td class=\"num\">\(format($0.b))</td><td class=\"num\">\(format($0.delta))</td></tr>"
        }.joined()
        let sameData = comparison.dataDigestsEqual.map { $0 ? "the same input data" : "different input data" } ?? "input data not comparable"
        let body = """
            <p><a href="/runs/\(HTML.urlComponent(a))">\(HTML.escape(a))</a> and <a href="/runs/\(HTML.urlComponent(b))">\(HTML.escape(b))</a>: \(sameData).</p>
            <div class="table-wrap"><table><caption>Best model metrics</caption><thead><tr><th scope="col">Metric</th><th scope="col">First</th>
            <th scope="col">Second</th><th scope="col">Difference</th></tr></thead><tbody>\(metricRows)</tbody></table></div>
            <div class="table-wrap"><table><caption>Configuration differences</caption><thead><tr><th scope="col">JSON path</th>
            <th scope="col">First</th><th scope="col">Second</th></tr></thead><tbody>\(configRows.isEmpty ? "<tr><td colspan=\"3\">none</td></tr>" : configRows)</tbody></table></div>
            """
        return Pages.page("Compare runs", current: "/runs", user: context.user, body: body)
    }

    static func detail(_ id: String, context: ServeContext, state: ServeState) async throws -> Response {
        guard PathSegment.isSafe(id) else { throw APIError.notFound("no run '\(id.prefix(100))'") }
        let folder = try await state.store.openRun(id: id)
        var statusData = try await folder?.read("status.json")
        if statusData == nil { statusData = await state.runs.pendingStatus(id) }
        guard let statusData, let status = try? JSONSerialization.jsonObject(with: statusData) as? [String: Any] else {
            throw APIError.notFound("no run '\(id)'")
        }
        let runState = status["state"] as? String ?? "?"
        let files = (try await folder?.fileNames()) ?? []
        var facts = [("State", "<span class=\"state\" data-run-state>\(HTML.escape(runState))</span>")]
        for (key, label) in [("started_at", "Started"), ("finished_at", "Finished"), ("submitted_at", "Submitted"), ("failed_step", "Failed step")] {
            if let value = status[key] as? String { facts.append((label, HTML.escape(value))) }
        }
        if let engine = (status["engine"] as? [String: Any])?["name"] as? String { facts.append(("Engine", HTML.escape(engine))) }
        if let seconds = status["duration_seconds"] as? Double { facts.append(("Duration", String(format: "%.1f s", seconds))) }
        var body = "<dl class=\"facts\">" + facts.map { "<div><dt>\($0.0)</dt><dd>\($0.1)</dd></div>" }.joined() + "</dl>"
        if let message = status["message"] as? String {
            body += runState == "FAILED" ? "<p class=\"error\" role=\"alert\">\(HTML.escape(message))</p>" : "<p>\(HTML.escape(message))</p>"
        }
        let events = "/v1/runs/\(HTML.urlComponent(id))/events"
        if ["QUEUED", "RUNNING"].contains(runState) {
            body += """
                <section aria-labelledby="progress-h" data-events="\(events)"><h2 id="progress-h">Progress</h2>
                <progress aria-labelledby="progress-label" max="1" value="0"></progress>
                <p id="progress-label" data-progress-label aria-live="polite">Waiting for the first progress report…</p>
                <h3>Notes from the training</h3><ul data-log aria-live="polite"></ul>
                <noscript><p>Reload the page to see the progress.</p></noscript></section>
                """
        }
        if files.contains("report.html") {
            body += """
                <h2>Report</h2><p><a href="/v1/runs/\(HTML.urlComponent(id))/artifacts/report.html">Open the report on its own page</a></p>
                <iframe class="report" title="Run report of \(HTML.escape(id))" src="/v1/runs/\(HTML.urlComponent(id))/artifacts/report.html"></iframe>
                """
        }
        if files.contains("model.json") {
            body += """
                <h2 id="allocate-h">Allocate a budget</h2>
                <form data-allocate data-output="allocation-out" method="post" action="/v1/runs/\(HTML.urlComponent(id))/allocate" aria-labelledby="allocate-h" class="inline">
                \(HTML.csrf(context.user?.csrfToken))
                \(HTML.select("Goal", name: "goal", options: [("budget", "Most response for a budget"), ("target_roas", "Most spend at a target ROAS"), ("target_cpa", "Most spend at a target CPA")], selected: "budget"))
                \(HTML.field("Amount", name: "amount", type: "number", help: "The budget over the date range, or the target; empty repeats the run's own allocation.", attributes: "min=\"0\" step=\"any\""))
                \(HTML.field("Date range", name: "date_range", value: "last:365", help: "last:DAYS, all, or FROM,TO"))
                <button type="submit" class="primary">Allocate</button></form>
                <div id="allocation-out" tabindex="-1" aria-live="polite"><noscript><p>The allocation form needs JavaScript; the API answers POST \(HTML.escape(events.replacingOccurrences(of: "/events", with: "/allocate"))).</p></noscript></div>
                """
        }
        if !files.isEmpty {
            let items = files.map { "<li><a href=\"/v1/runs/\(HTML.urlComponent(id))/artifacts/\($0.split(separator: "/").map { HTML.urlComponent(String($0)) }.joined(separator: "/"))\">\(HTML.escape($0))</a></li>" }
            body += "<h2>Files</h2><ul>\(items.joined())</ul>"
        }
        return Pages.page("Run \(id)", current: "/runs", user: context.user, body: body)
    }

    static func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.4f", value)
    }
}
