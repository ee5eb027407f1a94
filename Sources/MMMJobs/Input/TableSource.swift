import Foundation
import MMMCore

/// Where a job's table comes from: a CSV file, a Snowflake query, later Parquet and `gs://` objects.
public protocol TableSource: Sendable {
    /// A short name for messages before the table is loaded (a path, a URI or a query label).
    var label: String { get }
    /// Reads the table.
    /// - Returns: the table, where it came from, its digest, and the bytes to keep in the run folder when the input
    ///   cannot be read again later (a query result).
    /// - Throws: ``DataError`` for unusable data (naming the file), or the source's own errors (network, auth).
    func load() async throws -> LoadedTable
}

/// A table as a source delivered it.
public struct LoadedTable: Sendable {
    /// The parsed table.
    public var table: DataTable
    /// Where it came from and its digest.
    public var provenance: TableProvenance
    /// Bytes to keep in the run folder (`input_snapshot.csv`) so the run can be reproduced without the source.
    public var snapshot: TableSnapshot?
    /// How the bytes were read (e.g. the CSV delimiter and decimal mark), for the preparation manifest's `read_csv` step.
    public var formatNote: String?

    /// Creates a loaded table.
    public init(table: DataTable, provenance: TableProvenance, snapshot: TableSnapshot? = nil, formatNote: String? = nil) {
        self.table = table
        self.provenance = provenance
        self.snapshot = snapshot
        self.formatNote = formatNote
    }
}

/// Where a table came from.
public struct TableProvenance: Sendable, Equatable {
    /// The input's name as manifests record it (a path, a URI, or `snowflake:<table>`).
    public var source: String
    /// SHA-256 (hex) of the input bytes.
    public var sha256: String
    /// The input format: `csv`, `parquet`, …
    public var format: String

    /// Creates a provenance record.
    public init(source: String, sha256: String, format: String) {
        self.source = source
        self.sha256 = sha256
        self.format = format
    }
}

/// Input bytes kept beside a run.
public struct TableSnapshot: Sendable {
    /// File name inside the run folder, e.g. `input_snapshot.csv`.
    public var fileName: String
    /// The bytes.
    public var bytes: Data

    /// Creates a snapshot.
    public init(fileName: String, bytes: Data) {
        self.fileName = fileName
        self.bytes = bytes
    }
}
