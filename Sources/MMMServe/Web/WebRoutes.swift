import Foundation
import HTTPTypes
import Hummingbird
import MMMCharts
import MMMCore
import MMMJobs

/// The pages: `/`, `/connect`, `/data`, `/run`, `/runs`, `/runs/{id}`, `/benchmarks`, and the static files.
enum WebRoutes {
    static func register(_ router: Router<ServeContext>, state: ServeState) {
        router.get("static/report.css") { _, _ in asset(HTMLStyle.stylesheet, type: "text/css; charset=utf-8") }
        router.get("static/app.css") { _, _ in asset(StaticAssets.css, type: "text/css; charset=utf-8") }
        router.get("static/app.js") { _, _ in asset(StaticAssets.js, type: "text/javascript; charset=utf-8") }
        router.get("favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/") { _, context in try await home(context, state: state) }
        RunPages.register(router, state: state)
        DataPages.register(router, state: state)
        RunFormPages.register(router, state: state)
        MiscPages.register(router, state: state)
    }

    static func asset(_ text: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func home(_ context: ServeContext, state: ServeState) async throws -> Response {
        let listing = try await RunHistory(store: state.store).list()
        let queued = await state.runs.queuedRuns().count
        var counts: [String: Int] = [:]
        for run in listing.runs { counts[run.state, default: 0] += 1 }
        let summary = counts.keys.sorted().map { "\(counts[$0] ?? 0) \($0.lowercased())" }.joined(separator: ", ")
        let body = """
            <p>Signed in as <strong>\(HTML.escape(context.user?.email ?? ""))</strong>. Runs are stored in \
            <code>\(HTML.escape(state.configuration.store))</code>.</p>
            <p>\(listing.runs.count) runs\(summary.isEmpty ? "" : " (\(HTML.escape(summary)))")\(queued > 0 ? "; \(queued) waiting for a worker" : "").</p>
            <ol class="steps">
            <li><a href="/connect">Connect</a> a Snowflake account (optional).</li>
            <li><a href="/data">Upload data</a> and map its columns to roles.</li>
            <li><a href="/run">Configure and start a run</a>; follow its progress live.</li>
            <li><a href="/runs">Read the results</a>: the report, and budget allocations on the trained model.</li>
            <li><a href="/benchmarks">Benchmark</a> variants of a configuration.</li>
            </ol>
            <p>The REST API is described at <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
            """
        return Pages.page("mmm-trainer", current: "/", user: context.user, body: body)
    }
}
