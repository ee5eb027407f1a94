import Foundation
import MMMCore
import MMMJobs
import MMMTestSupport
import Testing

/// Benchmarks with the Bayesian backend (MAP, a few draws: fractions of a second a variant): variants that differ
/// only in what it never reads are linked, not trained as if they were different models; results.csv carries the
/// posterior intervals; a variant fitted with other settings is not resumed.
@Suite(.serialized) struct BayesBenchmarkTests {
    static let plan = """
        {"name": "bayes", "iterations": 10, "trials": 1, "variants": {
          "adstock": [{"name": "geometric", "adstock": "geometric"}, {"name": "weibull_cdf", "adstock": "weibull_cdf", "hyperparameter_preset": "Facebook recommend"}],
          "train_splits": [{"name": "t60", "train_size": 0.6}, {"name": "t85", "train_size": 0.85}]
        }}
        """

    static func map(draws: Int = 40) -> BayesBackend {
        var settings = BayesSettings()
        settings.inference = .map
        settings.draws = draws
        return BayesBackend(settings: settings)
    }

    static func run(_ plan: BenchmarkPlan, in dir: URL, backend: any TrainingBackend) async throws
        -> (BenchmarkRunReport, LocalBenchmarkWorkspace, [BenchmarkProgress])
    {
        let workspace = LocalBenchmarkWorkspace(output: dir.path, benchmarkId: plan.benchmarkId)
        var runner = BenchmarkRunner(
            plan: plan, table: try await Bench.table(), workspace: workspace,
            schedule: BenchmarkSchedule(cores: 2, parallel: 2, threads: 1, variants: plan.variants.count))
        runner.backend = backend
        runner.allocate = false
        let seen = Locked<[BenchmarkProgress]>([])
        let report = try await runner.run(progress: { p in seen.withLock { $0.append(p) } })
        return (report, workspace, seen.withLock { $0 })
    }

    @Test func whatTheBackendDoesNotReadIsLinkedAndTheIntervalsAreCollected() async throws {
        let plan = try Bench.plan(Self.plan)
        // The native engine trains each split on its own.
        let native = BenchmarkRunner.linkingSameAs(plan, table: try await Bench.table())
        let t60 = try #require(native.variants.first { $0.name == "t60" })
        let t85 = try #require(native.variants.first { $0.name == "t85" })
        #expect(t60.sameAs == nil && t85.sameAs == nil)

        let dir = try TemporaryDirectory.make("mmm-bench-bayes")
        let (report, workspace, progress) = try await Self.run(plan, in: dir, backend: Self.map())
        #expect(report.failed.isEmpty, "\(report.failed)")
        // The splits (and the base-valued levels) are one model for the Bayesian backend, which fits the whole window.
        let linked = try #require(report.plan.variants.first { $0.name == "t85" })
        let reason = try #require(linked.sameAsReason)
        #expect(linked.sameAs != nil && reason.contains("train_size") && reason.contains("mmm-trainer-bayes does not use train_size"), "\(reason)")
        let geometric = try #require(report.plan.variants.first { $0.name == "geometric" })
        let weibull = try #require(report.plan.variants.first { $0.name == "weibull_cdf" })
        #expect(weibull.sameAs == nil && weibull.sameAs != geometric.id)
        // Progress counts the fits (1 each for MAP), not candidates of a search that does not happen.
        let trained = report.plan.variants.filter { $0.sameAs == nil }.count
        #expect(progress.last?.candidatesTotal == trained)

        let table = try await BenchmarkCollector(workspace: workspace).collect()
        #expect(table.columns.contains("bayes_verdict") && table.columns.contains("roi_q05_tv_S") && table.columns.contains("roi_q95_facebook_S"))
        for variant in report.plan.variants {
            let row = try #require(table.rows.first { $0["variant_id"] == variant.id })
            let summary = try Bench.read(ModelSummary.self, workspace, variant: variant.sameAs ?? variant.id, "model_summary.json")
            #expect(summary.engine.name == BayesBackend.engineInfo.name)
            #expect(row["bayes_verdict"] == "approximate", "\(variant.name): \(row["bayes_verdict"] ?? "-")")
            for spend in ["tv_S", "ooh_S", "print_S", "facebook_S", "search_S"] {
                let low = try #require(row["roi_q05_" + spend].flatMap(Double.init), "\(variant.name) \(spend)")
                let mean = try #require(row["roi_" + spend].flatMap(Double.init))
                let high = try #require(row["roi_q95_" + spend].flatMap(Double.init))
                #expect(low < high && low <= mean + 1e-9 && mean <= high + 1e-9, "\(variant.name) \(spend): \(low) \(mean) \(high)")
            }
        }
        let rowG = try #require(table.rows.first { $0["variant_id"] == geometric.id })
        let rowW = try #require(table.rows.first { $0["variant_id"] == weibull.id })
        #expect(rowG["roi_q05_tv_S"] != rowW["roi_q05_tv_S"], "geometric and Weibull CDF show the same posterior")
        // A native benchmark's table has no posterior columns.
        #expect(PosteriorColumns().columns(plan: plan, summaries: [:]).isEmpty)
    }

    @Test func aVariantFittedWithOtherSettingsIsFittedAgain() async throws {
        let plan = try Bench.plan(#"{"name": "bayes-resume", "iterations": 10, "trials": 1, "variants": {"seed": [{"name": "a", "seed": 1}, {"name": "b", "seed": 2}]}}"#)
        let dir = try TemporaryDirectory.make("mmm-bench-bayes")
        let (first, _, _) = try await Self.run(plan, in: dir, backend: Self.map())
        #expect(first.trained.count == 2)
        let (same, _, _) = try await Self.run(plan, in: dir, backend: Self.map())
        #expect(same.resumed.count == 2 && same.trained.isEmpty)
        let (other, _, _) = try await Self.run(plan, in: dir, backend: Self.map(draws: 50))
        #expect(other.trained.count == 2 && other.resumed.isEmpty)
        let (native, _, _) = try await Self.run(plan, in: dir, backend: NativeBackend())
        #expect(native.trained.count == 2 && native.resumed.isEmpty)
    }
}
