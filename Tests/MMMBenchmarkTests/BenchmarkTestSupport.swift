import Foundation
import MMMCore
import MMMJobs
import MMMTestSupport

/// Paths and small helpers for the benchmark tests.
enum Bench {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func repo(_ relative: String) -> String { repoRoot.appendingPathComponent(relative).path }
    static let demoConfig = repo("Examples/configs/demo_job_config.json")
    static let demoData = repo("Examples/data/dt_simulated_weekly.csv")

    static func base() throws -> JobConfig { try JobConfigLoader.load(path: demoConfig).config }

    /// Decodes a benchmark config from text.
    static func config(_ json: String) throws -> BenchmarkConfig {
        try StrictJSON.decode(BenchmarkConfig.self, from: Data(json.utf8))
    }

    /// A plan of `json` on the demo base.
    static func plan(_ json: String, mode: BenchmarkMode = .configured) throws -> BenchmarkPlan {
        try BenchmarkGenerator(config: try config(json), base: try base(), baseLabel: "demo", mode: mode)
            .plan(createdAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    static func table() async throws -> LoadedTable { try await CSVFileSource(path: demoData).load() }

    /// Runs a plan into a fresh folder with two variants at a time, one thread each.
    static func run(_ plan: BenchmarkPlan, in root: URL? = nil) async throws -> (BenchmarkRunReport, LocalBenchmarkWorkspace) {
        let dir = try root ?? TemporaryDirectory.make("mmm-bench-tests")
        let workspace = LocalBenchmarkWorkspace(output: dir.path, benchmarkId: plan.benchmarkId)
        let runner = BenchmarkRunner(
            plan: plan, table: try await table(), workspace: workspace,
            schedule: BenchmarkSchedule(cores: 2, parallel: 2, threads: 1, variants: plan.variants.count))
        return (try await runner.run(), workspace)
    }

    static func read<T: Decodable>(_ type: T.Type, _ workspace: LocalBenchmarkWorkspace, variant: String, _ file: String) throws -> T {
        try StrictJSON.decode(type, path: workspace.path("variants/\(variant)/\(file)"))
    }
}
