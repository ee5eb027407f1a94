import Foundation
import MMMCore

extension PreparationJob {
    /// Prepares and writes the prepared table (CSV, or Parquet for a `.parquet` name) and its manifest to local paths or
    /// `gs://` objects: the input snapshot
    /// (for a query result) first, then the CSV, and the manifest **last**, each replaced whole — so a reader that
    /// finds the manifest finds the CSV it describes.
    /// - Parameters:
    ///   - csv: Where the prepared CSV goes.
    ///   - manifest: Where the manifest goes.
    ///   - files: Reads and writes locations (Cloud Storage through its client).
    ///   - diagnostics: Receives every step's diagnostics.
    /// - Returns: The prepared state.
    /// - Throws: As ``prepare(diagnostics:)``, and ``FileWriteError`` or Cloud Storage errors.
    public func run(
        csv: StorageLocation, manifest: StorageLocation, files: LocationFiles,
        diagnostics: any DiagnosticSink = DiscardingDiagnosticSink()
    ) async throws -> PreparationState {
        if case .local(let csvPath) = csv, case .local(let manifestPath) = manifest {
            return try await run(outputPath: csvPath, manifestPath: manifestPath, diagnostics: diagnostics)
        }
        let (state, input) = try await prepare(diagnostics: diagnostics)
        if let snapshot = input.snapshot {
            // Keep the query result next to the prepared file, so the preparation can be reproduced without the source.
            let target = try StorageLocation(csv.description + "." + snapshot.fileName)
            try await files.write(snapshot.bytes, to: target, contentType: "text/csv")
            diagnostics.emit(Diagnostic(.note, code: "snapshot_written", "snapshot of the input → \(target)", step: "load_data"))
        }
        // The table goes through a local temporary file: it can be large, and the upload streams it.
        let format = TableFileFormat.of(csv.description)
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mmm-prepared-\(UUID().uuidString).\(format.rawValue)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try TableFileFormat.write(state.table, to: temporary.path)
        try await files.write(
            fileAt: temporary, to: csv, contentType: format == .parquet ? "application/vnd.apache.parquet" : "text/csv")
        try await files.write(try StrictJSON.encode(state.manifest), to: manifest, contentType: "application/json")
        return state
    }
}
