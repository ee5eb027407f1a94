import ArgumentParser
import Foundation
import MMMCore
import MMMJobs

/// `mmm-cli report RUN_DIR`: the HTML report and SVG pictures of a finished run, from its folder alone.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write report.html (one self-contained file) and SVG pictures into a run folder.",
        discussion: """
            The report holds the run summary, the data preparation steps, the Pareto front, the best model's \
            one-pager, the allocation and the list of files; it needs no network and no scripts, and prints on A4. \
            Pictures: pareto_front.svg and onepager_<model>.svg for the best model and each cluster winner. \
            train writes the report by default (--no-report to skip). See docs/report.md.
            Example: mmm-cli report runs/20261122T031815Z
            """
    )

    @Argument(help: "The run folder (as train wrote it).")
    var runDir: String

    @Option(name: .customLong("model"), help: "Also draw a one-pager for this Pareto model (solID); repeatable.")
    var models: [String] = []

    @Flag(help: "Draw one-pagers for the best model only, not for every cluster winner.")
    var bestOnly = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        guard !runDir.hasPrefix("gs://") else { throw UsageError("gs:// run folders need the Google Cloud client (not available yet)") }
        let url = URL(fileURLWithPath: runDir).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError("\(runDir) is not a folder; pass a run folder written by 'mmm-cli train'")
        }
        let folder = LocalRunFolder(directory: url, runId: url.lastPathComponent)
        let names = try await folder.fileNames()
        guard names.contains("status.json") || names.contains("model_summary.json") else {
            throw UsageError("\(runDir) is not a run folder (no status.json or model_summary.json)")
        }
        let written = try await RunReport.write(
            in: folder, options: RunReport.Options(models: models, clusterWinners: !bestOnly))
        let report = url.appendingPathComponent("report.html").path
        if console.json {
            try console.resultJSON(ReportResultJSON(report: report, files: written))
        } else {
            console.result("report: \(report)\npictures: \(written.filter { $0.hasSuffix(".svg") }.joined(separator: ", "))")
        }
    }
}

/// `report --json` output.
struct ReportResultJSON: Encodable {
    /// Path of report.html.
    var report: String
    /// Files written into the run folder.
    var files: [String]
}
