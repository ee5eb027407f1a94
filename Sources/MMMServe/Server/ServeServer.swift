import Foundation
import Hummingbird
import Logging
import MMMCloud
import MMMCore
import MMMJobs
import MMMTransport
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `mmm-cli serve`: one process with the REST API, sign-in, the web pages and the training workers.
public enum ServeServer {
    /// Runs until SIGTERM or SIGINT, then shuts down gracefully: stops accepting connections, finishes the requests
    /// in flight, stops the local workers (their runs record FAILED `cancelled`) and returns.
    /// - Parameters:
    ///   - configuration: the settings.
    ///   - log: where console lines go (the dev login link, worker failures).
    ///   - onListening: called with the bound port once the server accepts connections.
    /// - Throws: when the server cannot start (address in use, store not reachable).
    public static func run(
        _ configuration: ServeConfiguration, log: @escaping @Sendable (String) -> Void,
        onListening: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws {
        let (application, state) = try await makeApplication(configuration, log: log, onListening: onListening)
        let group = ServiceGroup(
            configuration: .init(
                services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "mmm-serve")))
        try await group.run()
        await state.runs.shutdown()
        await state.benchmarks.shutdown()
    }

    /// Starts a server in this process and returns once it listens (tests and embedding).
    /// - Returns: a handle with the bound port; call ``ServeHandle/shutdown()`` to stop it.
    public static func start(_ configuration: ServeConfiguration, log: @escaping @Sendable (String) -> Void = { _ in }) async throws
        -> ServeHandle
    {
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let (application, state) = try await makeApplication(configuration, log: log) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [application], logger: Logger(label: "mmm-serve")))
        let task = Task { try await group.run() }
        var port: Int?
        for await bound in stream { port = bound }
        guard let port else {
            task.cancel()
            _ = await task.result
            throw ServeStartError(description: "the server did not start listening")
        }
        return ServeHandle(port: port, group: group, task: task, state: state)
    }

    static func makeApplication(
        _ configuration: ServeConfiguration, log: @escaping @Sendable (String) -> Void, onListening: @escaping @Sendable (Int) -> Void
    ) async throws -> (some Service, ServeState) {
        let work = URL(fileURLWithPath: configuration.workDirectory)
        for sub in ["uploads", "datasets", "benchmarks"] {
            try FileManager.default.createDirectory(at: work.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let location = try StorageLocation(configuration.store)
        let cloud = GoogleCloudServices(environment: GoogleCloudEnvironment.current())
        let store = try await RunLocator.store(at: location, cloud: cloud)
        let threads = configuration.threadsPerRun ?? max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, configuration.workers))
        let settings = WorkerSettings(
            executable: configuration.workerExecutable, environment: configuration.workerEnvironment,
            storeLocation: configuration.store, workers: max(1, configuration.workers), threads: threads)
        let metrics = ServeMetrics()
        var dispatch: QueueDispatch?
        if let root = configuration.queueRoot {
            dispatch = try await QueueDispatch.open(
                root: root, name: configuration.queueName, store: configuration.store, pollSeconds: configuration.queuePollSeconds,
                cloud: cloud)
        }
        let runs = RunManager(
            store: store, settings: settings, uploads: work.appendingPathComponent("uploads"), metrics: metrics, dispatch: dispatch,
            log: log)
        let benchmarks = BenchmarkManager(root: work.appendingPathComponent("benchmarks"), settings: settings, log: log)
        let secure = !(configuration.isLoopback && (configuration.publicURL ?? "http:").hasPrefix("http:"))
        let auth = Authenticator(settings: configuration.auth, transport: URLSessionTransport(), secureCookies: secure)
        let state = ServeState(
            configuration: configuration, store: store, runs: runs, benchmarks: benchmarks, auth: auth, metrics: metrics,
            datasets: DatasetStore(root: work.appendingPathComponent("datasets")), log: log)
        let router = Routes.router(state)
        var logger = Logger(label: "mmm-serve")
        logger.logLevel = .warning
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "mmm-serve"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                state.boundPort.withLock { $0 = port }
                if configuration.auth.devAuth {
                    let url = state.publicURL + "/auth/dev?token=" + auth.newDevToken()
                    log("dev sign-in (one use): \(url)")
                }
                onListening(port)
            },
            logger: logger)
        return (application, state)
    }
}

/// A server started with ``ServeServer/start(_:log:)``.
public final class ServeHandle: Sendable {
    /// The port it listens on.
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    let state: ServeState

    init(port: Int, group: ServiceGroup, task: Task<Void, any Error>, state: ServeState) {
        self.port = port
        self.group = group
        self.task = task
        self.state = state
    }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// A one-time dev sign-in link (with `--dev-auth`).
    public func devLoginURL() -> String { baseURL + "/auth/dev?token=" + state.auth.newDevToken() }

    /// Waits until every accepted run and benchmark has finished (tests).
    public func waitUntilIdle() async {
        await state.runs.waitUntilIdle()
        await state.benchmarks.waitUntilIdle()
    }

    /// Stops gracefully: no new connections, requests in flight finish, workers are stopped.
    public func shutdown() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
        await state.runs.shutdown()
        await state.benchmarks.shutdown()
    }
}

/// The server could not start.
public struct ServeStartError: Error, CustomStringConvertible {
    public let description: String
}
