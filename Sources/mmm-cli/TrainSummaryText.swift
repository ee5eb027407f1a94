import Foundation
import MMMCore
import MMMEngine
import MMMJobs

/// The one-screen summary printed after `train`.
enum TrainSummaryText {
    static func render(_ outcome: TrainingOutcome) -> String {
        guard let summary = outcome.summary else {
            return "SKIPPED: \(outcome.skipReason ?? "no reason given")\nrun folder: \(outcome.location)"
        }
        let b = summary.bestModel
        func f(_ v: Double?, _ digits: Int = 4) -> String { v.map { String(format: "%.\(digits)f", $0) } ?? "–" }
        if let bayes = outcome.trained as? BayesTrainedModel { return render(outcome, summary: summary, head: Self.bayes(bayes, summary: summary)) }
        var lines = [
            "best model \(b.modelId) of \(summary.candidateCount) candidates (\(summary.paretoModelCount) on Pareto fronts)",
            "  NRMSE   train \(f(b.nrmseTrain))  val \(f(b.nrmseVal))  test \(f(b.nrmseTest))",
            "  R²      train \(f(b.rsqTrain))  val \(f(b.rsqVal))  test \(f(b.rsqTest))",
            "  DECOMP.RSSD \(f(b.decompRssd))   train_size \(f(b.trainSize, 3))",
        ]
        if let calibration = summary.calibration {
            lines.append(
                "  MAPE.LIFT \(f(calibration.mape)) over \(calibration.studies.count) lift studies (\(calibration.formula.rawValue) formula, \(calibration.selection.rawValue) rule; calibration.csv)")
        }
        lines.append("")
        let paid = summary.decomposition.filter { $0.role == .paidMedia }
        let conversion = summary.config.depVarType == .conversion
        let width = max(8, paid.map(\.variable.count).max() ?? 8)
        lines.append(
            "  " + "channel".padding(toLength: width, withPad: " ", startingAt: 0) + "  spend share  effect share  "
                + (conversion ? "CPA" : "ROI"))
        for c in paid {
            lines.append(
                "  " + c.variable.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + f(c.spendShare, 3).padding(toLength: 11, withPad: " ", startingAt: 0) + "  "
                    + f(c.effectShare, 3).padding(toLength: 12, withPad: " ", startingAt: 0) + "  "
                    + f(conversion ? c.cpa : c.roi, 3))
        }
        return render(outcome, summary: summary, head: lines)
    }

    /// The head lines, then the allocation and where the files are.
    private static func render(_ outcome: TrainingOutcome, summary: ModelSummary, head: [String]) -> String {
        var lines = head
        let width = max(8, summary.decomposition.filter { $0.role == .paidMedia }.map(\.variable.count).max() ?? 8)
        if let allocation = summary.allocation {
            let a = AllocationWords.amount
            lines.append("")
            lines.append(
                "allocation \(allocation.dateStart) … \(allocation.dateEnd): spend \(a(allocation.initialSpend)) → \(a(allocation.optimalSpend)), "
                    + "response \(a(allocation.initialResponse)) → \(a(allocation.optimalResponse))"
                    + (allocation.responseLift.map { " (\(AllocationWords.percent($0)))" } ?? "")
                    + (allocation.feasible ? "" : " — the budget does not fit the bounds (see the warning)"))
            for c in allocation.channels {
                lines.append(
                    "  " + c.channel.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                        + a(c.initialSpend) + " → " + a(c.optimalSpend) + "  (" + c.status.rawValue + ")")
            }
        }
        lines.append("")
        lines.append("run folder: \(outcome.location)")
        if outcome.diagnostics.contains(where: { $0.code == "report_written" }) { lines.append("report: \(outcome.location)/report.html") }
        return lines.joined(separator: "\n")
    }
}

/// `train --json` output.
struct TrainResultJSON: Encodable {
    var runId: String
    var location: String
    var state: String
    var skipReason: String?
    var summary: ModelSummary?
    var diagnostics: [Diagnostic]

    init(_ outcome: TrainingOutcome) {
        runId = outcome.runId
        location = outcome.location
        state = outcome.state.rawValue
        skipReason = outcome.skipReason
        summary = outcome.summary
        diagnostics = outcome.diagnostics
    }

    enum CodingKeys: String, CodingKey {
        case runId = "run_id"
        case location, state
        case skipReason = "skip_reason"
        case summary, diagnostics
    }
}
