import Foundation
import MMMServe
import MMMTestSupport
import Testing

/// The web UI in a real headless Chromium (scripts/browser-flow.py, DevTools over a pipe, standard library only):
/// sign in with a dev link, test a Snowflake connection (the Python fake) on Connect, look at Benchmarks, read a
/// Snowflake table on Data, upload the demo data, map its columns, fill in and submit the run form with the keyboard
/// only, read the result page, allocate a budget from the keyboard, and open the report with its charts — with no
/// console errors on any page, and every state or message shown in colour also said in words.
struct BrowserFlowTests {
    /// What browser-flow.py prints.
    struct FlowReport: Decodable {
        struct Chart: Decodable {
            struct Image: Decodable {
                let kind: String
                let width: Double
                let height: Double
            }

            let url: String
            let images: [Image]
            let problems: [String]
        }

        struct Values: Decodable {
            let charts: [Chart]?
            let allocationRows: Int?
            let runState: String?
            let runPath: String?
            let facebookRole: String?
            let typedRunValues: [String]?
            let backendOptions: [String]?
            let focusAfterError: String?
            let labels: [Labels]?
        }

        struct Labels: Decodable {
            let url: String
            let checked: Int
            let problems: [String]
        }

        let steps: Int
        let problems: [String]
        let values: Values?
    }

