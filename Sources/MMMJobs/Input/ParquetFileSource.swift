import Foundation
import MMMCore
import MMMParquet
import MMMTransport

/// A Parquet file on the local file system (flat columns; see docs/parquet.md for the types read).
public struct ParquetFileSource: TableSource {
    /// The file.
    public var path: String

    /// A source reading `path`.
    public init(path: String) {
        self.path = path
    }

    public var label: String { path }

    public func load() async throws -> LoadedTable {
        let bytes = try CSVFile.bytes(path: path)
        let table = try ParquetReader().readTable(bytes, name: path)
        return LoadedTable(
            table: table, provenance: .init(source: path, sha256: SHA256Digest.hex(bytes), format: "parquet"),
            formatNote: "Parquet, \(table.columns.count) columns")
    }
}

/// The format of a table file, decided by its name: `.parquet` (or `.pq`) is Parquet, anything else CSV.
public enum TableFileFormat: String, Sendable, CaseIterable {
    case csv
    case parquet

    /// The format of `path`.
    public static func of(_ path: String) -> TableFileFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".parquet") || lower.hasSuffix(".pq") ? .parquet : .csv
    }

    /// The source reading `path` in its format; CSV with the configuration's `csv` settings.
    public static func source(path: String, csv: CSVSettings?) -> any TableSource {
        switch of(path) {
        case .csv: CSVFileSource(path: path, csv: csv)
        case .parquet: ParquetFileSource(path: path)
        }
    }

    /// Writes a prepared table to `path` in its format, atomically.
    /// - Throws: ``FileWriteError`` or the writer's ``DataError``.
    public static func write(_ table: DataTable, to path: String) throws {
        switch of(path) {
        case .csv: try CSVWriter().write(table, to: path)
        case .parquet: try AtomicFile.write(Data(try ParquetWriter().bytes(for: table)), to: path)
        }
    }
}
