import Foundation
import MMMTestSupport

/// Paths of the bundled demo data and config, and scratch folders, for the job tests.
enum TrainingFixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let demoData = repoRoot.appendingPathComponent("Examples/data/dt_simulated_weekly.csv").path
    static let demoConfig = repoRoot.appendingPathComponent("Examples/configs/demo_job_config.json").path

    static func temporaryDirectory() throws -> URL { try TemporaryDirectory.make("mmm-jobs") }
}
