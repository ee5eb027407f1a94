import Foundation
import MMMCore
import MMMEngine

/// `mmm-cli simulate` as a job: prepare the real table, simulate on it, and write `data.csv`, `job_config.json`,
/// `lift_tests.csv` (with lift tests) and `truth.json` (last) into a directory, each atomically.
public struct SimulationJob: Sendable {
    /// The real data's configuration.
    public var config: JobConfig
    /// The real table.
    public var source: any TableSource
    /// What to simulate.
    public var options: SimulationOptions
    /// The holiday calendar; nil means the config's `holidays_path`, else the built-in table.
    public var holidays: HolidayCalendar?

    /// Creates a job.
    public init(config: JobConfig, source: any TableSource, options: SimulationOptions) {
        self.config = config
        self.source = source
        self.options = options
    }

    /// The files a simulation writes.
    public static let files = (data: "data.csv", config: "job_config.json", liftTests: "lift_tests.csv", truth: "truth.json")

    /// Simulates without writing.
    /// - Parameter diagnostics: receives the preparation's diagnostics.
    /// - Returns: the simulation.
    /// - Throws: the source's, preparation's and ``Simulator``'s errors.
    public func simulate(diagnostics: any DiagnosticSink = DiscardingDiagnosticSink()) async throws -> Simulation {
        let (state, input) = try await PreparationJob(config: config, source: source).prepare(diagnostics: diagnostics)
        if let reason = state.skipReason { throw SimulationError("the data cannot be modelled, so it cannot be simulated: \(reason)") }
        let calendar = try holidays ?? state.config.holidaysPath.map { try HolidayCalendar(csvPath: $0) }
        let name = URL(fileURLWithPath: input.provenance.source).lastPathComponent
        return try Simulator.simulate(
            like: state, options: options, holidays: calendar, source: (name, input.provenance.sha256))
    }

    /// Simulates and writes the files into `directory` (created if needed).
    /// - Returns: the simulation and the paths written.
    /// - Throws: as ``simulate(diagnostics:)``, and ``FileWriteError``.
    public func run(directory: String, diagnostics: any DiagnosticSink = DiscardingDiagnosticSink()) async throws
        -> (simulation: Simulation, files: [String])
    {
        let simulation = try await simulate(diagnostics: diagnostics)
        let folder = URL(fileURLWithPath: directory)
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        var written: [String] = []
        try AtomicFile.write(Data(CSVWriter().bytes(for: simulation.data)), to: path(Self.files.data))
        written.append(path(Self.files.data))
        try AtomicFile.write(try StrictJSON.encode(simulation.config), to: path(Self.files.config))
        written.append(path(Self.files.config))
        if !simulation.liftTests.isEmpty {
            try AtomicFile.write(CalibrationCSV.render(simulation.liftTests), to: path(Self.files.liftTests))
            written.append(path(Self.files.liftTests))
        }
        // Last: a directory with truth.json is complete.
        try AtomicFile.write(try StrictJSON.encode(simulation.truth), to: path(Self.files.truth))
        written.append(path(Self.files.truth))
        return (simulation, written)
    }
}
