import Foundation
import MMMTestSupport
import Testing

/// `mmm-cli report RUN_DIR`, and the report `train` writes unless `--no-report`.
@Suite struct ReportCommandTests {
    static let demoData = CLI.path("Examples/data/dt_simulated_weekly.csv")
    static let demoConfig = CLI.path("Examples/configs/demo_job_config.json")

    private func train(_ extra: [String], in dir: URL) throws -> ProcessOutput {
        try CLI.run(
            ["train", "--data", Self.demoData, "--config", Self.demoConfig, "--output", dir.path, "--trials", "1"] + extra)
    }

    @Test func trainWritesTheReportAndReportRebuildsItFromTheFolder() throws {
        let dir = try scratchDirectory()
        // Weibull adstock: the one-pager draws lag weights instead of a geometric decay.
        let trained = try train(["--iterations", "40", "--adstock", "weibull_pdf", "--run-id", "w"], in: dir)
        #expect(trained.code == 0, "\(trained.stderr)")
        let run = dir.appendingPathComponent("w")
        let page = run.appendingPathComponent("report.html").path
        #expect(trained.stdout.contains("report: \(page)"))
        let first = try String(contentsOfFile: page, encoding: .utf8)
        #expect(first.contains("Adstock weights (weibull_pdf)") && first.contains("shape "))
        let files = try FileManager.default.contentsOfDirectory(atPath: run.path)
        #expect(files.contains("pareto_front.svg") && files.contains { $0.hasPrefix("onepager_") && $0.hasSuffix(".svg") })
        // train allocates before the report, so the report shows the allocation.
        #expect(files.contains("allocation.svg") && first.contains("Why each channel ended where it did"))

        let rebuilt = try CLI.run(["report", run.path, "--json", "--best-only"])
        #expect(rebuilt.code == 0, "\(rebuilt.stderr)")
        let out = try jsonObject(rebuilt.stdout)
        #expect(out["report"] as? String == page)
        let written = try #require(out["files"] as? [String])
        #expect(written.first == "pareto_front.svg" && written.last == "report.html")
        #expect(written.filter { $0.hasPrefix("onepager_") }.count == 1)
        let second = try String(contentsOfFile: page, encoding: .utf8)
        #expect(second.contains("<dt>State</dt><dd>SUCCEEDED</dd>"))
        // Sizes are read from the folder, so the list shows them.
        #expect(second.contains("<a href=\"pareto_hyperparameters.csv\">pareto_hyperparameters.csv</a> ("))
    }

    @Test func noReportSkipsIt() throws {
        let dir = try scratchDirectory()
        let r = try train(["--iterations", "20", "--run-id", "n", "--no-report"], in: dir)
        #expect(r.code == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("n").path)
        #expect(!files.contains("report.html") && !files.contains { $0.hasSuffix(".svg") })
        #expect(!r.stdout.contains("report:"))
        let asked = try CLI.run(["report", dir.appendingPathComponent("n").path, "--model", "9_9_9"])
        #expect(asked.code == 2)
        #expect(asked.stderr.contains("model '9_9_9' is not among the Pareto models of run n"), "\(asked.stderr)")
    }

    @Test func aFolderThatIsNotARunIsAUsageError() throws {
        let dir = try scratchDirectory()
        let missing = try CLI.run(["report", dir.appendingPathComponent("nope").path])
        #expect(missing.code == 2 && missing.stderr.contains("is not a folder"))
        let empty = try CLI.run(["report", dir.path])
        #expect(empty.code == 2 && empty.stderr.contains("is not a run folder (no status.json or model_summary.json)"))
    }
}
