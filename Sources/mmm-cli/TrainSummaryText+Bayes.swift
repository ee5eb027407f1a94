import Foundation
import MMMBayes
import MMMCore
import MMMJobs

/// The lines `train --backend bayes` prints instead of the Pareto summary: the fit, the verdict and each paid
/// channel's ROI (or CPA) with its 90 % interval.
extension TrainSummaryText {
    static func bayes(_ model: BayesTrainedModel, summary: ModelSummary) -> [String] {
        let fit = model.fit
        func f(_ v: Double?, _ digits: Int = 3) -> String { v.map { $0.isFinite ? String(format: "%.\(digits)f", $0) : "–" } ?? "–" }
        let b = summary.bestModel
        var lines = [
            "posterior-mean model \(b.modelId) (\(fit.method == "nuts" ? "NUTS \(model.settings.chains) × \(model.settings.draws) draws" : "MAP + Laplace, approximate"))",
            "  verdict: " + fit.verdict.line,
            "  R² \(f(b.rsqTrain, 4))  NRMSE \(f(b.nrmseTrain, 4))  DECOMP.RSSD \(f(b.decompRssd, 4))",
            "",
        ]
        let paid = summary.decomposition.filter { $0.role == .paidMedia }
        let conversion = summary.config.depVarType == .conversion
        let width = max(8, paid.map(\.variable.count).max() ?? 8)
        lines.append(
            "  " + "channel".padding(toLength: width, withPad: " ", startingAt: 0) + "  spend share  effect share  "
                + (conversion ? "CPA" : "ROI") + " [90 % interval]")
        for c in paid {
            let roi = fit.summary("roi", owner: c.variable)
            let interval = conversion ? roi.map { "[\(f(1 / $0.q95)), \(f(1 / $0.q05))]" } : roi.map { "[\(f($0.q05)), \(f($0.q95))]" }
            lines.append(
                "  " + c.variable.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + f(c.spendShare).padding(toLength: 11, withPad: " ", startingAt: 0) + "  "
                    + f(c.effectShare).padding(toLength: 12, withPad: " ", startingAt: 0) + "  "
                    + f(conversion ? c.cpa : c.roi) + " " + (interval ?? ""))
        }
        return lines
    }
}
