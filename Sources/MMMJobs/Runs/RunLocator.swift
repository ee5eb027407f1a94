import Foundation
import MMMCloud
import MMMCore

/// Turns a folder named on the command line (a path or a `gs://` URI) into a ``RunStore``.
public enum RunLocator {
    /// The store rooted at `location` (a folder of runs).
    /// - Parameters:
    ///   - location: A local folder or a `gs://` prefix.
    ///   - cloud: Where the Cloud Storage client comes from.
    /// - Returns: A ``LocalRunStore`` or a ``GCSRunStore``.
    /// - Throws: ``GCSURIError``, or credential errors for `gs://`.
    public static func store(at location: StorageLocation, cloud: GoogleCloudServices) async throws -> any RunStore {
        switch location {
        case .local(let path):
            return LocalRunStore(root: path)
        case .gcs(let uri):
            return try GCSRunStore(client: try await cloud.storage(), root: uri)
        }
    }

    /// The store holding the run folder at `location`, and the folder's id (its last path segment).
    /// - Parameters:
    ///   - location: A run folder: `runs/20261122T031815Z` or `gs://bucket/runs/r1`.
    ///   - cloud: Where the Cloud Storage client comes from.
    /// - Returns: The parent store and the run id.
    /// - Throws: ``ConfigError`` when the last segment is not a valid run id.
    public static func parent(of location: StorageLocation, cloud: GoogleCloudServices) async throws
        -> (store: any RunStore, runId: String)
    {
        switch location {
        case .local(let path):
            let url = URL(fileURLWithPath: path).standardizedFileURL
            let id = url.lastPathComponent
            try check(id, location)
            return (LocalRunStore(root: url.deletingLastPathComponent().path), id)
        case .gcs(let uri):
            var name = uri.objectName
            while name.hasSuffix("/") { name.removeLast() }
            let id = name.split(separator: "/").last.map(String.init) ?? ""
            try check(id, location)
            let parent = try GCSURI(bucket: uri.bucket, objectName: String(name.dropLast(id.count)))
            return (try GCSRunStore(client: try await cloud.storage(), root: parent), id)
        }
    }

    private static func check(_ id: String, _ location: StorageLocation) throws {
        guard PathSegment.isSafe(id) else {
            throw ConfigError(path: "run", "'\(location)' does not end in a run folder name (letters, digits, '-', '_', '.')")
        }
    }
}
