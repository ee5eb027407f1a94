/// The training backends by name, as `--backend`, queue jobs and the server's run requests name them.
public enum BackendName: String, Sendable, Hashable, Codable, CaseIterable {
    /// The native engine (Robyn's semantics in Swift).
    case native
    /// Meta's Robyn, the R package, through r/run_all.R.
    case robyn
    /// The Bayesian backend (docs/bayes.md).
    case bayes

    /// Makes the backend. For Robyn this finds R and checks that Robyn loads, before any run folder exists.
    /// - Parameter bayes: the Bayesian backend's settings (ignored by the others).
    /// - Throws: ``RobynBackendError`` naming what is missing and how to install it.
    public func make(bayes: BayesSettings = BayesSettings()) async throws -> any TrainingBackend {
        switch self {
        case .native: return NativeBackend()
        case .robyn: return RobynBackend(runtime: try await RobynRuntime.probe())
        case .bayes: return BayesBackend(settings: bayes)
        }
    }
}
