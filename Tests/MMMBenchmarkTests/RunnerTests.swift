import Foundation
import MMMCore
import MMMJobs
import MMMTestSupport
import Testing

/// Runs real (tiny) benchmarks on the bundled demo: 10 iterations × 1 trial per variant.
@Suite(.serialized) struct RunnerTests {
    /// Two levels per dimension, single mode.
    static let everyDimension = """
        {"name": "dims", "iterations": 10, "trials": 1, "variants": {
          "adstock": [{"name": "geometric", "adstock": "geometric"}, {"name": "weibull_cdf", "adstock": "weibull_cdf"}],
          "train_splits": [{"name": "t60", "train_size": 0.6}, {"name": "t85", "train_size": 0.85}],
          "time_aggregation": [{"name": "none", "resample_freq": "none"}, {"name": "monthly", "resample_freq": "M", "column_agg_strategies": {"events": "first"}}, {"name": "weekly", "resample_freq": "W"}],
          "spend_var_mapping": [{"name": "spend", "mapping_strategy": "spend_to_spend"}, {"name": "proxy", "mapping_strategy": "spend_to_proxy"}],
          "seasonality_window": [{"name": "short", "start_date": "2017-01-02"}, {"name": "long", "end_date": "2019-06-03"}],
          "seed": [{"name": "s1", "seed": 1}, {"name": "s2", "seed": 2}],
          "overrides": [{"name": "fb", "set": {"hyperparameter_preset": "Facebook recommend"}}, {"name": "robyn", "set": {"hyperparameter_preset": "Robyn default"}}]
        }}
        """

    @Test func everyDimensionChangesWhatIsTrained() async throws {
        let plan = try Bench.plan(Self.everyDimension)
        let (report, workspace) = try await Bench.run(plan)
        #expect(report.failed.isEmpty, "\(report.failed)")
        // Levels equal to the base (e.g. geometric, spend_to_proxy) are linked to the first of them and show its model.
        func run(_ name: String) throws -> (JobConfig, ModelSummary, PreparationManifest) {
            let variant = try #require(report.plan.variants.first { $0.name == name })
            let id = variant.id
            return (
                try Bench.read(JobConfig.self, workspace, variant: id, "job_config.json"),
                try Bench.read(ModelSummary.self, workspace, variant: variant.sameAs ?? id, "model_summary.json"),
                try Bench.read(PreparationManifest.self, workspace, variant: id, "preparation_manifest.json")
            )
        }
        let pairs: [(String, String, (JobConfig, PreparationManifest) -> String)] = [
            ("geometric", "weibull_cdf", { c, _ in c.adstock.rawValue }),
            ("t60", "t85", { c, _ in "\(c.trainSize)" }),
            ("none", "monthly", { c, m in "\(c.resampleFreq) \(m.cadence ?? "")" }),
            ("spend", "proxy", { c, _ in c.paidMedia.map(\.variable).joined() }),
            ("short", "long", { _, m in "\(m.window?.start.description ?? "") \(m.window?.end.description ?? "")" }),
            ("s1", "s2", { c, _ in "\(c.seed)" }),
            ("fb", "robyn", { c, _ in c.hyperparameterPreset.rawValue }),
        ]
        for (a, b, setting) in pairs {
            let (ca, sa, ma) = try run(a), (cb, sb, mb) = try run(b)
            #expect(setting(ca, ma) != setting(cb, mb), "\(a) vs \(b): the recorded setting is the same")
            // A different model: the best model's errors or the decomposition differ.
            #expect(sa.bestModel != sb.bestModel || sa.decomposition != sb.decomposition, "\(a) vs \(b): same model")
        }
        // Weekly aggregation of weekly data trains nothing new: linked, trained once, shown with the same model.
        let weekly = try #require(report.plan.variants.first { $0.name == "weekly" })
        let none = try #require(report.plan.variants.first { $0.name == "none" })
        let canonical = none.sameAs ?? none.id
        #expect(weekly.sameAs == canonical)
        #expect(weekly.sameAsReason?.contains("already weekly") == true)
        #expect(report.linked.contains(weekly.id))
        let status = try Bench.read(RunStatus.self, workspace, variant: weekly.id, "status.json")
        #expect(status.state == .skipped && status.skipReason?.hasPrefix("same_as \(canonical)") == true)
        let table = try await BenchmarkCollector(workspace: workspace).collect()
        let rowW = try #require(table.rows.first { $0["variant_id"] == weekly.id })
        let rowN = try #require(table.rows.first { $0["variant_id"] == none.id })
        #expect(rowW["same_as"] == canonical && rowW["resample_freq"] == "W" && rowN["resample_freq"] == "none")
        #expect(rowW["nrmse_val"] == rowN["nrmse_val"] && rowW["state"] == "SUCCEEDED")
        #expect(table.rows.last?["variant_id"] == ResultsTable.baselineId)
        #expect(table.columns.starts(with: ResultsTable.fixedColumns))
        #expect(table.columns.contains("roi_facebook_S") && table.columns.contains("effect_share_search_S"))
    }

