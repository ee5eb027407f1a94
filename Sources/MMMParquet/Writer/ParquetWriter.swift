import Foundation
import MMMCore

/// Writes flat Parquet files: one OPTIONAL or REQUIRED leaf per column, row groups, PLAIN or dictionary
/// (RLE_DICTIONARY) data pages v1, column statistics, and UNCOMPRESSED, SNAPPY, GZIP or ZSTD pages.
///
/// Output is deterministic: the same table and options give the same bytes.
public struct ParquetWriter: Sendable {
    /// Writer settings.
    public struct Options: Sendable, Equatable {
        /// Page compression; SNAPPY by default (see docs/parquet.md for the measurements behind it).
        public var compression: ParquetCompression = .snappy
        /// Rows per row group (the last one may be shorter).
        public var rowGroupRows = 1 << 20
        /// Target uncompressed size of a data page, in bytes.
        public var pageBytes = 1 << 20
        /// Whether to try dictionary encoding (kept per column chunk only when the dictionary stays small).
        public var dictionary = true
        /// Largest dictionary page, in bytes, before a chunk falls back to PLAIN.
        public var dictionaryPageBytes = 1 << 20
        /// The footer's `created_by`.
        public var createdBy = "mmm-trainer version \(MMMVersion.current)"

        /// Default options.
        public init() {}
    }

    /// The options in use.
    public var options: Options

    /// Creates a writer.
    /// - Parameter options: compression, row group and page sizes.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// The Parquet bytes of a typed table.
    /// - Throws: ``DataError`` for options out of range.
    public func bytes(for table: ParquetTable) throws -> [UInt8] {
        try encode(table.columns.map(WriterColumn.init), rows: table.rowCount)
    }

    /// The Parquet bytes of a Core table: numbers as DOUBLE, dates as DATE, text as STRING (UTF-8); missing cells
    /// (NaN numbers, nil dates and texts) as nulls.
    /// - Throws: ``DataError`` for options out of range.
    public func bytes(for table: DataTable) throws -> [UInt8] {
        try encode(table.columns.map(WriterColumn.init), rows: table.rowCount)
    }

    /// Writes a typed table to `path` atomically (temporary file, then rename).
    /// - Throws: ``DataError`` for bad options, ``FileWriteError`` when the file cannot be written.
    public func write(_ table: ParquetTable, to path: String) throws {
        try AtomicFile.write(Data(try bytes(for: table)), to: path)
    }

    /// Writes a Core table to `path` atomically.
    /// - Throws: ``DataError`` for bad options, ``FileWriteError`` when the file cannot be written.
    public func write(_ table: DataTable, to path: String) throws {
        try AtomicFile.write(Data(try bytes(for: table)), to: path)
    }

    private func encode(_ columns: [WriterColumn], rows: Int) throws -> [UInt8] {
        guard options.rowGroupRows > 0, options.pageBytes > 0, options.dictionaryPageBytes >= 0 else {
            throw DataError(.invalidTable, "Parquet row group rows and page bytes must be positive")
        }
        if let unnamed = columns.first(where: { $0.name.isEmpty }) {
            throw DataError(.invalidTable, "a Parquet column needs a name", column: unnamed.name)
        }
        var out = Array("PAR1".utf8)
        let rowStarts = Array(stride(from: 0, to: rows, by: options.rowGroupRows)) + [rows]
        let denseOffsets = columns.map { $0.denseOffsets(atRows: rowStarts) }
        let chunkWriter = ColumnChunkWriter(options: options)
        var groups: [RowGroup] = []
        for g in 0..<(rowStarts.count - 1) {
            let rowRange = rowStarts[g]..<rowStarts[g + 1]
            // Column chunks are encoded and compressed on all cores, then laid out in column order.
            let encoded = try Parallel.map(columns.count) { c in
                let column = columns[c]
                var buffer: [UInt8] = []
                do {
                    let dense = denseOffsets[c][g]..<denseOffsets[c][g + 1]
                    let chunk = try chunkWriter.write(column, rows: rowRange, dense: dense, into: &buffer)
                    return (chunk, buffer)
                } catch let error as ParquetError {
                    throw DataError(.invalidTable, error.message, column: column.name, hint: error.hint)
                }
            }
            var chunks: [ColumnChunk] = []
            for (chunk, buffer) in encoded {
                chunks.append(chunk.relocated(by: Int64(out.count)))
                out += buffer
            }
            let size = chunks.reduce(Int64(0)) { $0 + ($1.metaData?.totalUncompressedSize ?? 0) }
            groups.append(RowGroup(columns: chunks, totalByteSize: size, numRows: Int64(rowRange.count)))
        }
        let schema = [SchemaElement(name: "schema", numChildren: Int32(columns.count))] + columns.map(\.schemaElement)
        let metadata = FileMetaData(
            version: 1, schema: schema, numRows: Int64(rows), rowGroups: groups, keyValueMetadata: [],
            createdBy: options.createdBy, columnOrderCount: columns.count)
        var encoder = ThriftCompactEncoder()
        encoder.structBody { metadata.encode(to: &$0) }
        out += encoder.bytes
        withUnsafeBytes(of: UInt32(encoder.bytes.count).littleEndian) { out.append(contentsOf: $0) }
        out += Array("PAR1".utf8)
        return out
    }
}
