import Foundation

/// A file could not be written.
public struct FileWriteError: CategorizedError, Equatable {
    /// The destination path.
    public var path: String
    /// What went wrong.
    public var reason: String

    /// Creates the error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var category: ErrorCategory { .runtime }
    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes files so that readers never see a half-written file: write a temporary file in the same directory, then
/// rename it over the destination (rename is atomic within one file system).
public enum AtomicFile {
    /// Writes `data` to `path`, creating parent directories as needed.
    /// - Throws: ``FileWriteError``.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: path, reason: "cannot create directory \(directory.path)")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw FileWriteError(path: path, reason: "cannot create a temporary file in \(directory.path)")
        }
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw FileWriteError(path: path, reason: String(cString: strerror(code)))
        }
    }

    /// Writes UTF-8 text to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