    @Test func collectionJoinsByIdWhateverTheFinishingOrder() async throws {
        let plan = try Bench.plan(#"{"name": "order", "iterations": 10, "trials": 1, "variants": {"seed": [{"name": "a", "seed": 1}, {"name": "b", "seed": 2}, {"name": "c", "seed": 3}]}}"#)
        var reversed = plan
        reversed.variants.reverse()
        let dir = try TemporaryDirectory.make("mmm-bench-tests")
        let workspace = LocalBenchmarkWorkspace(output: dir.path, benchmarkId: plan.benchmarkId)
        let runner = BenchmarkRunner(
            plan: reversed, table: try await Bench.table(), workspace: workspace,
            schedule: BenchmarkSchedule(cores: 1, parallel: 1, threads: 1, variants: 3))
        _ = try await runner.run()  // c finishes first, a last (the newest)
        try workspace.write(try StrictJSON.encode(plan), to: "plan.json")
        let table = try await BenchmarkCollector(workspace: workspace).collect()
        #expect(table.rows.prefix(3).map { $0["variant_id"] } == plan.variants.map(\.id))
        for (row, variant) in zip(table.rows, plan.variants) {
            let summary = try Bench.read(ModelSummary.self, workspace, variant: variant.id, "model_summary.json")
            #expect(row["seed"] == String(variant.config.seed))
            #expect(row["benchmark_variant"] == variant.name)
            #expect(row["nrmse_val"] == ResultsTable.number(summary.bestModel.nrmseVal))
            #expect(row["decomp_rssd"] == ResultsTable.number(summary.bestModel.decompRssd))
        }
        #expect(Set(table.rows.prefix(3).map { $0["nrmse_val"] ?? "" }).count == 3)
    }

    @Test func resumesFinishedVariantsAndRerunsTheRest() async throws {
        let plan = try Bench.plan(#"{"name": "resume", "iterations": 10, "trials": 1, "variants": {"seed": [{"name": "a", "seed": 1}, {"name": "b", "seed": 2}, {"name": "c", "seed": 3}]}}"#)
        let dir = try TemporaryDirectory.make("mmm-bench-tests")
        let (first, workspace) = try await Bench.run(plan, in: dir)
        #expect(first.trained.count == 3)
        let ids = plan.variants.map(\.id)
        let keptBytes = try #require(workspace.read("variants/\(ids[0])/model_summary.json"))
        try FileManager.default.removeItem(atPath: workspace.path("variants/\(ids[1])"))
        var failed = try Bench.read(RunStatus.self, workspace, variant: ids[2], "status.json")
        failed = failed.finished(.failed, at: Date(), failedStep: "train", message: "cancelled")
        try workspace.write(try StrictJSON.encode(failed), to: "variants/\(ids[2])/status.json")
        let (second, _) = try await Bench.run(plan, in: dir)
        #expect(second.resumed == [ids[0]])
        #expect(Set(second.trained) == [ids[1], ids[2]])
        #expect(workspace.read("variants/\(ids[0])/model_summary.json") == keptBytes)
        #expect(try Bench.read(RunStatus.self, workspace, variant: ids[2], "status.json").state == .succeeded)
        let (third, _) = try await Bench.run(plan, in: dir)
        #expect(third.trained.isEmpty && third.resumed.count == 3)
    }

    @Test func cancellingKeepsFinishedVariants() async throws {
        let plan = try Bench.plan(#"{"name": "cancel", "iterations": 10, "trials": 1, "variants": {"seed": [{"name": "a", "seed": 1}, {"name": "b", "seed": 2}, {"name": "c", "seed": 3}]}}"#)
        let dir = try TemporaryDirectory.make("mmm-bench-tests")
        let workspace = LocalBenchmarkWorkspace(output: dir.path, benchmarkId: plan.benchmarkId)
        let table = try await Bench.table()
        let handle = Locked<Task<BenchmarkRunReport, any Error>?>(nil)
        let runner = BenchmarkRunner(
            plan: plan, table: table, workspace: workspace, schedule: BenchmarkSchedule(cores: 1, parallel: 1, threads: 1, variants: 3))
        let task = Task {
            try await runner.run(progress: { p in if p.variantsDone >= 1 { handle.withLock { $0?.cancel() } } })
        }
        handle.withLock { $0 = task }
        if case .success = await task.result { Issue.record("the run was not cancelled") }
        let first = try Bench.read(RunStatus.self, workspace, variant: plan.variants[0].id, "status.json")
        #expect(first.state == .succeeded)
        // The rest either never started or stopped with status FAILED "cancelled"; a rerun finishes them.
        let (report, _) = try await Bench.run(plan, in: dir)
        #expect(report.resumed.contains(plan.variants[0].id))
        #expect(report.trained.count + report.resumed.count == 3)
    }
}
