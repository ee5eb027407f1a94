import Foundation
import MMMCloud
import MMMCore

/// Copies a folder of small files from Cloud Storage to a local folder, so tools that read local folders (the
/// benchmark collector and analysis) work on a benchmark whose run folders were written to `gs://` by workers.
public enum GCSFolderMirror {
    /// Downloads every object under `prefix` into `destination` (same relative paths), except names in `skipping`.
    /// - Parameters:
    ///   - prefix: `gs://bucket/path/to/folder` (with or without the trailing `/`).
    ///   - destination: The local folder (created).
    ///   - skipping: File names not to copy (e.g. `all_aggregated.csv`, large and not read by the collector).
    ///   - client: The Cloud Storage client.
    /// - Returns: The number of files copied.
    /// - Throws: ``GCSURIError`` for a bad prefix, ``GoogleCloudError``, ``FileWriteError``.
    @discardableResult
    public static func download(
        _ prefix: String, to destination: URL, skipping: Set<String> = [], client: GCSClient
    ) async throws -> Int {
        let folder = try GCSURI(prefix.hasSuffix("/") ? prefix : prefix + "/")
        var count = 0
        for object in try await client.list(folder).objects {
            let relative = String(object.uri.objectName.dropFirst(folder.objectName.count))
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            guard !relative.isEmpty, !relative.hasSuffix("/"), !skipping.contains(name),
                !relative.split(separator: "/").contains("..")
            else { continue }
            let target = destination.appendingPathComponent(relative)
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw FileWriteError(path: target.deletingLastPathComponent().path, reason: "cannot create the folder")
            }
            try await client.download(object.uri, to: target)
            count += 1
        }
        return count
    }
}
