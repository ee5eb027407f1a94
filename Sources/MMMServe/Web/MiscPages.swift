import Foundation
import HTTPTypes
import Hummingbird
import MMMCore
import MMMJobs

/// `/benchmarks` (submit, follow, analysis); `/connect` is ``ConnectPage``.
enum MiscPages {
    static func register(_ router: Router<ServeContext>, state: ServeState) {
        ConnectPage.register(router, state: state)
        router.get("benchmarks") { _, context in try await benchmarksPage(context: context, state: state) }
        router.post("benchmarks") { request, context in
            let upload = try await WebForms.multipart(request, state: state)
            defer { upload.cleanup() }
            try WebForms.checkCSRF(upload.text("csrf"), context: context, state: state)
            let id = try await BenchmarksAPI.accept(upload.form, state: state)
            return AuthMiddleware.redirect(to: "/benchmarks/\(HTML.urlComponent(id))")
        }
        router.get("benchmarks/:id") { _, context in
            try await benchmarkPage(try context.parameters.require("id"), context: context, state: state)
        }
    }

    static func benchmarksPage(context: ServeContext, state: ServeState) async throws -> Response {
        var rows: [String] = []
        for id in await state.benchmarks.ids() {
            let summary = try await BenchmarksAPI.summary(id, state: state)
            rows.append(
                "<tr><th scope=\"row\"><a href=\"/benchmarks/\(HTML.urlComponent(id))\">\(HTML.escape(id))</a></th>"
                    + "<td class=\"state\">\(HTML.escape(summary["state"] as? String ?? ""))</td></tr>")
        }
        let body = """
            <div class="table-wrap"><table><caption>Benchmarks</caption><thead><tr><th scope="col">Benchmark</th><th scope="col">State</th></tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"2\">none yet</td></tr>" : rows.joined())</tbody></table></div>
            <form method="post" action="/benchmarks" enctype="multipart/form-data" aria-labelledby="bm-h">
            <h2 id="bm-h">Plan and run a benchmark</h2>
            \(HTML.csrf(context.user?.csrfToken))
            \(HTML.field("Benchmark config (JSON)", name: "config", type: "file", help: "e.g. Examples/benchmarks/adstock_comparison.json", required: true, attributes: "accept=\".json\""))
            \(HTML.field("Base job config (JSON)", name: "base", type: "file", required: true, attributes: "accept=\".json\""))
            \(HTML.field("Data (CSV)", name: "data", type: "file", required: true, attributes: "accept=\".csv\""))
            \(HTML.select("Mode", name: "mode", options: [("test_run", "first variant at 10 × 1"), ("test_run_all", "every variant at 10 × 1"), ("default", "the config's counts"), ("full_run", "every variant at 1,000 × 3")], selected: "test_run_all"))
            <button type="submit" class="primary">Plan and run</button></form>
            """
        return Pages.page("Benchmarks", current: "/benchmarks", user: context.user, body: body)
    }

    static func benchmarkPage(_ id: String, context: ServeContext, state: ServeState) async throws -> Response {
        let summary = try await BenchmarksAPI.summary(id, state: state, details: true)
        let benchmarkState = summary["state"] as? String ?? "?"
        var body = "<dl class=\"facts\"><div><dt>State</dt><dd class=\"state\">\(HTML.escape(benchmarkState))</dd></div>"
        if let variants = summary["variants"] as? Int { body += "<div><dt>Variants</dt><dd>\(variants)</dd></div>" }
        body += "</dl>"
        if let message = summary["message"] as? String { body += "<p class=\"error\" role=\"alert\">\(HTML.escape(message))</p>" }
        if ["QUEUED", "RUNNING"].contains(benchmarkState) { body += "<p>Training the variants; reload this page to see the results.</p>" }
        if let report = summary["report_url"] as? String {
            body += """
                <h2>Analysis</h2><p><a href="\(HTML.escape(report))">Open the analysis on its own page</a></p>
                <iframe class="report" title="Benchmark analysis of \(HTML.escape(id))" src="\(HTML.escape(report))"></iframe>
                """
        }
        return Pages.page("Benchmark \(id)", current: "/benchmarks", user: context.user, body: body)
    }
}
