import Foundation
import MMMCore

/// Run folders under a directory on the local file system.
public struct LocalRunStore: RunStore {
    /// The parent directory of the run folders.
    public let root: URL

    /// A store rooted at `root` (created on the first run).
    public init(root: String) {
        self.root = URL(fileURLWithPath: root)
    }

    public var location: String { root.path }

    /// Claims `<root>/<id>` atomically: `mkdir` fails if it exists, so two runs can never share a folder.
    public func createRun(id: String, allowSuffix: Bool) async throws -> any RunFolder {
        try claim(id: id, allowSuffix: allowSuffix)
    }

    /// The synchronous form of ``createRun(id:allowSuffix:)``.
    public func claim(id: String, allowSuffix: Bool) throws -> LocalRunFolder {
        guard PathSegment.isSafe(id) else {
            throw ConfigError(path: "run_id", "'\(id)' must be one path segment of letters, digits, '-', '_' or '.'")
        }
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: root.path, reason: "cannot create the output folder")
        }
        var candidate = id
        var n = 2
        while true {
            let url = root.appendingPathComponent(candidate)
            if mkdir(url.path, 0o755) == 0 { return LocalRunFolder(directory: url, runId: candidate) }
            guard errno == EEXIST else { throw FileWriteError(path: url.path, reason: String(cString: strerror(errno))) }
            guard allowSuffix else {
                throw ConfigError(path: "run_id", "the run folder \(url.path) already exists; choose another run id")
            }
            candidate = "\(id)-\(n)"
            n += 1
        }
    }

    public func openRun(id: String) async throws -> (any RunFolder)? {
        guard PathSegment.isSafe(id) else { return nil }
        let url = root.appendingPathComponent(id)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return LocalRunFolder(directory: url, runId: id)
    }

    public func runIds() async throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return PathSegment.isSafe(name)
                && FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    public func nestedStore(_ id: String) -> (any RunStore)? {
        PathSegment.isSafe(id) ? LocalRunStore(root: root.appendingPathComponent(id).path) : nil
    }
}

/// One run folder on the local file system; every file is written through a temporary file and a rename.
public struct LocalRunFolder: RunFolder {
    /// The run folder.
    public let directory: URL
    public let runId: String

    /// A folder that already exists (see ``LocalRunStore/claim(id:allowSuffix:)`` to make one).
    public init(directory: URL, runId: String) {
        self.directory = directory
        self.runId = runId
    }

    public var location: String { directory.path }

    public func write(_ data: Data, to name: String) async throws {
        try AtomicFile.write(data, to: try path(name))
    }

    public func append(_ data: Data, to name: String) async throws {
        let path = try path(name)
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
        let destination = try path(name)
        let temporary = directory.appendingPathComponent(".\(name).tmp-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw FileWriteError(path: destination, reason: "cannot create a temporary file")
        }
        do {
            try produce { chunk in try handle.write(contentsOf: chunk) }
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileWriteError(path: destination, reason: "\(error)")
        }
        if rename(temporary, destination) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileWriteError(path: destination, reason: "cannot rename the temporary file")
        }
    }

    public func read(_ name: String) async throws -> Data? {
        FileManager.default.contents(atPath: try path(name))
    }

    public func fileNames() async throws -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The path of a file of the run; names are plain file names (no folders, no `..`).
    private func path(_ name: String) throws -> String {
        guard PathSegment.isSafe(name) else {
            throw FileWriteError(path: directory.appendingPathComponent(name).path, reason: "not a plain file name")
        }
        return directory.appendingPathComponent(name).path
    }
}
