import Foundation
import MMMTestSupport
import Testing

@testable import MMMCore
@testable import MMMEngine

/// Paths and helpers for the training tests.
enum TrainingFixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let demoData = repoRoot.appendingPathComponent("Examples/data/dt_simulated_weekly.csv").path
    static let demoConfig = repoRoot.appendingPathComponent("Examples/configs/demo_job_config.json").path

    static func demoState(_ configure: (inout JobConfig) -> Void = { _ in }) throws -> PreparationState {
        var config = try JobConfigLoader.load(path: demoConfig).config
        configure(&config)
        try config.validate()
        return try DataPreparer().prepare(csvPath: demoData, config: config)
    }

    static func temporaryDirectory() throws -> URL { try TemporaryDirectory.make("mmm-engine") }

    /// Robyn's demo `dt_mod` (Prophet columns precomputed by Robyn) joined with the two spend columns it lacks.
    static func demoModellingTable() throws -> DataTable {
        let dtMod = try CSVReader().read(path: Fixtures.robyn("robyn_demo_dt_mod.csv").path)
        let raw = try CSVReader().read(path: demoData)
        var columns = dtMod.columns
        for name in ["facebook_S", "search_S"] {
            guard let column = raw[name] else { throw Fixtures.FixtureError(description: "missing \(name)") }
            columns.append(column)
        }
        return try DataTable(columns: columns)
    }
}
