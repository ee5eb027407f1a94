import Foundation
import MMMCloud
import MMMCore
import MMMJobs

/// Reads and writes whole files named by a path or a `gs://` URI: job configurations, plans, the data a worker
/// downloads, the `status.json` a processor checks.
public struct QueueFiles: Sendable {
    /// Makes the Cloud Storage client (called only for `gs://` locations).
    public let storage: @Sendable () async throws -> GCSClient

    /// Files over a client maker.
    public init(storage: @escaping @Sendable () async throws -> GCSClient) { self.storage = storage }

    /// Files over the process's Google Cloud services.
    public init(cloud: GoogleCloudServices) { self.storage = { try await cloud.storage() } }

    /// Whether a location is a Cloud Storage URI (`gs:` in any spelling, so typos are errors, not local folders).
    public static func isGCS(_ location: String) -> Bool { StorageLocation.looksLikeGCS(location) }

    /// A location with a path appended (`/` between).
    public static func join(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/" + path
    }

    /// Reads a file.
    /// - Returns: Its bytes, or nil when it does not exist.
    /// - Throws: ``GCSURIError`` for a malformed URI; ``GoogleCloudError``; ``ConfigError`` for an unreadable file.
    public func readIfExists(_ location: String) async throws -> Data? {
        if Self.isGCS(location) {
            return try await storage().readIfExists(try GCSURI(location))?.data
        }
        guard FileManager.default.fileExists(atPath: location) else { return nil }
        return try StrictJSON.read(path: location)
    }

    /// Reads a file that must exist.
    /// - Throws: ``ConfigError`` naming the location when it does not exist.
    public func read(_ location: String) async throws -> Data {
        guard let data = try await readIfExists(location) else {
            throw ConfigError(file: location, path: "$", "no such file")
        }
        return data
    }

    /// Writes (replaces) a file: an atomic rename locally, one upload on Cloud Storage.
    public func write(_ data: Data, to location: String, contentType: String = "application/json") async throws {
        if Self.isGCS(location) {
            try await storage().upload(data, to: try GCSURI(location), contentType: contentType)
        } else {
            try AtomicFile.write(data, to: location)
        }
    }

    /// Removes a folder (a `gs://` prefix: every object under it) if it exists.
    public func remove(folder location: String) async throws {
        if Self.isGCS(location) {
            let prefix = try GCSURI(location.hasSuffix("/") ? location : location + "/")
            let client = try await storage()
            for object in try await client.list(prefix).objects { try await client.deleteIfExists(object.uri) }
        } else if FileManager.default.fileExists(atPath: location) {
            do {
                try FileManager.default.removeItem(atPath: location)
            } catch {
                throw FileWriteError(path: location, reason: "cannot remove the unfinished run folder")
            }
        }
    }
}
