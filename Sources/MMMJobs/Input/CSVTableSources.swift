import Foundation
import MMMCore
import MMMTransport

/// A CSV file on the local file system.
public struct CSVFileSource: TableSource {
    /// The file.
    public var path: String
    /// The reader (delimiter, decimal mark and typing options).
    public var reader: CSVReader

    /// A source reading `path`.
    public init(path: String, reader: CSVReader = CSVReader()) {
        self.path = path
        self.reader = reader
    }

    /// A source reading `path` with a configuration's `csv` settings (the delimiter detected unless set).
    public init(path: String, csv: CSVSettings?) {
        self.init(path: path, reader: CSVReader(options: CSVReader.Options(csv)))
    }

    public var label: String { path }

    public func load() async throws -> LoadedTable {
        let (table, bytes) = try CSVFile.load(path: path, reader: reader)
        return LoadedTable(
            table: table, provenance: .init(source: path, sha256: SHA256Digest.hex(bytes), format: "csv"),
            formatNote: reader.formatNote(for: bytes))
    }
}

/// CSV bytes fetched elsewhere (e.g. a Snowflake query result): parsed, and kept in the run folder as
/// `input_snapshot.csv` so the run can be reproduced without the original source.
public struct CSVSnapshotSource: TableSource {
    /// The CSV bytes.
    public var bytes: Data
    /// The input's name for messages and manifests.
    public var label: String
    /// The reader.
    public var reader: CSVReader

    /// A source over `bytes` named `label`.
    public init(bytes: Data, label: String, reader: CSVReader = CSVReader()) {
        self.bytes = bytes
        self.label = label
        self.reader = reader
    }

    public func load() async throws -> LoadedTable {
        let table: DataTable
        do {
            table = try reader.parse(bytes)
        } catch let error as DataError {
            throw error.inFile(label)
        }
        return LoadedTable(
            table: table, provenance: .init(source: label, sha256: SHA256Digest.hex(bytes), format: "csv"),
            snapshot: TableSnapshot(fileName: "input_snapshot.csv", bytes: bytes), formatNote: reader.formatNote(for: bytes))
    }
}
