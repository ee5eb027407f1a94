import MMMCharts

/// The report's file names and what every known file of a run folder holds.
enum ReportFiles {
    /// The HTML report.
    static let report = "report.html"
    /// The Pareto front picture.
    static let paretoFront = "pareto_front.svg"
    /// The allocator picture.
    static let allocation = "allocation.svg"

    /// A model's one-pager picture.
    static func onePager(_ modelId: String) -> String { "onepager_\(modelId).svg" }

    /// What a file holds, for the report's file list.
    static func describe(_ name: String) -> String {
        if name.hasPrefix("onepager_") && name.hasSuffix(".svg") {
            return "One-pager of model \(name.dropFirst("onepager_".count).dropLast(4)): fit, decomposition, shares, response curves, adstock, residuals."
        }
        return known[name] ?? ""
    }

    private static let known: [String: String] = [
        "status.json": "The run's state (RUNNING, SUCCEEDED, FAILED or SKIPPED); written first and last.",
        "run_manifest.json": "How the run was produced: input and config digests, engine, seed, threads, step timings, files, notes and warnings.",
        "preparation_manifest.json": "What data preparation did, step by step, and the modelling window.",
        "job_config.json": "The configuration as run (canonical form).",
        "input_snapshot.csv": "The input table as read (kept because the source cannot be read again).",
        "console.log": "Every diagnostic of the run with a timestamp.",
        "model_summary.json": "The run's result: the Pareto models' metrics, the best model, how it was chosen, its decomposition.",
        "pareto_hyperparameters.csv": "Hyperparameters and errors of every Pareto model (Robyn's format).",
        "pareto_aggregated.csv": "Per-variable decomposition, spend and effect shares of every Pareto model.",
        "all_aggregated.csv": "Per-variable decomposition of every candidate model (large).",
        "pareto_alldecomp_matrix.csv": "Per-period decomposition, actual and predicted values of every Pareto model.",
        "pareto_media_transform_matrix.csv": "Per-period adstocked and decomposed media of every Pareto model.",
        "model.json": "The best model without the data: what response curves and the allocator need (mmm-cli response, allocate).",
        "allocation.json": "The budget allocation of the best model: bounded and ×3 runs, per-channel reasons, curves.",
        "allocation.csv": "The allocation per channel: current and recommended spend and response (Robyn's columns).",
        "allocator_metrics.csv": "The allocation in one row, as the previous system wrote it.",
        "allocator_error.txt": "Why the allocation could not be computed.",
        report: "This report.",
        paretoFront: "The Pareto front picture.",
        allocation: "The allocator picture: current vs recommended spend and response.",
    ]

    /// The file list, each name a relative link (it works next to the report, offline), with its size and use.
    static func list(_ names: [String], sizes: [String: Int]) -> HTMLBlock {
        .list(names.map { name in
            let size = sizes[name].map { " (\(ReportFormat.bytes($0)))" } ?? ""
            let what = describe(name)
            return [.link(text: name, href: name), .text(size + (what.isEmpty ? "" : ": " + what))]
        })
    }
}
