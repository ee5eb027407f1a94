import Foundation
import MMMCloud
import MMMCore
import MMMParquet
import MMMTransport

/// A CSV or Parquet object on Cloud Storage (by its name, as for local files): downloaded (streamed to a temporary file and checked against the object's
/// checksums), digested and parsed. Errors name the `gs://` URI, never the temporary file.
///
/// The object can be read again later, so no snapshot is kept in the run folder; the manifests record its SHA-256.
public struct GCSTableSource: TableSource {
    /// The object.
    public var uri: GCSURI
    /// Where the Cloud Storage client comes from.
    public var cloud: GoogleCloudServices
    /// The reader (delimiter and typing options).
    public var reader: CSVReader

    /// A source reading `uri`.
    /// - Parameters:
    ///   - uri: The CSV object.
    ///   - cloud: The process's Google Cloud services.
    ///   - reader: The CSV reader.
    public init(uri: GCSURI, cloud: GoogleCloudServices, reader: CSVReader = CSVReader()) {
        self.uri = uri
        self.cloud = cloud
        self.reader = reader
    }

    public var label: String { uri.description }

    /// Downloads and parses the object.
    /// - Throws: ``DataError`` (naming the URI) for unusable data, ``GoogleCloudError`` for Cloud Storage failures.
    public func load() async throws -> LoadedTable {
        guard !uri.isPrefix else {
            throw DataError(.invalidValue, "this names a folder, not an object", file: uri.description,
                            hint: "give the CSV object's full name, e.g. gs://bucket/data/input.csv")
        }
        let client = try await cloud.storage()
        let bytes = try await Self.download(uri, client)
        let digest = SHA256Digest.hex(bytes)
        if TableFileFormat.of(uri.objectName) == .parquet {
            let table = try ParquetReader().readTable(bytes, name: uri.description)
            return LoadedTable(
                table: table, provenance: .init(source: uri.description, sha256: digest, format: "parquet"),
                formatNote: "Parquet, \(table.columns.count) columns")
        }
        let table: DataTable
        do {
            table = try reader.parse(bytes)
        } catch let error as DataError {
            throw error.inFile(uri.description)
        }
        return LoadedTable(
            table: table, provenance: .init(source: uri.description, sha256: digest, format: "csv"),
            formatNote: reader.formatNote(for: bytes))
    }

    /// The object's bytes, fetched through a temporary file (a streamed, verified download) that is removed again.
    static func download(_ uri: GCSURI, _ client: GCSClient) async throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-gcs-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: folder.path, reason: "cannot create a temporary folder for the download")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("object")
        try await client.download(uri, to: file)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw FileWriteError(path: file.path, reason: "the downloaded file cannot be read")
        }
        return data
    }
}
