import Foundation
import MMMCore

/// What one variant's run folder holds, read leniently: a missing or unreadable file leaves its cells empty.
struct VariantRun: Sendable {
    var folder: (any RunFolder)?
    var status: RunStatus?
    var config: JobConfig?
    var manifest: PreparationManifest?
    var summary: ModelSummary?

    static func read(id: String, store: LocalRunStore) async -> VariantRun {
        guard let folder = try? await store.openRun(id: id) else { return VariantRun(folder: nil) }
        func decode<T: Decodable>(_ type: T.Type, _ name: String) async -> T? {
            guard let data = try? await folder.read(name) else { return nil }
            return try? StrictJSON.decode(type, from: data)
        }
        var run = VariantRun(folder: folder)
        run.status = await decode(RunStatus.self, "status.json")
        run.config = await decode(JobConfig.self, "job_config.json")
        run.manifest = await decode(PreparationManifest.self, "preparation_manifest.json")
        if run.status?.state == .succeeded {
            run.summary = await decode(ModelSummary.self, "model_summary.json")
            // The summary must be this variant's (identity travels in the config): never show another run's model.
            if let tags = run.summary?.benchmark, tags.variantId != id { run.summary = nil }
        }
        return run
    }

    /// The setting columns, read back from this run's own files (the plan fills only the identity).
    func settings(variant: BenchmarkVariant, plan: BenchmarkPlan) -> [String: String] {
        var row: [String: String] = [
            "benchmark_id": config?.benchmark?.id ?? plan.benchmarkId, "variant_id": variant.id,
            "benchmark_test": config?.benchmark?.dimension ?? variant.test,
            "benchmark_variant": config?.benchmark?.variant ?? variant.name,
            "state": status?.state.rawValue ?? "NOT_RUN", "runtime_s": ResultsTable.number(status?.durationSeconds),
        ]
        guard let config else { return row }
        row["adstock"] = config.adstock.rawValue
        row["hyperparameter_preset"] = config.hyperparameterPreset.rawValue
        row["train_size"] = Self.describe(config.trainSize)
        row["resample_freq"] = config.resampleFreq.rawValue
        row["spend_var_mapping"] = Self.describe(config.paidMedia)
        row["window_start"] = (manifest?.window?.start ?? config.startDate)?.description ?? ""
        row["window_end"] = (manifest?.window?.end ?? config.endDate)?.description ?? ""
        row["seed"] = String(config.seed)
        row["iterations"] = String(config.iterations)
        row["trials"] = String(config.trials)
        return row
    }

    /// The metric columns from this run's model summary.
    func metrics(conversion: Bool, linked: Bool) -> [String: String] {
        guard let summary else { return linked ? ["state": status?.state.rawValue ?? "NOT_RUN"] : [:] }
        let b = summary.bestModel
        let n = ResultsTable.number
        var row: [String: String] = [
            "rsq_train": n(b.rsqTrain), "rsq_val": n(b.rsqVal), "rsq_test": n(b.rsqTest), "nrmse_train": n(b.nrmseTrain),
            "nrmse_val": n(b.nrmseVal), "nrmse_test": n(b.nrmseTest), "decomp_rssd": n(b.decompRssd), "mape": n(b.mape),
            "pareto_models": String(summary.paretoModelCount), "candidates": String(summary.candidateCount),
            "best_model_id": b.modelId,
        ]
        if linked { row["state"] = status?.state.rawValue ?? "NOT_RUN" }
        for c in summary.decomposition where c.role == .paidMedia {
            let spend = c.spendColumn ?? c.variable
            row[(conversion ? "cpa_" : "roi_") + spend] = n(conversion ? c.cpa : c.roi)
            row["effect_share_" + spend] = n(c.effectShare)
        }
        return row
    }

    /// `0.7` or `0.5-0.8`.
    static func describe(_ size: TrainSize) -> String {
        let (a, b) = size.bounds
        return a == b ? NumberFormatting.shortest(a) : "\(NumberFormatting.shortest(a))-\(NumberFormatting.shortest(b))"
    }

    /// `spend_to_spend`, or the channels modelled by a proxy: `facebook_S=facebook_I search_S=search_clicks_P`.
    static func describe(_ pairs: [MediaPair]) -> String {
        let proxies = pairs.filter(\.usesExposure)
        return proxies.isEmpty ? "spend_to_spend" : proxies.map { "\($0.spend)=\($0.variable)" }.joined(separator: " ")
    }
}
