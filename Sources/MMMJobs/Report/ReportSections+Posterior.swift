import Foundation
import MMMCharts
import MMMCore

/// The posterior section of a Bayesian run: ROI and effect-share intervals per paid channel, and the verdict.
extension ReportBuilder {
    func posteriorSection(_ posterior: PosteriorView) -> HTMLSection {
        let conversion = run.summary?.config.depVarType == .conversion
        func range(_ i: PosteriorView.Interval?, percent: Bool = false) -> String {
            guard let i else { return ReportFormat.missing }
            let format = { (v: Double?) in percent ? ReportFormat.percent(v) : ReportFormat.number(v, digits: 2) }
            return "\(format(i.mean)) [\(format(i.q05)), \(format(i.q95))]"
        }
        let table = HTMLTable(
            caption: "Posterior of each paid channel: mean and 90 % interval [5 %, 95 % quantiles]",
            columns: [
                .init("Channel"), .init("ROI" + (conversion ? " (CPA = 1 / ROI)" : ""), alignment: .right),
                .init("Effect share", alignment: .right), .init("R-hat (ROI)", alignment: .right),
                .init("Bulk ESS (ROI)", alignment: .right),
            ],
            rows: posterior.channels.map { c in
                [
                    c.name, range(c.roi), range(c.share, percent: true), ReportFormat.number(c.roi.rHat, digits: 3),
                    c.roi.essBulk.map { ReportFormat.count(Int($0.rounded())) } ?? ReportFormat.missing,
                ]
            })
        var blocks: [HTMLBlock] = [
            .paragraph([
                .text(
                    "The best model of a Bayesian run is its posterior-mean model: the tables and charts above show posterior means. "
                        + "How sure the model is shows in the intervals: a channel whose interval is wide is not identified by the data, "
                        + "and its mean should not drive a budget decision alone (docs/bayes.md)."),
            ]),
        ]
        if let status = posterior.verdictStatus {
            let text = ([Self.headline(status, method: posterior.method)] + posterior.verdictFindings).joined(separator: " ")
            blocks.append(.note(lead: "Verdict", text: [.text(text)]))
        }
        blocks.append(.table(table))
        blocks.append(.paragraph([
            .text("Every quantity (adstock, Hill, coefficients, controls, noise) with its diagnostics: "),
            .link(text: "posterior.csv", href: "posterior.csv"), .text("; the draws: "),
            .link(text: "draws.parquet", href: "draws.parquet"), .text("."),
        ]))
        return HTMLSection(title: "Posterior", id: "posterior", blocks: blocks)
    }

    private static func headline(_ status: String, method: String?) -> String {
        switch status {
        case "ok": return "Converged: every R-hat below 1.01, enough effective draws, no divergent transitions."
        case "warning": return "Converged, with an efficiency warning."
        case "failed": return "NOT converged: do not trust the intervals."
        case "approximate": return "Approximate (\(method == "map" ? "MAP + Laplace" : method ?? "")): no convergence diagnostics."
        default: return status
        }
    }
}
