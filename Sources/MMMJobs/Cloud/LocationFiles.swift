import Foundation
import MMMCloud
import MMMCore

/// Reads and writes whole files at a ``StorageLocation``: local paths directly, `gs://` objects through the
/// shared Cloud Storage client.
///
/// Writes replace atomically in both worlds: a local file through a temporary file and a rename, an object with an
/// upload guarded by the generation just seen (create-only when there was none), so a retried upload can never
/// overwrite a concurrent writer's object.
public struct LocationFiles: Sendable {
    /// Where Cloud Storage clients come from.
    public let cloud: GoogleCloudServices

    /// Files over `cloud`.
    /// - Parameter cloud: The process's Google Cloud services.
    public init(cloud: GoogleCloudServices) {
        self.cloud = cloud
    }

    /// Reads a whole (small) file or object.
    /// - Parameter location: The file or object.
    /// - Returns: The bytes.
    /// - Throws: ``DataError`` when a local file is missing, ``GoogleCloudError`` for Cloud Storage failures
    ///   (``GoogleCloudError/Kind/notFound`` when the object is missing).
    public func read(_ location: StorageLocation) async throws -> Data {
        switch location {
        case .local(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DataError(.invalidValue, "no such file or not readable", file: path, hint: "check the path")
            }
            return data
        case .gcs(let uri):
            return try await cloud.storage().read(uri).data
        }
    }

    /// Replaces (or creates) a file or object with `data`.
    /// - Parameters:
    ///   - data: The content.
    ///   - location: The destination.
    ///   - contentType: The object's content type on Cloud Storage.
    /// - Throws: ``FileWriteError`` locally, ``GoogleCloudError`` for Cloud Storage (``GoogleCloudError/Kind/preconditionFailed``
    ///   when someone else replaced the object at the same moment).
    public func write(_ data: Data, to location: StorageLocation, contentType: String = "application/octet-stream")
        async throws
    {
        switch location {
        case .local(let path):
            try AtomicFile.write(data, to: path)
        case .gcs(let uri):
            let client = try await cloud.storage()
            try await client.upload(data, to: uri, contentType: contentType,
                                    preconditions: try await Self.replacing(uri, client))
        }
    }

    /// Replaces (or creates) a file or object with the content of a local file (streamed for large files).
    /// - Parameters:
    ///   - file: The local file to copy.
    ///   - location: The destination.
    ///   - contentType: The object's content type on Cloud Storage.
    /// - Throws: ``FileWriteError`` locally, ``GoogleCloudError`` for Cloud Storage.
    public func write(fileAt file: URL, to location: StorageLocation, contentType: String = "application/octet-stream")
        async throws
    {
        switch location {
        case .local(let path):
            let destination = URL(fileURLWithPath: path)
            let temporary = destination.deletingLastPathComponent()
                .appendingPathComponent(".\(destination.lastPathComponent).tmp-\(UUID().uuidString)")
            do {
                try FileManager.default.createDirectory(
                    at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: file, to: temporary)
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw FileWriteError(path: path, reason: "cannot copy \(file.path) there")
            }
            if rename(temporary.path, destination.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
                throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
            }
        case .gcs(let uri):
            let client = try await cloud.storage()
            try await client.upload(fileAt: file, to: uri, contentType: contentType,
                                    preconditions: try await Self.replacing(uri, client))
        }
    }

    /// The precondition that replaces exactly the object there now (or creates it when there is none), which makes
    /// the write safe to retry.
    /// - Parameters:
    ///   - uri: The object about to be written.
    ///   - client: The client.
    /// - Returns: ``GCSPreconditions/generationMatches(_:)`` of the live object, or ``GCSPreconditions/doesNotExist``.
    /// - Throws: ``GoogleCloudError``.
    public static func replacing(_ uri: GCSURI, _ client: GCSClient) async throws -> GCSPreconditions {
        guard let existing = try await client.metadataIfExists(uri) else { return .doesNotExist }
        return .generationMatches(existing.generation)
    }

    /// A content type for an object name: JSON, CSV, text, else binary.
    /// - Parameter name: The file or object name.
    /// - Returns: The content type.
    public static func contentType(for name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "json": "application/json"
        case "csv": "text/csv"
        case "log", "txt", "md": "text/plain; charset=utf-8"
        case "html": "text/html; charset=utf-8"
        case "svg": "image/svg+xml"
        case "parquet": "application/vnd.apache.parquet"
        default: "application/octet-stream"
        }
    }
}
