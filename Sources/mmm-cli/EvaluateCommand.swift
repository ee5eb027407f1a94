import ArgumentParser
import Foundation
import MMMCore
import MMMJobs

/// `mmm-cli evaluate`: how close a run came to a simulation's truth.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Compare a run's chosen model with a simulation's truth.json and write recovery.json into the run.",
        discussion: """
            Per paid channel: true and modelled ROI and effect share and their errors (model − truth), the correlation \
            of the modelled and true contribution over time; overall: the mean absolute ROI error over all, the main \
            (spend share ≥ --main-share) and the calibrated and uncalibrated channels, and the placebo's effect share. \
            See docs/simulation.md.
            Example: mmm-cli evaluate --run runs/20261122T031815Z --truth sim/truth.json
            """
    )

    @Option(help: "The run folder (with model_summary.json and pareto_alldecomp_matrix.csv).")
    var run: String

    @Option(help: "The simulation's truth.json.")
    var truth: String

    @Option(parsing: .unconditional, help: "Spend share from which a paid channel counts as main (default 0.03).", transform: FlagValues.nonNegative)
    var mainShare: Double?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let console = global.console
        let truth = try StrictJSON.decode(Truth.self, path: self.truth)
        let report = try RecoveryEvaluation.evaluate(
            runFolder: run, truth: truth, mainShare: mainShare ?? RecoveryEvaluation.defaultMainShare)
        let path = URL(fileURLWithPath: run).appendingPathComponent("recovery.json").path
        try AtomicFile.write(try StrictJSON.encode(report), to: path)
        if console.json {
            try console.resultJSON(report)
        } else {
            console.result(Self.text(report, path: path))
        }
    }

    static func text(_ report: RecoveryReport, path: String) -> String {
        func f(_ v: Double?, _ digits: Int = 3) -> String { v.map { String(format: "%.\(digits)f", $0) } ?? "–" }
        let paid = report.channels.filter { $0.spendColumn != nil }
        let width = max(8, paid.map(\.variable.count).max() ?? 8)
        var lines = [
            "model \(report.modelId) of run \(report.runId)",
            "  " + "channel".padding(toLength: width, withPad: " ", startingAt: 0)
                + "  ROI true  ROI model  error    share true  share model  corr",
        ]
        for c in paid {
            let tags = [c.placebo ? "placebo" : nil, c.calibrated ? "calibrated" : nil, c.main ? nil : "minor"].compactMap { $0 }
            lines.append(
                "  " + c.variable.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + f(c.roiTrue).padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
                    + f(c.roiModel).padding(toLength: 9, withPad: " ", startingAt: 0) + "  "
                    + f(c.roiError).padding(toLength: 7, withPad: " ", startingAt: 0) + "  "
                    + f(c.effectShareTrue).padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                    + f(c.effectShareModel).padding(toLength: 11, withPad: " ", startingAt: 0) + "  "
                    + f(c.contributionCorrelation, 2) + (tags.isEmpty ? "" : "  (" + tags.joined(separator: ", ") + ")"))
        }
        lines.append("")
        lines.append(
            "ROI MAE: all \(f(report.roiMAE)), main \(f(report.roiMAEMain))"
                + (report.roiMAECalibrated == nil && report.roiMAEUncalibrated == nil
                    ? "" : ", calibrated \(f(report.roiMAECalibrated)), uncalibrated \(f(report.roiMAEUncalibrated))")
                + "; effect share MAE \(f(report.effectShareMAE))"
                + (report.placeboShare.map { "; placebo share \(f($0))" } ?? ""))
        lines.append("wrote \(path)")
        return lines.joined(separator: "\n")
    }
}
