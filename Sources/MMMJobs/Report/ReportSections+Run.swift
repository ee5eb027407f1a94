import Foundation
import MMMCharts
import MMMCore

/// The report's first two sections: what ran and how the data was prepared.
extension ReportBuilder {
    func summarySection() -> HTMLSection {
        var blocks: [HTMLBlock] = []
        var facts = [HTMLFact("State", stateText), HTMLFact("Run id", run.runId)]
        if let engine = run.summary?.engine ?? run.manifest?.engine ?? run.status?.engine {
            facts.append(HTMLFact("Engine", "\(engine.name) \(engine.version)"))
        }
        if let config = run.summary?.config {
            facts.append(HTMLFact("Dependent variable", "\(config.depVar) (\(config.depVarType.rawValue) model)"))
            facts.append(HTMLFact("Adstock", config.adstock.rawValue))
        }
        if let window = run.preparation?.window {
            facts.append(HTMLFact("Modelling window", "\(window.start) to \(window.end) (\(ReportFormat.count(window.rows)) periods)"))
        }
        if let summary = run.summary {
            facts.append(HTMLFact("Candidate models", ReportFormat.count(summary.candidateCount)))
            facts.append(HTMLFact("Models on the Pareto fronts", ReportFormat.count(summary.paretoModelCount)))
            facts.append(HTMLFact("Best model", summary.bestModel.modelId))
            facts.append(HTMLFact("Seed", String(summary.config.seed)))
        }
        if let manifest = run.manifest {
            facts.append(HTMLFact("Threads", String(manifest.threads)))
            facts.append(HTMLFact("Started", manifest.startedAt))
            facts.append(HTMLFact("Finished", manifest.finishedAt))
        } else if let status = run.status {
            facts.append(HTMLFact("Started", ISOTime.format(status.startedAt)))
        }
        if let seconds = run.status?.durationSeconds { facts.append(HTMLFact("Duration", ReportFormat.duration(seconds))) }
        blocks.append(.facts(facts))
        if let status = run.status {
            switch status.state {
            case .failed:
                blocks.append(.note(lead: "Failed", text: [.text("in step \(status.failedStep ?? "?"): \(status.message ?? "no message")")]))
            case .skipped:
                blocks.append(.note(lead: "Skipped", text: [.text(status.skipReason ?? status.message ?? "no reason recorded")]))
            case .running where inProgress:
                blocks.append(.paragraph([
                    .text("This report was written by the run's report step, after training and before the run manifest and the final status; "),
                    .code("mmm-cli report"), .text(" rebuilds it from the finished folder."),
                ]))
            case .running:
                blocks.append(.note(lead: "Note", text: [.text("status.json says RUNNING: the run is still going, or it was stopped before it could record its end.")]))
            case .succeeded: break
            }
        }
        if let summary = run.summary {
            blocks.append(.heading("Best model \(summary.bestModel.modelId)"))
            blocks.append(.table(metricsTable(summary.bestModel)))
            blocks.append(.paragraph([.strong("How it was chosen: "), .text(summary.bestModelRule)]))
        } else if run.status?.state != .skipped {
            blocks.append(.note(lead: "Note", text: [.text("model_summary.json is missing: this run has no trained model to show.")]))
        }
        blocks += diagnosticsBlocks()
        return HTMLSection(title: "Run summary", id: "summary", blocks: blocks)
    }

    private var stateText: String {
        guard let status = run.status else { return "unknown (no status.json)" }
        if status.state == .running && inProgress { return "training finished" }
        return status.state.rawValue
    }

    /// R² and NRMSE on each split.
    func metricsTable(_ m: ModelMetrics) -> HTMLTable {
        let splits: [(String, Double?, Double?)] = [
            ("Training", m.rsqTrain, m.nrmseTrain), ("Validation", m.rsqVal, m.nrmseVal), ("Test", m.rsqTest, m.nrmseTest),
        ]
        return HTMLTable(
            caption: "Fit of model \(m.modelId) (adjusted R², higher is better; NRMSE, lower is better)",
            columns: [.init("Rows"), .init("Adjusted R²", alignment: .right), .init("NRMSE", alignment: .right)],
            rows: splits.filter { $0.1 != nil || $0.2 != nil }.map {
                [$0.0, ReportFormat.number($0.1, digits: 4), ReportFormat.number($0.2, digits: 4)]
            } + [
                ["DECOMP.RSSD", ReportFormat.number(m.decompRssd, digits: 4), ""],
                ["Training share", ReportFormat.percent(m.trainSize), ""],
            ])
    }

    /// The run's notes and warnings (detail-level diagnostics stay in console.log).
    private func diagnosticsBlocks() -> [HTMLBlock] {
        let diagnostics = (run.manifest?.diagnostics ?? []).filter { $0.severity != .info }
        guard !diagnostics.isEmpty else { return [] }
        return [
            .heading("Notes and warnings"),
            .list(diagnostics.map { d in
                [.strong(d.severity.rawValue.capitalized + ": "), .text(d.message)]
                    + (d.step.map { [.text(" (step \($0))")] } ?? [])
            }),
        ]
    }

    func preparationSection() -> HTMLSection {
        guard let p = run.preparation else {
            return HTMLSection(title: "Data preparation", id: "preparation", blocks: [
                .note(lead: "Note", text: [.text("preparation_manifest.json is missing.")]),
            ])
        }
        var facts = [
            HTMLFact("Source", p.source),
            HTMLFact("Input", "\(ReportFormat.count(p.inputRows)) rows × \(p.inputColumns) columns"),
            HTMLFact("Prepared", "\(ReportFormat.count(p.outputRows)) rows × \(p.outputColumns.count) columns"),
        ]
        if let column = p.dateColumn { facts.append(HTMLFact("Date column", column)) }
        if let cadence = p.cadence { facts.append(HTMLFact("Cadence", cadence)) }
        if let first = p.firstDate, let last = p.lastDate { facts.append(HTMLFact("Dates", "\(first) to \(last)")) }
        if let w = p.window {
            facts.append(HTMLFact("Window", "\(w.start) to \(w.end): \(w.rows) rows, \(w.warmupRows) warm-up before, \(w.rowsAfter) after"))
        }
        if let digest = p.sourceSHA256 { facts.append(HTMLFact("Input SHA-256", runs: [.code(String(digest.prefix(16)) + "…")])) }
        var blocks: [HTMLBlock] = [.facts(facts)]
        for warning in p.warnings { blocks.append(.note(lead: "Warning", text: [.text(warning)])) }
        if let reason = p.skipReason { blocks.append(.note(lead: "Skipped", text: [.text(reason)])) }
        blocks.append(.table(HTMLTable(
            caption: "Preparation steps in order",
            columns: [.init("Step"), .init("Rows in", alignment: .right), .init("Rows out", alignment: .right), .init("What it did")],
            rows: p.steps.map { [$0.name, ReportFormat.count($0.rowsIn), ReportFormat.count($0.rowsOut), $0.notes.joined(separator: " ")] })))
        if !p.droppedColumns.isEmpty {
            blocks.append(.table(HTMLTable(
                caption: "Columns not in the prepared table", columns: [.init("Column"), .init("Why")],
                rows: p.droppedColumns.map { [$0.column, $0.reason] })))
        }
        return HTMLSection(title: "Data preparation", id: "preparation", blocks: blocks)
    }
}
