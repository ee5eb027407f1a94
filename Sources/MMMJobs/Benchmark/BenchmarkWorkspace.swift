import Foundation
import MMMCore

#if canImport(Glibc)
    import Glibc
#endif

/// A benchmark's folder on the local file system: `<output>/<benchmark id>/` with `plan.json`, `variants/<variant
/// id>/` (ordinary run folders), `naive_baseline.json`, `results.csv` and `analysis/`.
public struct LocalBenchmarkWorkspace: Sendable {
    /// The benchmark folder.
    public let directory: URL

    /// The folder of benchmark `benchmarkId` under `output`.
    public init(output: String, benchmarkId: String) {
        directory = URL(fileURLWithPath: output).appendingPathComponent(benchmarkId)
    }

    /// A workspace for an existing benchmark folder (`collect`, `analyze`).
    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory)
    }

    /// Where the variants' run folders live.
    public var variants: LocalRunStore { LocalRunStore(root: directory.appendingPathComponent("variants").path) }

    /// The path of a file of the benchmark.
    public func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Creates the folder.
    /// - Throws: ``FileWriteError`` when it cannot be made.
    public func create() throws {
        do {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("variants"), withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: directory.path, reason: "cannot create the benchmark folder")
        }
    }

    /// Writes one file of the benchmark atomically.
    public func write(_ data: Data, to name: String) throws {
        try AtomicFile.write(data, to: path(name))
    }

    /// Reads one file of the benchmark, nil when missing.
    public func read(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }

    /// Reads `plan.json`.
    /// - Throws: ``ConfigError`` when it is missing or invalid.
    public func plan() throws -> BenchmarkPlan {
        guard FileManager.default.fileExists(atPath: path("plan.json")) else {
            throw ConfigError(file: path("plan.json"), path: "$", "no plan.json: \(directory.path) is not a benchmark folder (it is <output>/<benchmark id>)")
        }
        return try StrictJSON.decode(BenchmarkPlan.self, path: path("plan.json"))
    }

    /// Removes a variant's unfinished or failed run folder so the variant can run again.
    public func discardVariant(_ id: String) throws {
        guard PathSegment.isSafe(id) else { return }
        let url = directory.appendingPathComponent("variants").appendingPathComponent(id)
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            throw FileWriteError(path: url.path, reason: "cannot remove the unfinished run folder")
        }
    }

    /// Takes an exclusive lock on the benchmark folder for this process's lifetime (released by ``BenchmarkLock``
    /// or when the process ends), so two runs cannot train into one benchmark folder at once.
    /// - Throws: ``BenchmarkUsageError`` when another process holds it.
    public func lock() throws -> BenchmarkLock {
        let lockPath = path(".lock")
        // Close-on-exec: a child spawned meanwhile (a worker, R, anything) must not inherit the lock and outlive it.
        let fd = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileWriteError(path: lockPath, reason: String(cString: strerror(errno))) }
        // A few tries over a second: a process being spawned elsewhere in this program holds a copy of the
        // descriptor until its exec closes it; a real second run holds the lock for its whole run.
        var code: Int32 = 0
        for attempt in 0..<20 {
            if attempt > 0 { usleep(50_000) }
            code = flock(fd, LOCK_EX | LOCK_NB) == 0 ? 0 : errno
            if code != EWOULDBLOCK { break }
        }
        guard code == 0 else {
            close(fd)
            guard code == EWOULDBLOCK else { throw FileWriteError(path: lockPath, reason: String(cString: strerror(code))) }
            throw BenchmarkUsageError("another process is running this benchmark (\(directory.path)); wait for it or use another --output")
        }
        return BenchmarkLock(fd: fd)
    }
}

/// An exclusive lock on a benchmark folder.
public final class BenchmarkLock: Sendable {
    private let fd: Int32

    init(fd: Int32) { self.fd = fd }

    deinit { close(fd) }
}

/// A benchmark request that cannot be carried out as asked (exit code 2).
public struct BenchmarkUsageError: CategorizedError {
    /// What is wrong and what to do.
    public var description: String
    public var category: ErrorCategory { .usage }

    /// Creates the error.
    public init(_ description: String) { self.description = description }
}

/// A table loaded once and handed to every variant (a Snowflake result is queried once for all variants).
public struct PreloadedTableSource: TableSource {
    /// The table as loaded (its snapshot is written once at the benchmark root, not in every variant).
    public var loaded: LoadedTable

    /// Wraps a loaded table.
    public init(_ loaded: LoadedTable) {
        var copy = loaded
        copy.snapshot = nil
        self.loaded = copy
    }

    public var label: String { loaded.provenance.source }

    public func load() async throws -> LoadedTable { loaded }
}
