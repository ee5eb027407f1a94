import MMMCore

/// Reads a job's calibration CSV into the configuration, so the run's `job_config.json` and `model_summary.json`
/// carry the studies themselves (a run can be repeated without the file).
enum CalibrationFileLoader {
    /// The configuration with `calibration_input` inline.
    /// - Parameter config: the job's configuration.
    /// - Returns: the configuration (unchanged without a calibration file) and a diagnostic saying what was read.
    /// - Throws: ``DataError`` (exit code 3) naming the file, line and column of the first problem.
    static func resolve(_ config: JobConfig) throws -> (config: JobConfig, read: Diagnostic?) {
        guard case .file(let path)? = config.calibrationInput else { return (config, nil) }
        guard !path.hasPrefix("gs://") else {
            throw DataError(
                .invalidValue, "gs:// calibration files need the Google Cloud client (not available yet)", file: path,
                hint: "copy the file locally and pass its path")
        }
        var resolved = config
        let studies = try CalibrationCSV.read(path: path, config: config)
        guard !studies.isEmpty else {
            throw DataError(.emptyFile, "the calibration file has no studies", file: path, hint: "add rows or drop --calibration")
        }
        resolved.calibrationInput = .studies(studies)
        return (resolved, Diagnostic(.info, code: "calibration_read", "read \(studies.count) lift studies from \(path)"))
    }
}
