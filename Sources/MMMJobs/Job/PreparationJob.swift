import Foundation
import MMMCore

/// `data prepare` as a job: read a table from a source, prepare it for one configuration, and write the prepared
/// table and its manifest (each atomically; the manifest last), plus the input snapshot when the source has one.
public struct PreparationJob: Sendable {
    /// The configuration.
    public var config: JobConfig
    /// The input table.
    public var source: any TableSource
    /// Preparation options.
    public var options = DataPreparer.Options()

    /// Creates a job.
    public init(config: JobConfig, source: any TableSource) {
        self.config = config
        self.source = source
    }

    /// Reads and prepares, reporting every step's diagnostics to `diagnostics`.
    /// - Returns: the prepared state and the loaded input (for its snapshot and provenance).
    /// - Throws: ``DataError`` / ``ConfigError`` / the source's errors.
    public func prepare(diagnostics: any DiagnosticSink = DiscardingDiagnosticSink()) async throws
        -> (state: PreparationState, input: LoadedTable)
    {
        let loaded = try await source.load()
        let state = try DataPreparer(options: options).prepare(
            loaded.table, config: config, source: loaded.provenance.source, sourceSHA256: loaded.provenance.sha256,
            readNote: loaded.formatNote)
        for diagnostic in state.diagnostics { diagnostics.emit(diagnostic) }
        return (state, loaded)
    }

    /// Prepares and writes `outputPath` (CSV, or Parquet for a `.parquet` name) and `manifestPath` (and
    /// `<outputPath>.input_snapshot.csv` for a query result).
    /// - Returns: the prepared state.
    /// - Throws: as ``prepare(diagnostics:)``, and ``FileWriteError``.
    public func run(outputPath: String, manifestPath: String, diagnostics: any DiagnosticSink = DiscardingDiagnosticSink())
        async throws -> PreparationState
    {
        let csvPath = outputPath
        let (state, input) = try await prepare(diagnostics: diagnostics)
        if let snapshot = input.snapshot {
            // Keep the query result next to the prepared file, so the preparation can be reproduced without the source.
            let path = csvPath + "." + snapshot.fileName
            try AtomicFile.write(snapshot.bytes, to: path)
            diagnostics.emit(Diagnostic(.note, code: "snapshot_written", "snapshot of the input → \(path)", step: "load_data"))
        }
        try TableFileFormat.write(state.table, to: outputPath)
        try AtomicFile.write(try StrictJSON.encode(state.manifest), to: manifestPath)
        return state
    }
}
