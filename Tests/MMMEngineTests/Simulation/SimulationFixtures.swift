import Foundation
import MMMCore

@testable import MMMEngine

/// The bundled Robyn demo (Examples/), prepared, as the table simulations are patterned on.
enum SimulationFixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func demoConfig() throws -> JobConfig {
        try JobConfigLoader.load(path: repoRoot.appendingPathComponent("Examples/configs/demo_job_config.json").path).config
    }

    static func prepared(_ config: JobConfig? = nil) throws -> PreparationState {
        let table = try CSVReader().read(path: repoRoot.appendingPathComponent("Examples/data/dt_simulated_weekly.csv").path)
        return try DataPreparer().prepare(table, config: try config ?? demoConfig(), source: "dt_simulated_weekly.csv")
    }

    /// A simulation of the demo with 3 lift tests and a placebo.
    static func simulation(seed: UInt64 = 7, adstock: AdstockType? = nil, configure: (inout SimulationOptions) -> Void = { _ in })
        throws -> Simulation
    {
        var options = SimulationOptions(seed: seed)
        options.roi = ["tv_S": 1.6, "search_S": 3.3]
        options.placebo = true
        options.liftTests = 3
        options.adstock = adstock
        configure(&options)
        return try Simulator.simulate(like: try prepared(), options: options)
    }

    /// Prepares a simulation's own table for training.
    static func preparedSimulation(_ simulation: Simulation, configure: (inout JobConfig) -> Void = { _ in }) throws
        -> PreparationState
    {
        var config = simulation.config
        configure(&config)
        return try DataPreparer().prepare(simulation.data, config: config, source: "simulated")
    }
}
