import Foundation
import MMMCore

/// Where run folders live: a local directory (``LocalRunStore``) or a `gs://` prefix (``GCSRunStore``).
///
/// A store hands out ``RunFolder``s. Writers put `status.json` first (RUNNING) and last (terminal), every other
/// file in between, each written whole (temporary + rename, or a create-only upload), so a reader that sees a terminal
/// status sees every file.
public protocol RunStore: Sendable {
    /// Human-readable location of the store (a path or URI), for messages.
    var location: String { get }
    /// Claims a new run folder named `id`.
    /// - Parameters:
    ///   - id: the folder name; must be one safe path segment (``PathSegment/isSafe(_:)``).
    ///   - allowSuffix: for generated ids, take `-2`, `-3`, … when the folder exists. A caller-chosen id (a queue
    ///     recorded it before launching) must not silently move, so without this an existing folder is an error.
    /// - Returns: the claimed folder; its ``RunFolder/runId`` may carry a suffix.
    /// - Throws: ``ConfigError`` (path `run_id`) for an unsafe or taken id, ``FileWriteError`` when it cannot be made.
    func createRun(id: String, allowSuffix: Bool) async throws -> any RunFolder
    /// Opens an existing run folder for reading (and resuming).
    /// - Returns: nil when no such run exists.
    func openRun(id: String) async throws -> (any RunFolder)?
    /// The ids of the runs in the store, sorted.
    func runIds() async throws -> [String]
    /// A store rooted at the folder `id`, for folders that hold runs rather than being one (run history descends
    /// into `robyn/<revision>/<country>/`).
    /// - Returns: nil when the store has no nested folders (the default).
    func nestedStore(_ id: String) -> (any RunStore)?
}

extension RunStore {
    public func nestedStore(_ id: String) -> (any RunStore)? { nil }
}

/// One run's folder.
public protocol RunFolder: Sendable {
    /// The run's id (the folder name).
    var runId: String { get }
    /// Human-readable location of the folder (a path or URI), for messages.
    var location: String { get }
    /// Writes (atomically replaces) one file of the run.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - name: a relative path inside the run folder, e.g. `model_summary.json`.
    func write(_ data: Data, to name: String) async throws
    /// Appends bytes to a log file of the run (created if missing).
    func append(_ data: Data, to name: String) async throws
    /// Writes one file from chunks produced by `produce`, atomically (the file appears complete or not at all).
    /// For large tables that should not be held in memory whole.
    func writeStreaming(to name: String, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) async throws
    /// Reads one file of the run.
    /// - Returns: nil when the file does not exist.
    func read(_ name: String) async throws -> Data?
    /// The names of the files in the folder, sorted.
    func fileNames() async throws -> [String]
}

extension RunFolder {
    /// Writes a contract as strict JSON.
    public func writeJSON<T: Encodable>(_ value: T, to name: String) async throws {
        try await write(try StrictJSON.encode(value), to: name)
    }

    /// Reads the run's `status.json`, if there is one.
    /// - Throws: ``ConfigError`` when it exists but is not a valid status.
    public func status() async throws -> RunStatus? {
        guard let data = try await read("status.json") else { return nil }
        return try StrictJSON.decode(RunStatus.self, from: data, file: location + "/status.json")
    }
}
