import Foundation
import MMMCloud
import MMMCore

/// Where queues live: a local folder (the embedded default) or a Cloud Storage prefix. A queue `NAME` is the
/// folder or prefix `<root>/NAME/`.
public enum QueueRoot: Sendable, Equatable, CustomStringConvertible {
    /// A local folder.
    case local(String)
    /// A Cloud Storage bucket or prefix.
    case gcs(GCSURI)

    /// The variable that gives the default root.
    public static let environmentVariable = "MMM_QUEUE_ROOT"

    /// Parses `gs://BUCKET[/PREFIX]` or a folder path.
    /// - Parameter text: The root as given.
    /// - Throws: ``QueueUsageError`` for an empty root or a malformed `gs:` URI (any spelling of `gs:`, so a typo
    ///   never becomes a local folder named `gs:`).
    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw QueueUsageError("the queue root is empty; pass --queue-root gs://BUCKET/PREFIX or a folder") }
        if trimmed.prefix(3).lowercased() == "gs:" {
            do {
                self = .gcs(try GCSURI(trimmed))
            } catch {
                throw QueueUsageError("--queue-root: \(error)")
            }
        } else {
            self = .local(trimmed)
        }
    }

    /// The root from a flag, else from `MMM_QUEUE_ROOT`.
    /// - Throws: ``QueueUsageError`` when neither is given.
    public static func resolve(flag: String?, environment: [String: String]) throws -> QueueRoot {
        if let flag { return try QueueRoot(flag) }
        if let value = environment[environmentVariable], !value.isEmpty { return try QueueRoot(value) }
        throw QueueUsageError("no queue root: pass --queue-root gs://BUCKET/PREFIX or a folder, or set \(environmentVariable)")
    }

    /// Checks a queue name: one path segment of letters, digits, `-`, `_`, `.` — used exactly as given (the previous
    /// system silently rewrote names in one place and not another, and jobs were never processed; §9 item 6).
    /// - Throws: ``QueueUsageError`` for anything else.
    public static func checkQueueName(_ name: String) throws {
        guard PathSegment.isSafe(name) else {
            throw QueueUsageError("--queue '\(name)' must be one path segment of letters, digits, '-', '_' or '.'")
        }
    }

    /// Whether this is a Cloud Storage root.
    public var isGCS: Bool { if case .gcs = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .local(let path): path
        case .gcs(let uri): uri.description
        }
    }

    /// The store of queue `queue`.
    /// - Parameters:
    ///   - queue: The queue's name.
    ///   - storage: Makes the Cloud Storage client (called only for a `gs://` root).
    /// - Throws: ``QueueUsageError`` for a bad name; whatever `storage` throws.
    public func store(queue: String, storage: () async throws -> GCSClient) async throws -> any QueueStore {
        try Self.checkQueueName(queue)
        switch self {
        case .local(let path): return LocalQueueStore(root: path, queue: queue)
        case .gcs(let uri): return try GCSQueueStore(client: try await storage(), root: uri, queue: queue)
        }
    }
}
