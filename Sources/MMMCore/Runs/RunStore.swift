import Foundation

/// Where a run's files go: a local directory now, a `gs://` prefix through MMMCloud later.
///
/// Writers put every file first and `status.json` last, so a reader that sees a terminal status sees every file.
public protocol RunStore: Sendable {
    /// Human-readable location of the run folder (a path or URI), for messages.
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
}

/// A run folder on the local file system.
public struct LocalRunStore: RunStore {
    /// The run folder.
    public let directory: URL

    /// Creates the folder (and parents).
    /// - Throws: ``FileWriteError`` if it cannot be created.
    public init(directory: URL) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: directory.path, reason: "cannot create the run folder")
        }
    }

    public var location: String { directory.path }

    public func write(_ data: Data, to name: String) async throws {
        try AtomicFile.write(data, to: directory.appendingPathComponent(name).path)
    }

    public func append(_ data: Data, to name: String) async throws {
        let path = directory.appendingPathComponent(name).path
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw FileWriteError(path: path, reason: "cannot create the file")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw FileWriteError(path: path, reason: "cannot open the file for appending")
        }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(data)
    }

    public func writeStreaming(to name: String, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) async throws {
        let destination = directory.appendingPathComponent(name)
        let temporary = directory.appendingPathComponent(".\(name).tmp-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else {
            throw FileWriteError(path: destination.path, reason: "cannot create a temporary file")
        }
        do {
            try produce { chunk in try handle.write(contentsOf: chunk) }
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw FileWriteError(path: destination.path, reason: "\(error)")
        }
        if rename(temporary.path, destination.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw FileWriteError(path: destination.path, reason: "cannot rename the temporary file")
        }
    }

    /// Claims a new run folder `<root>/<run id>`, atomically (`mkdir` fails if it exists, so two runs can never share
    /// a folder).
    /// - Parameters:
    ///   - runId: the folder name; must be one safe path segment.
    ///   - allowSuffix: for generated ids, take `-2`, `-3`, … when the folder exists. A caller-chosen id (a queue
    ///     recorded it before launching) must not silently move, so without this an existing folder is an error.
    /// - Throws: ``ConfigError`` for an unsafe or taken id, ``FileWriteError`` when the folder cannot be created.
    public static func create(root: String, runId: String, allowSuffix: Bool = true) throws
        -> (store: LocalRunStore, runId: String)
    {
        guard PathSegment.isSafe(runId) else {
            throw ConfigError(path: "run_id", "'\(runId)' must be one path segment of letters, digits, '-', '_' or '.'")
        }
        let base = URL(fileURLWithPath: root)
        do {
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: root, reason: "cannot create the output folder")
        }
        var candidate = runId
        var n = 2
        while true {
            let url = base.appendingPathComponent(candidate)
            if mkdir(url.path, 0o755) == 0 { return (try LocalRunStore(directory: url), candidate) }
            guard errno == EEXIST else { throw FileWriteError(path: url.path, reason: String(cString: strerror(errno))) }
            guard allowSuffix else {
                throw ConfigError(path: "run_id", "the run folder \(url.path) already exists; choose another run id")
            }
            candidate = "\(runId)-\(n)"
            n += 1
        }
    }
}
