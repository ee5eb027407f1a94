import ArgumentParser
import Foundation
import MMMCore
import MMMJobs

/// `mmm-cli runs show`.
struct RunsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Everything about one run: state, timings, inputs and digests, the best model's metrics, files.",
        discussion: """
            RUN is a run folder (runs/20261122T031815Z, gs://bucket/robyn/default/de/0122_113141), or a run id \
            below --root (default ./runs).
            """
    )

    @Argument(help: "The run folder, or its id below --root.")
    var run: String
    @Option(help: "Folder or gs:// prefix the run id is below.")
    var root: String?
    @OptionGroup var google: GoogleOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let details = try await RunsCommand.details(run, root: root, console: console, google: google)
        if console.json {
            try console.resultJSON(details)
        } else {
            console.result(RunsText.details(details))
        }
    }
}

/// `mmm-cli runs compare`.
struct RunsCompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two runs: configuration differences, metric differences, and whether the input data was the same.",
        discussion: "Example: mmm-cli runs compare runs/baseline runs/weibull"
    )

    @Argument(help: "Run A (folder, or id below --root).")
    var runA: String
    @Argument(help: "Run B (folder, or id below --root).")
    var runB: String
    @Option(help: "Folder or gs:// prefix the run ids are below.")
    var root: String?
    @OptionGroup var google: GoogleOptions
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let a = try await RunsCommand.details(runA, root: root, console: console, google: google)
        let b = try await RunsCommand.details(runB, root: root, console: console, google: google)
        let comparison = RunComparison(a, b)
        if console.json {
            try console.resultJSON(comparison)
        } else {
            console.result(RunsText.comparison(comparison))
        }
    }
}
