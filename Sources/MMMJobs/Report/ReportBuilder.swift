import Foundation
import MMMCharts
import MMMCore

/// Assembles the report page and the SVG pictures from a run folder's contents.
struct ReportBuilder: Sendable {
    /// One file to write.
    struct File: Sendable {
        var name: String
        var text: String
    }

    let run: RunContents
    /// Written by the run's own report step (the final status and run manifest come later).
    let inProgress: Bool
    /// Models that get a one-pager besides the best model and the cluster winners.
    let extraModels: [String]
    /// Whether every cluster winner gets a one-pager picture.
    let clusterWinners: Bool

    /// Builds every file: the pictures first, `report.html` last.
    /// - Throws: ``ReportError`` for a requested model that is not a Pareto model of the run, ``DataError`` for a
    ///   malformed table.
    func build() throws -> [File] {
        let front = try ParetoFront.read(run)
        let bestId = run.summary?.bestModel.modelId
        let best = try bestId.flatMap { try ModelView.read($0, from: run) }
        var files: [File] = []
        if let front { files.append(File(name: ReportFiles.paretoFront, text: front.chart().svg())) }
        var pictured: [String] = []
        let winners = clusterWinners ? (front?.winners.map(\.metrics.modelId) ?? []) : []
        for id in ([bestId].compactMap { $0 } + winners + extraModels) where !pictured.contains(id) {
            let view = id == bestId ? best : try ModelView.read(id, from: run)
            guard let view else {
                throw ReportError("model '\(id)' is not among the Pareto models of run \(run.runId) (see pareto_hyperparameters.csv)")
            }
            files.append(File(name: ReportFiles.onePager(id), text: OnePager(view).sheet().svg))
            pictured.append(id)
        }
        let allocation = try run.allocation.map { a in
            AllocationView(a, model: a.modelId == bestId ? best : try ModelView.read(a.modelId, from: run))
        }
        if let allocation { files.append(File(name: ReportFiles.allocation, text: allocation.sheet().svg)) }
        let page = HTMLPage(
            title: "Model run \(run.runId)", subtitle: subtitle,
            sections: [
                summarySection(), preparationSection(), paretoSection(front), modelSection(best, bestId: bestId),
            ] + (run.posterior.map { [posteriorSection($0)] } ?? []) + [
                allocationSection(allocation), filesSection(written: files),
            ],
            footer: "Written by mmm-trainer \(MMMVersion.current) from the files of this run folder. It needs no network and no scripts; print it on A4.",
            extraCSS: Self.printCSS)
        files.append(File(name: ReportFiles.report, text: page.render()))
        return files
    }

    /// On paper the one-pager stays two charts wide, so its six charts share one A4 page; the report's tables are
    /// short, so none is split from its caption.
    static let printCSS = """
        @media print {
          .figure-grid { grid-template-columns: 1fr 1fr; gap: 0 5mm; }
          .figure-grid figure.chart { margin: 0 0 2mm; }
          .figure-grid figure.chart svg { max-height: 62mm; }
          .figure-grid figcaption { font-size: 6.5pt; line-height: 1.25; margin-top: 0.5mm; }
          .table-wrap { break-inside: avoid; }
        }
        """

    private var subtitle: String {
        var parts: [String] = []
        if let config = run.summary?.config { parts.append("\(config.depVar), \(config.depVarType.rawValue) model") }
        if let p = run.preparation, let w = p.window { parts.append("\(p.cadence ?? "") data, \(w.start) to \(w.end)") }
        if let engine = run.summary?.engine { parts.append("\(engine.name) \(engine.version)") }
        return parts.joined(separator: " · ")
    }

    private func filesSection(written: [File]) -> HTMLSection {
        var names = Set(run.fileNames).union(written.map(\.name) + [ReportFiles.report])
        var sizes = run.fileSizes
        for file in written { sizes[file.name] = file.text.utf8.count }
        if inProgress { names.insert("run_manifest.json") }
        return HTMLSection(title: "Files", id: "files", blocks: [
            .text("Every file of the run folder; the links open them when this report sits in its folder."),
            ReportFiles.list(names.sorted(), sizes: sizes),
        ])
    }
}

/// A report cannot be built as asked.
public struct ReportError: CategorizedError {
    /// What is wrong.
    public var message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }

    public var category: ErrorCategory { .usage }
    public var description: String { message }
}
