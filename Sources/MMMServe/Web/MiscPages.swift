import Foundation
import HTTPTypes
import Hummingbird
import MMMCore
import MMMJobs

/// `/connect` (Snowflake test-connection, key saved to Secret Manager) and `/benchmarks` (submit, follow, analysis).
enum MiscPages {
    static func register(_ router: Router<ServeContext>, state: ServeState) {
        router.get("connect") { _, context in connectPage(context: context, result: nil) }
        router.post("connect") { request, context in try await connect(request, context: context, state: state) }
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

    static let snowflakeFields: [(name: String, label: String, help: String?)] = [
        ("account", "Account", "ORG-ACCOUNT or an account locator"), ("user", "User", nil), ("warehouse", "Warehouse", nil),
        ("database", "Database", nil), ("schema", "Schema", nil), ("role", "Role", "optional"),
    ]

    static func connectPage(context: ServeContext, result: (ok: Bool, text: String)?, values: [String: String] = [:]) -> Response {
        let fields = snowflakeFields.map { HTML.field($0.label, name: $0.name, value: values[$0.name] ?? "", help: $0.help) }.joined()
        let outcome = result.map {
            $0.ok ? "<p class=\"ok\" role=\"status\">\(HTML.escape($0.text))</p>" : "<p class=\"error\" role=\"alert\">\(HTML.escape($0.text))</p>"
        } ?? ""
        let body = """
            \(outcome)
            <form method="post" action="/connect" enctype="multipart/form-data" aria-labelledby="sf-h">
            <h2 id="sf-h">Snowflake (key-pair authentication)</h2>
            \(HTML.csrf(context.user?.csrfToken))
            \(fields)
            \(HTML.field("Private key file", name: "key", type: "file", help: "PEM (PKCS#8). It is used for this test and, if you name a secret below, stored in Secret Manager; it is never shown again.", attributes: "accept=\".p8,.pem,.key\""))
            \(HTML.field("Or: key already in Secret Manager", name: "key_secret", value: values["key_secret"] ?? "", help: "projects/P/secrets/NAME[/versions/V]"))
            \(HTML.field("Save the uploaded key as secret", name: "save_secret", value: values["save_secret"] ?? "", help: "A secret name (in the default project) or projects/P/secrets/NAME; empty: not saved"))
            <button type="submit" class="primary">Test the connection</button></form>
            """
        return Pages.page("Connect", current: "/connect", user: context.user, body: body, status: result?.ok == false ? .badRequest : .ok)
    }

    /// Tests the connection with `mmm-cli snowflake test-connection` in a worker process (the key goes through a
    /// 0600 file that is deleted at once, never through argv), and saves the key with `mmm-cli secrets save-key`.
    static func connect(_ request: Request, context: ServeContext, state: ServeState) async throws -> Response {
        let upload = try await WebForms.multipart(request, state: state)
        defer { upload.cleanup() }
        try WebForms.checkCSRF(upload.text("csrf"), context: context, state: state)
        var values: [String: String] = [:]
        for name in snowflakeFields.map(\.name) + ["key_secret", "save_secret"] {
            values[name] = upload.text(name)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        var arguments = ["snowflake", "test-connection"]
        for field in snowflakeFields where !(values[field.name] ?? "").isEmpty { arguments += ["--\(field.name)", values[field.name] ?? ""] }
        let keyFile = upload.file.deletingLastPathComponent().appendingPathComponent("key.p8")
        if let part = upload.form.part("key"), !part.range.isEmpty {
            _ = FileManager.default.createFile(atPath: keyFile.path, contents: nil, attributes: [.posixPermissions: 0o600])
            try upload.form.bytes(of: part).write(to: keyFile)
            arguments += ["--private-key-file", keyFile.path]
        } else if let secret = values["key_secret"], !secret.isEmpty {
            arguments += ["--private-key-secret", secret]
        } else {
            return connectPage(context: context, result: (false, "give a private key file or a Secret Manager secret"), values: values)
        }
        defer { try? FileManager.default.removeItem(at: keyFile) }
        var (status, lines) = await runWorker(arguments, state: state)
        var text = lines.suffix(3).joined(separator: " ")
        if status == 0, let save = values["save_secret"], !save.isEmpty, FileManager.default.fileExists(atPath: keyFile.path) {
            let (saved, saveLines) = await runWorker(["secrets", "save-key", "--secret", save, "--key-file", keyFile.path], state: state)
            status = saved
            text += saved == 0 ? " The key is saved in Secret Manager as \(save)." : " Saving the key failed: " + saveLines.suffix(2).joined(separator: " ")
        }
        return connectPage(context: context, result: (status == 0, text.isEmpty ? "exit \(status)" : text), values: values)
    }

    private static func runWorker(_ arguments: [String], state: ServeState) async -> (Int32, [String]) {
        let lines = Locked<[String]>([])
        let status =
            (try? await ChildProcess.run(
                state.configuration.workerExecutable, arguments, environment: state.configuration.workerEnvironment, grace: 5
            ) { _, line in
                if !line.isEmpty { lines.withLock { $0.append(line) } }
            }) ?? 1
        return (status, lines.withLock { $0 })
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
