import Foundation

extension DataPreparer {
    /// Reads a CSV file and prepares it for `config`; the first manifest step (`read_csv`) says which delimiter and
    /// decimal mark were used.
    /// - Parameters:
    ///   - csvPath: the file.
    ///   - config: the job configuration.
    ///   - reader: the CSV reader; nil means one set up from `config.csv` (delimiter detected unless configured).
    ///   - digest: hex digest of the file's bytes for the manifest (the CLI passes SHA-256 from MMMTransport; Core links
    ///     no crypto library).
    /// - Returns: the final state.
    /// - Throws: ``DataError`` / ``ConfigError``.
    public func prepare(
        csvPath: String, config: JobConfig, reader: CSVReader? = nil, digest: ((Data) -> String)? = nil
    ) throws -> PreparationState {
        let reader = reader ?? CSVReader(options: CSVReader.Options(config.csv))
        let (table, data) = try CSVFile.load(path: csvPath, reader: reader)
        return try prepare(
            table, config: config, source: csvPath, sourceSHA256: digest?(data), readNote: reader.formatNote(for: data))
    }

    /// Writes the prepared CSV and its manifest, each atomically; the manifest is written last.
    /// - Throws: ``FileWriteError``.
    public static func write(_ state: PreparationState, csvPath: String, manifestPath: String) throws {
        try CSVWriter().write(state.table, to: csvPath)
        try AtomicFile.write(try StrictJSON.encode(state.manifest), to: manifestPath)
    }
}
