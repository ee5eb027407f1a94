import Foundation
import MMMCharts
import MMMCore

/// The allocation section: what the allocator recommends for the best model and why each channel ended where it did.
extension ReportBuilder {
    func allocationSection(_ view: AllocationView?) -> HTMLSection {
        let title = "Budget allocation"
        guard let view else {
            let text = run.allocationError.map { "The allocation failed: \($0)" } ?? "No allocation in this run."
            return HTMLSection(title: title, id: "allocation", blocks: [.note(lead: "Note", text: [.text(text)])])
        }
        let a = view.allocation
        let b = a.bounded
        let efficiency = a.depVarType == .conversion ? "CPA" : "ROAS"
        let scenario = a.scenario == .maxResponse
            ? "the most response for the budget"
            : "the most spend that keeps a \(efficiency) of \(ReportFormat.number(a.target, digits: 2))"
        var facts = [
            HTMLFact("Model", a.modelId),
            HTMLFact("Goal", scenario),
            HTMLFact("Budget", "\(ReportFormat.amount(b.budgetTotal)) (\(a.budgetSource))"),
            HTMLFact("Date range", view.range),
            HTMLFact("Spend", "\(ReportFormat.amount(b.initialSpendTotal)) → \(ReportFormat.amount(b.optimalSpendTotal))"),
            HTMLFact("Response", "\(ReportFormat.amount(b.initialResponseTotal)) → \(ReportFormat.amount(b.optimalResponseTotal))"),
            HTMLFact("Response lift", b.responseLift.map { ReportFormat.signedPercent($0) } ?? ReportFormat.missing),
            HTMLFact("Within the bounds", b.feasible ? "yes" : "no: see the warnings"),
        ]
        if let marginal = b.marginalResponse {
            facts.append(HTMLFact("Marginal response", "\(ReportFormat.number(marginal, digits: 3)) per extra unit of spend"))
        }
        var blocks: [HTMLBlock] = [.facts(facts)]
        for d in a.diagnostics where d.severity != .info {
            blocks.append(.note(lead: d.severity == .warning ? "Warning" : "Note", text: [.text(d.message)]))
        }
        blocks.append(.figureGrid(view.figures()))
        blocks.append(.table(channelTable(a)))
        blocks.append(.heading("Why each channel ended where it did"))
        blocks.append(.list(a.channels.map { [.strong($0.channel + ": "), .text($0.bounded.explanation)] }))
        let e = a.extended
        blocks.append(.paragraph([
            .text("With every bound widened ×3 (Robyn's extended run) the response would be \(ReportFormat.amount(e.optimalResponseTotal))"
                + (e.responseLift.map { " (\(ReportFormat.signedPercent($0)))" } ?? "") + " for spend \(ReportFormat.amount(e.optimalSpendTotal))."),
        ]))
        blocks.append(.paragraph(
            [.text("Files: ")] + [ReportFiles.allocation, "allocation.json", "allocation.csv", "allocator_metrics.csv"]
                .filter { run.fileNames.contains($0) || $0 == ReportFiles.allocation }
                .flatMap { [HTMLInline.link(text: $0, href: $0), .text(" ")] }))
        return HTMLSection(title: title, id: "allocation", blocks: blocks)
    }

    private func channelTable(_ a: AllocationResult) -> HTMLTable {
        let conversion = a.depVarType == .conversion
        return HTMLTable(
            caption: "Per channel, mean per period over the date range",
            columns: [
                .init("Channel"), .init("Spend now", alignment: .right), .init("Recommended", alignment: .right),
                .init("Change", alignment: .right), .init("Bounds", alignment: .right),
                .init("Response now", alignment: .right), .init("Response after", alignment: .right),
                .init(conversion ? "CPA after" : "ROI after", alignment: .right), .init("Status"),
            ],
            rows: a.channels.map { c in
                let r = c.bounded
                return [
                    c.channel, ReportFormat.amount(c.initialSpend), ReportFormat.amount(r.spend),
                    r.spendChange.map { ReportFormat.signedPercent($0) } ?? ReportFormat.missing,
                    "\(ReportFormat.amount(r.lowerBound))–\(ReportFormat.amount(r.upperBound))",
                    ReportFormat.amount(c.initialResponse), ReportFormat.amount(r.response),
                    ReportFormat.number(conversion ? r.cpa : r.roi, digits: 2),
                    r.status.rawValue.replacingOccurrences(of: "_", with: " "),
                ]
            })
    }
}