    @Test(.timeLimit(.minutes(10)))
    func signInUploadMapRunAndReadTheResultInABrowser() async throws {
        let fake = try await ConnectPageTests.fake.get()
        let fixture = try await ServeFixture.start(workers: 1, oauth: false, workerEnvironment: fake.workerEnvironment)
        defer { Task { await fixture.handle.shutdown() } }
        // Screenshots stay after the test (outside the repository) so a person can look at them.
        let shots = try TemporaryDirectory.make("mmm-serve-browser")
        let origin = fixture.base
        let terminal = "/SUCCEEDED|FAILED|CANCELLED/.test(document.querySelector('[data-run-state]')?.textContent || '')"
        let steps: [[String: Any]] = [
            ["goto": fixture.handle.devLoginURL()],
            ["expect_text": "developer@localhost"],
            ["screenshot": shots.appendingPathComponent("1-home.png").path],
            // Connect: test the connection against the Snowflake fake with an uploaded key.
            ["goto": origin + "/connect"],
            ["check_labels": true],
            ["fill": "#f-account", "value": "myorg-my_account"],
            ["fill": "#f-user", "value": "jane.doe"],
            ["fill": "#f-warehouse", "value": "WH"],
            ["fill": "#f-role", "value": "ANALYST"],
            ["upload": "#f-key", "file": fake.keyPath],
            ["click": "form[action='/connect'] button[type=submit]", "navigates": true],
            ["expect_text": "Connected: connected to http://127.0.0.1"],
            ["check_labels": true],
            ["screenshot": shots.appendingPathComponent("1b-connect.png").path],
            ["goto": origin + "/benchmarks"],
            ["expect_text": "Plan and run a benchmark"],
            ["check_labels": true],
            ["screenshot": shots.appendingPathComponent("1c-benchmarks.png").path],
            // Data from Snowflake: first a form without a table or query (an error, said in words), then the table.
            ["goto": origin + "/data"],
            ["click": "form:has(input[name=source][value=snowflake]) button[type=submit]", "navigates": true, "expect_status": 400],
            ["expect_text": "give either a table or a SQL query"],
            ["check_labels": true],
            ["screenshot": shots.appendingPathComponent("1d-data-error.png").path],
            ["fill": "#f-table", "value": "ANALYTICS.MMM.DEMO"],
            ["upload": "#f-key", "file": fake.keyPath],
            ["click": "form:has(input[name=source][value=snowflake]) button[type=submit]", "navigates": true],
            ["expect_text": "Snowflake table ANALYTICS.MMM.DEMO: 208 rows"],
            ["screenshot": shots.appendingPathComponent("1e-snowflake-map.png").path],
            ["goto": origin + "/data"],
            ["upload": "#f-data", "file": ServeFixture.path("Examples/data/dt_simulated_weekly.csv")],
            ["click": "form[action='/data'] button[type=submit]", "navigates": true],
            ["expect_text": "Map the columns"],
            ["expect_text": "208 rows"],
            // The guessed roles, then one corrected by hand: the newsletter is organic media.
            ["eval": "document.querySelector(\"select[name='role.facebook_I']\").value", "save_as": "facebookRole"],
            ["fill": "#f-country", "value": "de"],
            ["select": "select[name='role.newsletter']", "value": "organic"],
            ["screenshot": shots.appendingPathComponent("2-map.png").path],
            ["click": "form[action^='/data/'] button[type=submit]", "navigates": true],
            ["expect_url": "/run?dataset="],
            // The run form with the keyboard only: Tab to a field (its text is selected), type, Tab on, Enter.
            // First a training share the contracts refuse: the message is said in words and tied to the field.
            ["tab_until": "#f-train_size"],
            ["type": "7"],
            ["tab_until": "form[action='/run'] button[type=submit]"],
            ["key": "Enter", "navigates": true, "expect_status": 400],
            ["expect_text": "train_size"],
            ["check_labels": true],
            ["eval": "document.activeElement.id", "save_as": "focusAfterError"],
            ["screenshot": shots.appendingPathComponent("3a-run-error.png").path],
            ["tab_until": "#f-iterations"],
            ["type": "40"],
            ["tab_until": "#f-trials"],
            ["type": "2"],
            ["tab_until": "#f-train_size"],
            ["type": "0.7"],
            ["eval": "['iterations', 'trials', 'train_size'].map((n) => document.getElementById('f-' + n).value)", "save_as": "typedRunValues"],
            ["eval": "[...document.querySelectorAll('#f-backend option')].map((o) => o.value + (o.selected ? '*' : ''))", "save_as": "backendOptions"],
            ["screenshot": shots.appendingPathComponent("3-run.png").path],
            ["tab_until": "form[action='/run'] button[type=submit]"],
            ["key": "Space", "navigates": true],
            ["expect_url": "/runs/"],
            ["eval": "location.pathname", "save_as": "runPath"],
            // Live progress over SSE; the page reloads itself when the run ends.
            [
                "wait_until": "document.readyState === 'complete' && (document.querySelector('iframe.report') || "
                    + "(\(terminal) && !document.querySelector('[data-events]')))",
                "timeout": 400,
            ],
            ["eval": "document.querySelector('[data-run-state]').textContent", "save_as": "runState"],
            ["expect_text": "SUCCEEDED"],
            ["check_labels": true],
            // The allocation form from the keyboard: type a budget, press Enter.
            ["focus": "#f-amount"],
            ["type": "2000000"],
            ["key": "Enter"],
            ["wait_for": "#allocation-out table", "timeout": 60],
            ["eval": "document.querySelectorAll('#allocation-out tbody tr').length", "save_as": "allocationRows"],
            ["wait_until": "performance.getEntriesByName(document.querySelector('iframe.report').src).length > 0"],
            // The report's sandboxed iframe paints in its own process, only where it is in the viewport.
            ["eval": "window.scrollTo(0, 0)"],
            ["pause": 1],
            ["screenshot": shots.appendingPathComponent("4-result.png").path],
            ["eval": "document.querySelector('iframe.report').src", "save_as": "report"],
            ["click": "a[href$='/artifacts/report.html']", "navigates": true],
            ["expect_text": "Pareto front"],
            ["check_charts": true],
            ["screenshot": shots.appendingPathComponent("5-report.png").path],
            ["goto": origin + "/runs"],
            ["expect_text": "SUCCEEDED"],
            ["check_labels": true],
            ["screenshot": shots.appendingPathComponent("6-runs.png").path],
        ]
        let flow = shots.appendingPathComponent("flow.json")
        try JSONSerialization.data(withJSONObject: ["origin": origin, "steps": steps]).write(to: flow)

        let output = try await ProcessRunner.runOffPool(
            "/usr/bin/env", [Self.python, ServeFixture.path("scripts/browser-flow.py"), flow.path, "--timeout", "480"])
        if output.code == 127 || output.code == 3 {
            FileHandle.standardError.write(Data("SKIPPED: the browser flow: \(output.code == 3 ? "chromium not found (apt-get install chromium)" : "python3 not found")\n".utf8))
            return
        }
        FileHandle.standardError.write(Data("browser flow screenshots: \(shots.path)\n".utf8))
        let report = try JSONDecoder().decode(FlowReport.self, from: output.stdoutData)
        #expect(output.code == 0, "browser-flow exited \(output.code): \(report.problems) \(output.stderr.suffix(600))")
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.steps == steps.count)
        #expect(report.values?.facebookRole == "media")  // guessed from the name: facebook_I shares facebook_S's prefix
        #expect(report.values?.runState == "SUCCEEDED")
        #expect(report.values?.typedRunValues == ["40", "2", "0.7"])
        #expect(report.values?.backendOptions == ["native*", "bayes"])  // the training backend, native unless chosen
        #expect(report.values?.focusAfterError == "form-error")  // a form shown again starts at its error
        // Pages with coloured states or messages were checked (Connect's outcome, Data's and Run's errors, the run's
        // state, the runs list), and none relied on colour alone.
        let labels = report.values?.labels ?? []
        #expect(labels.count == 7)
        #expect(labels.allSatisfy { $0.problems.isEmpty })
        for path in ["/connect", "/data", "/run", "/runs"] {
            #expect(labels.contains { $0.url == path && $0.checked > 0 }, "\(path): \(labels.map { ($0.url, $0.checked) })")
        }
        #expect(report.values?.allocationRows == 5)
        let charts = try #require(report.values?.charts?.first)
        #expect(charts.problems.isEmpty)
        // The report's charts: the Pareto front, the model's one-pager panels and the allocation, all drawn.
        #expect(charts.images.filter { $0.kind == "svg" && $0.width > 100 && $0.height > 100 }.count >= 8)

        // What the forms saved: the mapping (with the hand-corrected role) became the run's config.
        let runId = try #require(report.values?.runPath.flatMap { URL(string: $0) }?.lastPathComponent)
        let config = try JSONSerialization.jsonObject(
            with: Data(contentsOf: fixture.store.appendingPathComponent(runId).appendingPathComponent("job_config.json")))
        let object = try #require(config as? [String: Any])
        #expect(object["organic_vars"] as? [String] == ["newsletter"])
        let paid = object["paid_media"] as? [[String: String]] ?? []
        #expect(paid.map { $0["spend"] ?? "" } == ["tv_S", "ooh_S", "print_S", "search_S", "facebook_S"])
        #expect(paid.first { $0["spend"] == "search_S" }?["var"] == "search_clicks_P")
        #expect(object["iterations"] as? Int == 40)
    }

    /// The project's venv python when there is one (CI's .venv), else python3 (the script needs only the standard library).
    static var python: String {
        let venv = ServeFixture.path(".venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }
}
