import Foundation
import MMMCore

#if canImport(Glibc)
    import Glibc
#endif

/// A queue in a local directory (the embedded default), with the same compare-and-swap semantics as Cloud Storage's
/// generations, and no locks:
///
/// ```
/// <root>/<queue>/jobs/<id>/000000000001.json   version 1 (submitted)
///                          000000000002.json   version 2 (claimed) …  the highest version is the job
/// <root>/<queue>/configs/<id>.json             write-once side files
/// <root>/<queue>/.tmp/                         files being written
/// ```
///
/// **Why no update is lost.** A write of version `v + 1` (by a writer that read version `v`) is a hard link of a
/// fully written temporary file to the name `<v + 1>.json`. `link(2)` is atomic and fails with `EEXIST` when the name
/// exists, so of all writers that read `v`, exactly one creates `v + 1`; the others get a conflict, read again and
/// re-apply their change to the winner's content. Version names are never reused while the job exists: old versions
/// are emptied (truncated to zero bytes) to save space, never unlinked, so a stale writer that read an old `v` always
/// finds `v + 1` taken. Readers take the highest version; a version emptied under a slow reader is read again. Every
/// version therefore derives from the one before it, and the chain of versions is the complete, linear history of
/// the job. Files appear complete (written and `fsync`ed before linking), so no reader sees a partial job.
///
/// This needs a file system with atomic `link(2)` (any local one; NFSv3 can report a retried `link` as failed).
/// Deleting a job (``deleteJob(_:expected:)``, terminal jobs only, which nobody writes) renames its folder away first.
public struct LocalQueueStore: QueueStore {
    /// The queue's folder, `<root>/<queue>`.
    public let directory: URL

    /// A store for queue `queue` under `root`.
    /// - Parameters:
    ///   - root: The queue root folder (created on first write).
    ///   - queue: The queue's name.
    public init(root: String, queue: String) {
        directory = URL(fileURLWithPath: root).appendingPathComponent(queue)
    }

    public var location: String { directory.path }

    private var jobsDirectory: URL { directory.appendingPathComponent("jobs") }
    private func jobDirectory(_ id: String) -> URL { jobsDirectory.appendingPathComponent(id) }
    private func versionFile(_ id: String, _ version: Int64) -> URL {
        jobDirectory(id).appendingPathComponent(Self.versionName(version))
    }

    /// `000000000042.json`.
    static func versionName(_ version: Int64) -> String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".json"
    }

    /// The version a file name stands for, or nil for other files.
    static func version(ofFile name: String) -> Int64? {
        guard name.hasSuffix(".json"), name.count == 17 else { return nil }
        return Int64(name.prefix(12))
    }

    public func jobIds() async throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: jobsDirectory.path)) ?? []
        return names.filter { PathSegment.isSafe($0) && !$0.hasPrefix(".") }.sorted()
    }

    public func readJob(_ id: String) async throws -> VersionedObject? {
        // Bounded: each retry means two newer versions were written meanwhile.
        for _ in 0..<1_000 {
            guard let version = versions(id).max() else { return nil }
            guard let data = FileManager.default.contents(atPath: versionFile(id, version).path) else { continue }
            if data.isEmpty { continue }  // emptied after newer versions appeared
            return VersionedObject(data: data, version: version)
        }
        throw QueueRuntimeError("\(jobDirectory(id).path): the job changed faster than it could be read")
    }

    public func createJob(_ id: String, _ data: Data) async throws -> Int64? {
        try makeDirectory(jobDirectory(id))
        guard try link(data, to: versionFile(id, 1)) else { return nil }
        return 1
    }

    public func replaceJob(_ id: String, _ data: Data, expected: Int64) async throws -> Int64? {
        let next = expected + 1
        guard try link(data, to: versionFile(id, next)) else { return nil }
        emptyVersions(of: id, below: next - 1)
        return next
    }

    public func deleteJob(_ id: String, expected: Int64) async throws -> Bool {
        guard versions(id).max() == expected else { return false }
        let trash = directory.appendingPathComponent(".trash")
        try makeDirectory(trash)
        let moved = trash.appendingPathComponent("\(id).\(UUID().uuidString)")
        guard rename(jobDirectory(id).path, moved.path) == 0 else { return false }
        try? FileManager.default.removeItem(at: moved)
        return true
    }

    public func putFile(_ name: String, _ data: Data) async throws -> String {
        let url = directory.appendingPathComponent(name)
        try makeDirectory(url.deletingLastPathComponent())
        if try !link(data, to: url) {
            guard FileManager.default.contents(atPath: url.path) == data else {
                throw QueueUsageError("\(url.path) exists with other content; a job id is used once per queue (choose another --id)")
            }
        }
        return url.path
    }

    public func deleteFile(_ name: String) async throws {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }

    // MARK: - Files

    /// The versions present for a job (none when it does not exist).
    private func versions(_ id: String) -> [Int64] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: jobDirectory(id).path)) ?? []
        return names.compactMap(Self.version(ofFile:))
    }

    /// Writes `data` to a temporary file, flushes it, and links it to `target`.
    /// - Returns: false when `target` exists (someone else wrote that version), or its folder is gone (deleted).
    private func link(_ data: Data, to target: URL) throws -> Bool {
        let temporaryDirectory = directory.appendingPathComponent(".tmp")
        try makeDirectory(temporaryDirectory)
        let temporary = temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try writeFlushed(data, to: temporary.path)
        defer { unlink(temporary.path) }
        if posixLink(temporary.path, target.path) == 0 { return true }
        let code = errno
        if code == EEXIST || code == ENOENT { return false }
        throw FileWriteError(path: target.path, reason: String(cString: strerror(code)))
    }

    private func writeFlushed(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var written = 0
        try data.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
                written += n
            }
        }
        guard fsync(fd) == 0 else { throw FileWriteError(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Empties (never unlinks: see the type's documentation) versions older than `limit`.
    private func emptyVersions(of id: String, below limit: Int64) {
        for version in versions(id) where version < limit {
            let path = versionFile(id, version).path
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                (attributes[.size] as? NSNumber)?.intValue ?? 0 > 0
            {
                truncate(path, 0)
            }
        }
    }

    private func posixLink(_ from: String, _ to: String) -> Int32 {
        #if canImport(Glibc)
            Glibc.link(from, to)
        #else
            Darwin.link(from, to)
        #endif
    }

    private func makeDirectory(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: url.path, reason: "cannot create the folder")
        }
    }
}
