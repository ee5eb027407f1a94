import ArgumentParser
import Foundation
import MMMCloud
import MMMCore
import MMMJobs
import MMMQueue

/// `--queue-root` and `--queue`, shared by the queue commands and `benchmark run --executor queue`.
struct QueueLocationOptions: ParsableArguments {
    @Option(help: "Queue root: gs://BUCKET/PREFIX or a folder (default: $MMM_QUEUE_ROOT).")
    var queueRoot: String?

    @Option(help: "Queue name, used exactly as given (default: $MMM_QUEUE).")
    var queue: String?

    /// The root (a local root made absolute, so workers started elsewhere find it) and the queue's name.
    func resolve() throws -> (root: QueueRoot, name: String) {
        let environment = ProcessInfo.processInfo.environment
        var root = try QueueRoot.resolve(flag: queueRoot, environment: environment)
        if case .local(let path) = root { root = .local(QueueCLI.absolute(path)) }
        guard let name = queue ?? environment["MMM_QUEUE"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw UsageError("no queue name: pass --queue NAME or set MMM_QUEUE")
        }
        try QueueRoot.checkQueueName(name)
        return (root, name)
    }

    /// Opens the queue.
    func open(_ cloud: GoogleCloudServices) async throws -> (queue: JobQueue, root: QueueRoot) {
        let (root, name) = try resolve()
        let store = try await root.store(queue: name, storage: { try await cloud.storage() })
        return (JobQueue(store: store, name: name), root)
    }
}

/// Helpers shared by the queue commands.
enum QueueCLI {
    /// The process's Google Cloud services (credentials discovered on first use).
    static func cloud(_ console: Console) -> GoogleCloudServices { CloudAccess.services(console) }

    /// Whole-file access to paths and `gs://` URIs.
    static func files(_ cloud: GoogleCloudServices) -> QueueFiles { QueueFiles(cloud: cloud) }

    /// A local path made absolute (workers may run in another folder); `gs://` URIs unchanged.
    static func absolute(_ location: String) -> String {
        guard !QueueFiles.isGCS(location), !location.hasPrefix("/") else { return location }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(location).standardized.path
    }

    /// `7d`, `12h`, `30m`, `45s` or plain seconds.
    static func duration(_ text: String) throws -> TimeInterval {
        let units: [Character: Double] = ["d": 86400, "h": 3600, "m": 60, "s": 1]
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let last = trimmed.last, let unit = units[last], let value = Double(trimmed.dropLast()), value >= 0, value.isFinite {
            return value * unit
        }
        if let value = Double(trimmed), value >= 0, value.isFinite { return value }
        throw FlagValues.Invalid(description: "expected a duration such as 7d, 12h, 30m or 45s")
    }

    /// Seconds > 0.
    static func positiveSeconds(_ text: String) throws -> Double {
        guard let value = Double(text), value > 0, value.isFinite else {
            throw FlagValues.Invalid(description: "expected a number of seconds > 0")
        }
        return value
    }
}
