import ArgumentParser
import MMMCore
import MMMJobs

/// `--backend`: what trains the models.
enum BackendChoice: String, ExpressibleByArgument, CaseIterable {
    /// The native engine (Robyn's semantics in Swift).
    case native
    /// Meta's Robyn, the R package, through r/run_all.R (r/README.md).
    case robyn
    /// The Bayesian backend (NUTS on the native engine's design; docs/bayes.md).
    case bayes

    /// The option's help text.
    static let help: ArgumentHelp =
        "Training engine: native (default), robyn (Meta's Robyn in R via r/run_all.R; needs R and the Robyn package, see r/README.md; R from PATH or MMM_RSCRIPT, run_all.R found next to the program or via MMM_R_DIR), or bayes (a Bayesian model fitted by NUTS, with posterior intervals; docs/bayes.md)."

    /// Makes the backend. For Robyn this finds R and checks that Robyn loads, before any run folder exists.
    /// - Parameter bayes: the Bayesian backend's settings.
    /// - Throws: ``RobynBackendError`` naming what is missing and how to install it.
    func make(bayes: BayesSettings = BayesSettings()) async throws -> any TrainingBackend {
        try await name.make(bayes: bayes)
    }

    /// A backend to ask which config fields it reads, when linking a plan's `same_as` variants: Robyn reads the
    /// native engine's, so it need not be made (and R found) just for that; the Bayesian settings do not matter.
    var linkingReader: any TrainingBackend {
        self == .bayes ? BayesBackend() : NativeBackend()
    }

    /// The library's name for it.
    var name: BackendName {
        switch self {
        case .native: .native
        case .robyn: .robyn
        case .bayes: .bayes
        }
    }
}
