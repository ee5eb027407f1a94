import Foundation
import MMMCore
import MMMJobs

/// What every handler shares: the configuration, the run store, the workers, decisions, sign-in and metrics.
final class ServeState: Sendable {
    let configuration: ServeConfiguration
    let store: any RunStore
    let runs: RunManager
    let benchmarks: BenchmarkManager
    let decisions = DecisionService()
    let auth: Authenticator
    let metrics: ServeMetrics
    let datasets: DatasetStore
    /// The port the server listens on (set once it listens; the configuration may say 0).
    let boundPort = Locked(0)
    /// Writes a line on the server's console (stderr).
    let log: @Sendable (String) -> Void

    init(
        configuration: ServeConfiguration, store: any RunStore, runs: RunManager, benchmarks: BenchmarkManager, auth: Authenticator,
        metrics: ServeMetrics, datasets: DatasetStore, log: @escaping @Sendable (String) -> Void
    ) {
        self.configuration = configuration
        self.store = store
        self.runs = runs
        self.benchmarks = benchmarks
        self.auth = auth
        self.metrics = metrics
        self.datasets = datasets
        self.log = log
    }

    /// The base URL people use (for redirects and the dev login link).
    var publicURL: String {
        var bound = configuration
        let port = boundPort.withLock { $0 }
        if port != 0 { bound.port = port }
        return Self.publicURL(bound)
    }

    /// The base URL of a configuration (its `publicURL`, else `http://host:port`).
    static func publicURL(_ configuration: ServeConfiguration) -> String {
        if let url = configuration.publicURL { return url.hasSuffix("/") ? String(url.dropLast()) : url }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(configuration.port)"
    }

    /// The folder of run `id`, or 404.
    func folder(_ id: String) async throws -> any RunFolder {
        guard PathSegment.isSafe(id), let folder = try await store.openRun(id: id) else {
            throw APIError.notFound("no run '\(id.prefix(100))'")
        }
        return folder
    }
}
