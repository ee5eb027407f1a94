import Foundation
import MMMCharts
import MMMCore

/// The Pareto front and the best model's one-pager.
extension ReportBuilder {
    func paretoSection(_ front: ParetoFront?) -> HTMLSection {
        guard let front else {
            return HTMLSection(title: "Pareto front", id: "pareto", blocks: [
                .note(lead: "Note", text: [.text("No trained models in this run.")]),
            ])
        }
        let winners = front.winners
        let table = HTMLTable(
            caption: "Cluster winners (the chosen model in bold, first)",
            columns: [
                .init("Model"), .init("Cluster", alignment: .right), .init("NRMSE", alignment: .right),
                .init("DECOMP.RSSD", alignment: .right), .init("R² test", alignment: .right),
                .init("Training share", alignment: .right),
            ],
            rows: winners.map { w in
                let m = w.metrics
                return [
                    m.modelId + (m.modelId == front.bestModelId ? " (best)" : ""), m.cluster.map(String.init) ?? ReportFormat.missing,
                    ReportFormat.number(m.nrmse, digits: 4), ReportFormat.number(m.decompRssd, digits: 4),
                    ReportFormat.number(m.rsqTest, digits: 4), ReportFormat.percent(m.trainSize),
                ]
            },
            emphasizedRows: Set(winners.indices.filter { winners[$0].metrics.modelId == front.bestModelId }))
        return HTMLSection(title: "Pareto front", id: "pareto", blocks: [
            .figure(front.chart().render(), caption: ParetoFront.caption),
            .table(table),
            .paragraph([.text("Also as a standalone picture: "), .link(text: ReportFiles.paretoFront, href: ReportFiles.paretoFront), .text(".")]),
        ])
    }

    func modelSection(_ view: ModelView?, bestId: String?) -> HTMLSection {
        let title = "Best model" + (bestId.map { " \($0)" } ?? "")
        guard let view else {
            return HTMLSection(title: title, id: "best-model", blocks: [
                .note(lead: "Note", text: [.text(bestId == nil ? "No trained model in this run." : "The best model is not in the run's Pareto tables.")]),
            ])
        }
        var blocks: [HTMLBlock] = [.paragraph([.text(OnePager.headline(view.metrics))]), .figureGrid(OnePager(view).figures())]
        for gap in view.gaps { blocks.append(.note(lead: "Not shown", text: [.text(gap)])) }
        blocks.append(.table(decompositionTable(view)))
        let file = ReportFiles.onePager(view.modelId)
        blocks.append(.paragraph([.text("The same page as one picture: "), .link(text: file, href: file), .text(".")]))
        return HTMLSection(title: title, id: "best-model", blocks: blocks)
    }

    private func decompositionTable(_ view: ModelView) -> HTMLTable {
        HTMLTable(
            caption: "Decomposition over the window (paid media: spend and effect shares among paid channels)",
            columns: [
                .init("Variable"), .init("Role"), .init("Total effect", alignment: .right),
                .init("Share of prediction", alignment: .right), .init("Spend share", alignment: .right),
                .init("Effect share", alignment: .right), .init(view.efficiencyName, alignment: .right),
            ],
            rows: view.contributions.map { c in
                let paid = c.role == .paidMedia
                return [
                    c.variable, c.role.rawValue.replacingOccurrences(of: "_", with: " "), ReportFormat.amount(c.totalEffect),
                    ReportFormat.percent(c.effectPercent), paid ? ReportFormat.percent(c.spendShare) : "",
                    paid ? ReportFormat.percent(c.effectShare) : "", paid ? ReportFormat.number(c.efficiency, digits: 2) : "",
                ]
            })
    }
}
