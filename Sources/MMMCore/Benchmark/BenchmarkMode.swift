/// How many candidates each variant trains (reference-system §2.8).
public enum BenchmarkMode: String, Codable, Sendable, CaseIterable {
    /// The first variant only, at 10 iterations × 1 trial: checks the plumbing.
    case testRun = "test_run"
    /// Every variant at 10 × 1.
    case testRunAll = "test_run_all"
    /// Every variant at the config's iterations × trials.
    case configured = "default"
    /// Every variant at 1,000 × 3.
    case fullRun = "full_run"

    /// Iterations and trials for a config whose own counts are `iterations` × `trials`.
    public func counts(iterations: Int, trials: Int) -> (iterations: Int, trials: Int) {
        switch self {
        case .testRun, .testRunAll: return (10, 1)
        case .configured: return (iterations, trials)
        case .fullRun: return (1000, 3)
        }
    }

    /// The suffix of the benchmark id (`_test`, `_testall`), as the previous system named test runs.
    public var idSuffix: String {
        switch self {
        case .testRun: return "_test"
        case .testRunAll: return "_testall"
        case .configured, .fullRun: return ""
        }
    }

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }
}
