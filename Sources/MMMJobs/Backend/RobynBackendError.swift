import MMMCore

/// Why the Robyn (R) backend could not train: R or Robyn missing, `r/run_all.R` not found, R failing, or R writing
/// files that break the contract.
public enum RobynBackendError: CategorizedError, Equatable {
    /// No `Rscript` on PATH (or `MMM_RSCRIPT` names no executable file).
    case rscriptNotFound(String)
    /// `r/run_all.R` was not found.
    case scriptNotFound(searched: [String])
    /// R runs but a required R package (Robyn, jsonlite) is missing; the message names the install step.
    case packageMissing(String)
    /// The probe (`Rscript run_all.R --probe`) did not answer as expected.
    case probeFailed(String)
    /// R ran and failed: the step it failed in and its message.
    case robynFailed(step: String, message: String)
    /// R finished but a file it wrote breaks the contract.
    case invalidOutput(file: String, reason: String)

    public var category: ErrorCategory {
        switch self {
        case .invalidOutput, .robynFailed, .probeFailed: return .runtime
        case .rscriptNotFound, .scriptNotFound, .packageMissing: return .usage
        }
    }

    public var description: String {
        switch self {
        case .rscriptNotFound(let detail):
            return "R is not installed: \(detail); install R (Debian: apt-get install r-base-core r-cran-jsonlite) and "
                + "Robyn as r/README.md describes, or set MMM_RSCRIPT to the Rscript to use"
        case .scriptNotFound(let searched):
            return "r/run_all.R not found (looked in \(searched.joined(separator: ", "))); set MMM_R_DIR to the r folder of mmm-trainer"
        case .packageMissing(let message):
            return message
        case .probeFailed(let message):
            return "R could not be started for the Robyn backend: \(message)"
        case .robynFailed(let step, let message):
            return "Robyn failed in \(step): \(message)"
        case .invalidOutput(let file, let reason):
            return "R wrote an invalid \(file): \(reason)"
        }
    }
}
