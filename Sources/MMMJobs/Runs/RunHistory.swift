import Foundation
import MMMCore

/// Run history over any ``RunStore`` (a local folder or a `gs://` prefix): one record per run, details of one run,
/// and the comparison of two — the previous system's model-summary aggregation, without a separate roll-up file.
///
/// A folder is a run when it holds `status.json`, `run_manifest.json` or `model_summary.json`. Other folders are
/// searched for runs up to ``maxDepth`` levels down (the previous system's `robyn/<revision>/<country>/<run>`), and
/// reported as ``RunListing/otherFolders`` when they hold none.
public struct RunHistory: Sendable {
    /// The store whose runs are listed.
    public var store: any RunStore
    /// How many levels of non-run folders are searched for runs (default 3).
    public var maxDepth = 3
    /// Folders read at once (each is a listing plus a few small reads on Cloud Storage).
    public var concurrency = 8

    /// History over `store`.
    /// - Parameter store: The root to list.
    public init(store: any RunStore) {
        self.store = store
    }

    /// Every run under the root, sorted by path.
    /// - Parameter country: Keep only runs of this country (case-insensitive); runs whose country is unknown are left
    ///   out when a country is given.
    /// - Returns: The runs, and the folders that are not runs.
    /// - Throws: When the root (or a nested folder) cannot be listed.
    public func list(country: String? = nil) async throws -> RunListing {
        var listing = try await walk(store, path: [], depth: 0)
        if let country {
            listing.runs = listing.runs.filter { $0.country?.lowercased() == country.lowercased() }
        }
        listing.runs.sort { $0.path < $1.path }
        return listing
    }

    /// The details of the run at `path` (run id, or `a/b/run` below nested folders).
    /// - Parameter path: The run's path below the root.
    /// - Returns: nil when there is no such folder, or it is not a run.
    /// - Throws: When the folder cannot be listed.
    public func details(of path: String) async throws -> RunDetails? {
        let segments = path.split(separator: "/").map(String.init)
        guard let id = segments.last else { return nil }
        var current: any RunStore = store
        for segment in segments.dropLast() {
            guard let nested = current.nestedStore(segment) else { return nil }
            current = nested
        }
        guard let folder = try await current.openRun(id: id) else { return nil }
        let files = try await RunFiles.read(folder)
        return files.isRun ? RunDetails(files: files, path: segments, location: folder.location) : nil
    }

    /// Lists one level, reading up to ``concurrency`` folders at once, and descends into non-run folders.
    private func walk(_ store: any RunStore, path: [String], depth: Int) async throws -> RunListing {
        let ids = try await store.runIds()
        var listing = RunListing()
        for start in stride(from: 0, to: ids.count, by: max(1, concurrency)) {
            let batch = Array(ids[start..<min(ids.count, start + max(1, concurrency))])
            let records = try await withThrowingTaskGroup(of: (Int, RunRecord?).self) { group in
                for (index, id) in batch.enumerated() {
                    group.addTask { (index, try await Self.record(store, id: id, path: path + [id])) }
                }
                var records = [RunRecord?](repeating: nil, count: batch.count)
                for try await (index, record) in group { records[index] = record }
                return records
            }
            for (id, record) in zip(batch, records) {
                if let record {
                    listing.runs.append(record)
                    continue
                }
                let folderPath = (path + [id]).joined(separator: "/")
                guard depth < maxDepth, let nested = store.nestedStore(id) else {
                    listing.otherFolders.append(folderPath)
                    continue
                }
                let inner = try await walk(nested, path: path + [id], depth: depth + 1)
                if inner.runs.isEmpty {
                    listing.otherFolders.append(folderPath)
                } else {
                    listing.runs += inner.runs
                    listing.otherFolders += inner.otherFolders
                }
            }
        }
        return listing
    }

    private static func record(_ store: any RunStore, id: String, path: [String]) async throws -> RunRecord? {
        guard let folder = try await store.openRun(id: id) else { return nil }
        let files = try await RunFiles.read(folder)
        return files.isRun ? RunRecord(files: files, path: path, location: folder.location) : nil
    }
}

/// The result of ``RunHistory/list(country:)``.
public struct RunListing: Sendable, Encodable {
    /// The runs, sorted by path.
    public var runs: [RunRecord] = []
    /// Folders under the root that are not runs and hold none (paths below the root).
    public var otherFolders: [String] = []

    enum CodingKeys: String, CodingKey {
        case runs
        case otherFolders = "other_folders"
    }
}
