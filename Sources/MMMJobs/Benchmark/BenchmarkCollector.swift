import Foundation
import MMMCore

/// Builds `results.csv` from a benchmark folder: one row per plan variant, joined by variant id — each row reads
/// its settings from the variant's own run folder (`job_config.json`, `preparation_manifest.json`, `status.json`)
/// and its metrics from the `model_summary.json` of the run that trained it (its own, or the `same_as` target's) —
/// plus the naive baseline row.
public struct BenchmarkCollector: Sendable {
    /// The benchmark folder.
    public var workspace: LocalBenchmarkWorkspace
    /// The allocation of each variant's best model (``AllocationColumns``; nil leaves them out).
    public var allocationColumns: (any ResultsColumnProvider)? = AllocationColumns()
    /// The posterior intervals and verdict of Bayesian variants (``PosteriorColumns``; nil leaves them out).
    public var posteriorColumns: (any ResultsColumnProvider)? = PosteriorColumns()
    /// Truth-recovery columns, `roi_mae` and `roi_err_<spend>` (``TruthColumns``; nil without a truth file).
    public var truthColumns: (any ResultsColumnProvider)?

    /// A collector for a benchmark folder.
    public init(workspace: LocalBenchmarkWorkspace) {
        self.workspace = workspace
    }

    /// Collects the table.
    /// - Throws: ``ConfigError`` when plan.json is missing or invalid.
    public func collect() async throws -> ResultsTable {
        let plan = try workspace.plan()
        let store = workspace.variants
        var runs: [String: VariantRun] = [:]
        for variant in plan.variants {
            runs[variant.id] = await VariantRun.read(id: variant.id, store: store)
        }
        var summaries: [String: ModelSummary] = [:]
        for variant in plan.variants {
            summaries[variant.id] = runs[variant.sameAs ?? variant.id]?.summary
        }
        let paid = Self.paidSpends(plan: plan, summaries: summaries)
        let conversion = plan.baseConfig.depVarType == .conversion
        var columns = ResultsTable.fixedColumns
        columns += paid.map { (conversion ? "cpa_" : "roi_") + $0 } + paid.map { "effect_share_" + $0 }
        let providers = [allocationColumns, posteriorColumns, truthColumns].compactMap { $0 }
        for provider in providers { columns += provider.columns(plan: plan, summaries: summaries) }

        var rows: [[String: String]] = []
        for variant in plan.variants {
            let own = runs[variant.id] ?? VariantRun(folder: nil)
            let trained = variant.sameAs.flatMap { runs[$0] } ?? own
            var row = own.settings(variant: variant, plan: plan)
            row.merge(trained.metrics(conversion: conversion, linked: variant.sameAs != nil)) { _, new in new }
            row["same_as"] = variant.sameAs ?? ""
            if let summary = trained.summary, let folder = trained.folder {
                for provider in providers {
                    row.merge(try await provider.values(for: variant, run: folder, summary: summary)) { _, new in new }
                }
            }
            rows.append(row)
        }
        if let data = workspace.read("naive_baseline.json"), let baseline = try? JSONDecoder().decode(NaiveBaselineRecord.self, from: data) {
            rows.append(baseline.row(plan: plan))
        }
        return ResultsTable(columns: columns, rows: rows)
    }

    /// Paid spend columns over every summary, in first-seen order.
    static func paidSpends(plan: BenchmarkPlan, summaries: [String: ModelSummary]) -> [String] {
        var seen: [String] = []
        for variant in plan.variants {
            for c in summaries[variant.id]?.decomposition ?? [] where c.role == .paidMedia {
                let spend = c.spendColumn ?? c.variable
                if !seen.contains(spend) { seen.append(spend) }
            }
        }
        if seen.isEmpty { seen = plan.baseConfig.paidMedia.map(\.spend) }
        return seen
    }
}

/// `naive_baseline.json` as read back.
struct NaiveBaselineRecord: Decodable {
    var terms: [String]
    var trainSize: Double
    var rsqTrain, rsqVal, rsqTest, nrmseTrain, nrmseVal, nrmseTest: Double?

    enum CodingKeys: String, CodingKey {
        case terms
        case trainSize = "train_size"
        case rsqTrain = "rsq_train"
        case rsqVal = "rsq_val"
        case rsqTest = "rsq_test"
        case nrmseTrain = "nrmse_train"
        case nrmseVal = "nrmse_val"
        case nrmseTest = "nrmse_test"
    }

    func row(plan: BenchmarkPlan) -> [String: String] {
        let n = ResultsTable.number
        return [
            "benchmark_id": plan.benchmarkId, "variant_id": ResultsTable.baselineId, "benchmark_test": "baseline",
            "benchmark_variant": "naive_baseline (intercept + " + terms.joined(separator: " + ") + ", no media)",
            "train_size": n(trainSize), "resample_freq": plan.baseConfig.resampleFreq.rawValue,
            "rsq_train": n(rsqTrain), "rsq_val": n(rsqVal), "rsq_test": n(rsqTest), "nrmse_train": n(nrmseTrain),
            "nrmse_val": n(nrmseVal), "nrmse_test": n(nrmseTest), "state": "BASELINE",
        ]
    }
}
