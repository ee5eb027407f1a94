import Foundation
import MMMCore

/// A stored object's bytes and the version they were read at (a GCS generation, or the local version number).
public struct VersionedObject: Sendable, Equatable {
    /// The bytes.
    public let data: Data
    /// The version; a write that names it succeeds only if nobody wrote in between.
    public let version: Int64

    /// Creates a value.
    public init(data: Data, version: Int64) {
        self.data = data
        self.version = version
    }
}

/// Where a queue keeps its objects: one object per job under `jobs/`, and write-once side files (the jobs'
/// configurations under `configs/`).
///
/// Every job write is a compare-and-swap: ``createJob(_:_:)`` only if absent, ``replaceJob(_:_:expected:)`` only if
/// the job is still at the version read. Nothing ever overwrites blindly, so no update is lost; a writer that
/// loses the race reads again and re-applies its change (``JobQueue/update(_:by:_:)``).
public protocol QueueStore: Sendable {
    /// The queue's location (`gs://bucket/prefix/<queue>` or `/dir/<queue>`), for messages.
    var location: String { get }
    /// The ids of the jobs, sorted.
    /// - Throws: when the store cannot be listed.
    func jobIds() async throws -> [String]
    /// Reads a job.
    /// - Parameter id: The job id.
    /// - Returns: The bytes and version, or nil when there is no such job.
    func readJob(_ id: String) async throws -> VersionedObject?
    /// Creates a job only if it does not exist.
    /// - Returns: The new version, or nil when the job exists.
    func createJob(_ id: String, _ data: Data) async throws -> Int64?
    /// Replaces a job only if it is still at `expected`.
    /// - Returns: The new version, or nil when the job changed (or was deleted) since it was read.
    func replaceJob(_ id: String, _ data: Data, expected: Int64) async throws -> Int64?
    /// Deletes a job (only terminal jobs are deleted, and nobody writes those).
    /// - Returns: Whether it was deleted (false: it changed or is gone).
    func deleteJob(_ id: String, expected: Int64) async throws -> Bool
    /// Writes a side file once (e.g. `configs/<id>.json`); an existing file with the same bytes is accepted.
    /// - Returns: Its location, as a worker reads it (a `gs://` URI or a path).
    /// - Throws: ``QueueUsageError`` when it exists with other bytes.
    func putFile(_ name: String, _ data: Data) async throws -> String
    /// Deletes a side file if it exists.
    func deleteFile(_ name: String) async throws
}

/// A queue request that cannot be carried out as asked (exit code 2): a bad queue name or root, a job id that is
/// taken with another configuration, a backend that cannot reach the job's paths.
public struct QueueUsageError: CategorizedError, Equatable {
    /// What is wrong and what to do.
    public var description: String
    public var category: ErrorCategory { .usage }

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}

/// A queue operation that failed at run time (exit code 1), e.g. a store that keeps answering with conflicts.
public struct QueueRuntimeError: CategorizedError, Equatable {
    /// What went wrong.
    public var description: String
    public var category: ErrorCategory { .runtime }

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}
