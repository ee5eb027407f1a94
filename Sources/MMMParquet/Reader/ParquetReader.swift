import Foundation
import MMMCore

/// Reads flat Parquet files: what this library writes and what pyarrow, pandas and DuckDB write by default
/// (PLAIN and dictionary pages, RLE/bit-packed levels, data page v1 and v2, delta and byte-stream-split encodings,
/// UNCOMPRESSED, SNAPPY, GZIP and ZSTD). See docs/parquet.md for the type mapping and limits.
///
/// Errors are Core's ``DataError`` naming the file and, where known, the column; a damaged file never crashes.
public struct ParquetReader: Sendable {
    /// Allocation bounds for hostile or damaged files.
    public var limits: ParquetReadLimits

    /// Creates a reader.
    /// - Parameter limits: allocation bounds; the defaults suit any real marketing table.
    public init(limits: ParquetReadLimits = ParquetReadLimits()) {
        self.limits = limits
    }

    /// Reads a file as a Core table, typed like a CSV file: numbers (integers, floats, decimals, booleans as 0/1),
    /// dates (DATE, and TIMESTAMP/INT96 as their UTC calendar day), text (strings).
    /// - Parameter path: the file; its last path component names it in errors.
    /// - Returns: the table; row `r` has source line `r + 1` (so errors say `file.parquet:<row>`).
    /// - Throws: ``DataError`` for a missing, damaged, nested or empty file.
    public func readTable(path: String) throws -> DataTable {
        try readTable(try Self.contents(of: path), name: (path as NSString).lastPathComponent)
    }

    /// Reads Parquet bytes as a Core table (see ``readTable(path:)``).
    /// - Parameters:
    ///   - data: the whole file.
    ///   - name: the name used in errors.
    /// - Throws: ``DataError``.
    public func readTable(_ data: Data, name: String? = nil) throws -> DataTable {
        try reportingParquetErrors(file: name) {
            let columns = try decode(data)
            guard !columns.isEmpty else {
                throw DataError(.emptyFile, "the file has no columns", hint: "export the data with its columns")
            }
            guard let rows = columns.first?.rowCount, rows > 0 else {
                throw DataError(.emptyFile, "the file has columns but no rows")
            }
            if let unnamed = columns.firstIndex(where: { $0.name.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw DataError(.invalidValue, "column \(unnamed + 1) has an empty name", hint: "give every column a name")
            }
            return try DataTable(columns: columns.map { $0.coreColumn() }, sourceLines: Array(1...rows))
        }
    }

    /// Reads a file as typed columns (no conversion to Core's kinds; nulls kept as nil).
    /// - Parameter path: the file.
    /// - Throws: ``DataError``.
    public func readColumns(path: String) throws -> ParquetTable {
        try readColumns(try Self.contents(of: path), name: (path as NSString).lastPathComponent)
    }

    /// Reads Parquet bytes as typed columns.
    /// - Parameters:
    ///   - data: the whole file.
    ///   - name: the name used in errors.
    /// - Throws: ``DataError``.
    public func readColumns(_ data: Data, name: String? = nil) throws -> ParquetTable {
        try reportingParquetErrors(file: name) {
            let columns = try decode(data)
            return try ParquetTable(columns: columns.map {
                ParquetColumn(name: $0.name, values: $0.parquetValues(), isNullable: $0.isOptional)
            })
        }
    }

    /// Whether the file starts with the Parquet magic bytes `PAR1` (to route `--data` inputs by content as well as
    /// by a `.parquet` extension).
    /// - Parameter path: the file; unreadable files answer false.
    public static func hasParquetMagic(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data("PAR1".utf8)
    }

    private func decode(_ data: Data) throws -> [DecodedColumn] {
        try ParquetFileDecoder.columns(of: [UInt8](data), limits: limits)
    }

    static func contents(of path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw DataError(
                .invalidValue, exists ? "cannot read the file" : "no such file", file: path,
                hint: exists ? "check its permissions" : "check the path")
        }
        return data
    }
}
