import Foundation
import MMMCore
import MMMTransport

/// What a variant really trains, found by preparing its data: two variants with the same fingerprint prepare the
/// same table and hand the engine the same configuration, so they train the same model (e.g. weekly aggregation
/// of data that is already weekly).
struct TrainingFingerprint: Sendable {
    /// SHA-256 over the prepared table, its cadence and window, the prepared configuration (without the benchmark
    /// tags and the resampling settings, whose whole effect is in the table) and nothing else.
    let digest: String
    /// The variant's own preparation, kept for the run folder of a variant that is not trained itself.
    let manifest: PreparationManifest
    /// The configuration after preparation.
    let config: JobConfig
    /// The prepared cadence (`daily`, `weekly`, `monthly`).
    let cadence: String?

    /// Prepares `config` on `table`; the configuration enters as `backend` trains it (fields it never reads do not
    /// count).
    /// - Returns: nil when preparation fails or skips (the variant then runs and records that itself).
    static func of(_ config: JobConfig, table: LoadedTable, backend: any TrainingBackend) -> TrainingFingerprint? {
        guard let state = try? DataPreparer().prepare(
            table.table, config: config, source: table.provenance.source, sourceSHA256: table.provenance.sha256),
            state.skipReason == nil
        else { return nil }
        var trained = backend.trainedConfiguration(state.config)
        trained.benchmark = nil
        trained.resampleFreq = .none
        trained.columnAggStrategies = [:]
        var bytes = Data(CSVWriter().bytes(for: state.table))
        let window = state.windowRows.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "-"
        bytes.append(Data("\n\(state.cadence?.rawValue ?? "-")\n\(window)\n\(state.dateColumn ?? "-")\n".utf8))
        guard let configBytes = try? StrictJSON.encode(trained) else { return nil }
        bytes.append(configBytes)
        return TrainingFingerprint(
            digest: SHA256Digest.hex(bytes), manifest: state.manifest, config: state.config, cadence: state.cadence?.rawValue)
    }

    /// The top-level job config fields in which two configurations differ.
    static func differingFields(_ a: JobConfig, _ b: JobConfig) -> [String] {
        guard let x = try? JSONDecoder().decode([String: BenchmarkJSONValue].self, from: try JSONEncoder().encode(a)),
            let y = try? JSONDecoder().decode([String: BenchmarkJSONValue].self, from: try JSONEncoder().encode(b))
        else { return [] }
        return Set(x.keys).union(y.keys).filter { x[$0] != y[$0] }.sorted()
    }
}
