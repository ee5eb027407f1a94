import Foundation
import MMMCore
import MMMJobs

/// A ``RunStore`` in memory that records every write in order, so tests can check that `status.json` came first
/// and last and that no file was written twice or half.
public final class InMemoryRunStore: RunStore {
    /// One write to a run folder.
    public struct Write: Sendable, Equatable {
        public var run: String
        public var name: String
        public var kind: Kind
        public enum Kind: String, Sendable { case write, append, stream }
    }

    private struct State: Sendable {
        var files: [String: [String: Data]] = [:]
        var writes: [Write] = []
        var failOn: Set<String> = []
    }

    private let state = Locked(State())

    public init() {}

    public var location: String { "memory:" }

    /// Makes the next writes of `name` throw (to test failure paths).
    public func failWrites(of name: String) { state.withLock { _ = $0.failOn.insert(name) } }

    /// Every write so far, in order.
    public var writes: [Write] { state.withLock { $0.writes } }

    /// A file of a run.
    public func file(_ name: String, run: String) -> Data? { state.withLock { $0.files[run]?[name] } }

    /// The file names of a run.
    public func fileNames(run: String) -> [String] { state.withLock { ($0.files[run] ?? [:]).keys.sorted() } }

    public func createRun(id: String, allowSuffix: Bool) async throws -> any RunFolder {
        guard PathSegment.isSafe(id) else { throw ConfigError(path: "run_id", "'\(id)' is not a safe run id") }
        let claimed = try state.withLock { s -> String in
            var candidate = id
            var n = 2
            while s.files[candidate] != nil {
                guard allowSuffix else { throw ConfigError(path: "run_id", "the run \(id) already exists") }
                candidate = "\(id)-\(n)"
                n += 1
            }
            s.files[candidate] = [:]
            return candidate
        }
        return Folder(store: self, runId: claimed)
    }

    public func openRun(id: String) async throws -> (any RunFolder)? {
        state.withLock { $0.files[id] != nil } ? Folder(store: self, runId: id) : nil
    }

    public func runIds() async throws -> [String] { state.withLock { $0.files.keys.sorted() } }

    fileprivate func record(_ run: String, _ name: String, _ kind: Write.Kind, _ update: @Sendable (Data?) -> Data) throws {
        try state.withLock { s in
            if s.failOn.contains(name) { throw FileWriteError(path: "memory:\(run)/\(name)", reason: "injected failure") }
            s.files[run, default: [:]][name] = update(s.files[run]?[name])
            s.writes.append(Write(run: run, name: name, kind: kind))
        }
    }

    private struct Folder: RunFolder {
        let store: InMemoryRunStore
        let runId: String
        var location: String { "memory:\(runId)" }

        func write(_ data: Data, to name: String) async throws {
            try store.record(runId, name, .write) { _ in data }
        }

        func append(_ data: Data, to name: String) async throws {
            try store.record(runId, name, .append) { ($0 ?? Data()) + data }
        }

        func writeStreaming(to name: String, _ produce: (([UInt8]) throws -> Void) throws -> Void) async throws {
            var bytes: [UInt8] = []
            try produce { bytes += $0 }
            let data = Data(bytes)
            try store.record(runId, name, .stream) { _ in data }
        }

        func read(_ name: String) async throws -> Data? { store.file(name, run: runId) }

        func fileNames() async throws -> [String] { store.fileNames(run: runId) }
    }
}
