import Foundation
import MMMCharts
import MMMCore

/// The HTML report of a benchmark analysis.
struct BenchmarkReportPage {
    let analysis: BenchmarkAnalysis
    let figures: [HTMLBlock]

    func render() -> String {
        let plan = analysis.plan
        let (rows, baseline) = AnalysisRow.rows(analysis.results)
        let trained = rows.filter(\.hasModel)
        var sections = [
            HTMLSection(
                title: "Recommendations",
                blocks: [
                    .facts([
                        HTMLFact("Benchmark", plan.benchmarkId), HTMLFact("Variants", "\(rows.count) (\(trained.count) with a model)"),
                        HTMLFact(
                            "Counts",
                            rows.contains { $0.verdict != nil }
                                ? "Bayesian posteriors (\(plan.mode.rawValue); iterations and trials unused)"
                                : "\(plan.iterations) iterations × \(plan.trials) trials (\(plan.mode.rawValue))"),
                        HTMLFact("Base", plan.base),
                    ]),
                    .note(lead: "Fit", text: [.text(analysis.fit.reason)]),
                    .note(lead: "Allocation", text: [.text(analysis.allocation.reason)]),
                    .text(
                        rows.contains { $0.verdict != nil }
                            ? "Fit is judged on the training NRMSE (a Bayesian fit uses the whole window, so there is no validation split); allocation on the width of the 90% ROI intervals among converged variants that fit almost as well as the best."
                            : "Fit is judged on the validation NRMSE with a small validation/test gap; allocation on DECOMP.RSSD (how far effect shares stray from spend shares) among variants that fit almost as well as the best."),
                ]),
            HTMLSection(title: "Results", blocks: [.table(table(rows, baseline: baseline))]),
            HTMLSection(title: "Plots", blocks: figures),
        ]
        let stability = analysis.stability
        if !stability.isEmpty { sections.append(HTMLSection(title: "Seed stability", blocks: stabilityBlocks(stability))) }
        let linked = rows.filter { !($0.cells["same_as"] ?? "").isEmpty }
        if !linked.isEmpty {
            sections.append(
                HTMLSection(
                    title: "Variants trained once",
                    blocks: [
                        .text("These variants train exactly what another variant trains, so they were trained once and show that variant's model."),
                        .list(linked.map { [.code($0.id), .text(" \($0.name) = "), .code($0.cells["same_as"] ?? "")] }),
                    ]))
        }
        return HTMLPage(
            title: "Benchmark \(plan.name)", subtitle: plan.description.isEmpty ? nil : plan.description, sections: sections,
            footer: "mmm-trainer \(MMMVersion.current) · results.csv and the SVG plots are next to this file").render()
    }

    private func table(_ rows: [AnalysisRow], baseline: AnalysisRow?) -> HTMLTable {
        let columns = ["variant", "id", "adstock", "train_size", "resample", "mapping", "seed", "R² val", "NRMSE val", "NRMSE test", "DECOMP.RSSD", "lift vs baseline", "state"]
        let base = baseline?.fitError
        func f(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "–" }
        var body = rows.map { r -> [String] in
            let lift = base.flatMap { b in r.fitError.map { String(format: "%+.0f%%", (1 - $0 / b) * 100) } } ?? "–"
            return [
                r.name, r.id, r.cells["adstock"] ?? "", r.cells["train_size"] ?? "", r.cells["resample_freq"] ?? "",
                r.cells["spend_var_mapping"] ?? "", r.cells["seed"] ?? "", f(r.number("rsq_val")), f(r.number("nrmse_val")),
                f(r.number("nrmse_test")), f(r.number("decomp_rssd")), lift,
                (r.cells["state"] ?? "") + ((r.cells["same_as"] ?? "").isEmpty ? "" : " (same_as \(r.cells["same_as"] ?? ""))"),
            ]
        }
        var emphasized: Set<Int> = []
        for id in [analysis.fit.variantId, analysis.allocation.variantId].compactMap({ $0 }) {
            if let i = rows.firstIndex(where: { $0.id == id }) { emphasized.insert(i) }
        }
        if let b = baseline {
            body.append([
                "naive baseline (no media)", b.id, "", b.cells["train_size"] ?? "", b.cells["resample_freq"] ?? "", "", "",
                f(b.number("rsq_val")), f(b.number("nrmse_val")), f(b.number("nrmse_test")), "–", "0%", "BASELINE",
            ])
        }
        return HTMLTable(
            caption: "One row per variant (recommended variants in bold); lift = how much lower the fit error is than the naive baseline's",
            columns: columns.enumerated().map { i, c in HTMLTable.Column(c, alignment: (7...11).contains(i) ? .right : .left) },
            rows: body, emphasizedRows: emphasized)
    }

    private func stabilityBlocks(_ groups: [SeedStability]) -> [HTMLBlock] {
        var blocks: [HTMLBlock] = [
            .text("Each group below changes only the seed. A small spread of ROI across seeds and a rank agreement near 1 mean the channel conclusions do not depend on the random search."),
        ]
        for g in groups {
            var summary = "\(g.seeds.count) seeds (\(g.seeds.joined(separator: ", "))). "
            if let r = g.rankAgreement { summary += String(format: "Rank agreement (mean Spearman over seed pairs): %.2f. ", r) }
            if let top = g.topChannel { summary += "Top channel \(top.name) in \(top.seeds) of \(g.seeds.count) seeds." }
            blocks.append(.heading(g.group))
            blocks.append(.text(summary))
            blocks.append(
                .table(
                    HTMLTable(
                        columns: ["channel", "mean", "sd", "min", "max", "CV"].enumerated().map { i, c in .init(c, alignment: i == 0 ? .left : .right) },
                        rows: g.channels.map { c in
                            [c.column, String(format: "%.3f", c.mean), String(format: "%.3f", c.standardDeviation), String(format: "%.3f", c.min),
                             String(format: "%.3f", c.max), c.coefficientOfVariation.map { String(format: "%.2f", $0) } ?? "–"]
                        })))
        }
        return blocks
    }
}
