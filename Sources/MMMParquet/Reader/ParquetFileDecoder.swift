/// Decodes a whole Parquet file held in memory: footer, schema, then every column across row groups.
struct ParquetFileDecoder {
    static let magic: [UInt8] = Array("PAR1".utf8)

    let file: UnsafeBufferPointer<UInt8>
    let limits: ParquetReadLimits

    /// The footer metadata and where it starts.
    func footer() throws -> (metadata: FileMetaData, start: Int) {
        guard file.count >= 12 else {
            throw ParquetError.corrupt("the file is \(file.count) bytes, too short for Parquet (magic, footer, magic)")
        }
        guard Array(file[0..<4]) == Self.magic else {
            throw ParquetError.corrupt("the file does not start with the Parquet magic bytes 'PAR1'")
        }
        let tail = Array(file[(file.count - 4)...])
        if tail == Array("PARE".utf8) {
            throw ParquetError("the file's footer is encrypted; encrypted Parquet is not supported")
        }
        guard tail == Self.magic else {
            throw ParquetError.corrupt("the file does not end with the Parquet magic bytes 'PAR1' (truncated?)")
        }
        let lengthBytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(file)[(file.count - 8)..<(file.count - 4)])
        let length = Int(UInt32(littleEndian: lengthBytes.loadUnaligned(as: UInt32.self)))
        guard length > 0, length <= file.count - 12 else {
            throw ParquetError.corrupt("the footer length (\(length) bytes) does not fit in the \(file.count)-byte file")
        }
        let start = file.count - 8 - length
        var decoder = ThriftCompactDecoder(UnsafeBufferPointer(rebasing: file[start..<(file.count - 8)]))
        do {
            return (try FileMetaData(from: &decoder), start)
        } catch let error as ParquetError {
            throw ParquetError(
                "the footer metadata is unreadable (\(error.message))", column: error.column, hint: ParquetError.corrupt("").hint)
        }
    }

    /// Every column of `bytes`, in schema order, decoded on all cores.
    static func columns(of bytes: [UInt8], limits: ParquetReadLimits) throws -> [DecodedColumn] {
        let (metadata, footerStart, leaves, rows) = try bytes.withUnsafeBufferPointer {
            try ParquetFileDecoder(file: $0, limits: limits).layout()
        }
        return try Parallel.map(leaves.count) { index in
            let leaf = leaves[index]
            do {
                return try bytes.withUnsafeBufferPointer {
                    try ParquetFileDecoder(file: $0, limits: limits).column(
                        index, leaf: leaf, metadata: metadata, rows: rows, dataEnd: footerStart)
                }
            } catch let error as ParquetError {
                throw error.inColumn(leaf.name)
            }
        }
    }

    /// The footer, the flat schema and the row count, checked against each other and the limits.
    func layout() throws -> (FileMetaData, Int, [LeafColumn], Int) {
        let (metadata, footerStart) = try footer()
        let leaves = try FlatSchema.leaves(of: metadata.schema)
        var rows = 0
        for group in metadata.rowGroups {
            guard group.numRows >= 0, group.numRows <= Int64(limits.maximumCells) else {
                throw ParquetError.corrupt("a row group claims \(group.numRows) rows")
            }
            rows += Int(group.numRows)
            guard group.columns.count == leaves.count else {
                throw ParquetError.corrupt("a row group has \(group.columns.count) columns but the schema has \(leaves.count)")
            }
        }
        guard Int64(rows) == metadata.numRows else {
            throw ParquetError.corrupt("the footer says \(metadata.numRows) rows but the row groups hold \(rows)")
        }
        let (cells, overflow) = rows.multipliedReportingOverflow(by: max(1, leaves.count))
        guard !overflow, cells <= limits.maximumCells else {
            throw ParquetError(
                "the file has \(rows) rows × \(leaves.count) columns, over the \(limits.maximumCells)-cell limit")
        }
        return (metadata, footerStart, leaves, rows)
    }

    private func column(_ index: Int, leaf: LeafColumn, metadata: FileMetaData, rows: Int, dataEnd: Int) throws
        -> DecodedColumn
    {
        let reader = ColumnChunkReader(file: file, dataEnd: dataEnd, leaf: leaf, limits: limits)
        var accumulator = ColumnChunkReader.Accumulator(values: ValueStore(kind: leaf.kind))
        accumulator.present.reserveCapacity(rows)
        for group in metadata.rowGroups {
            try reader.read(group.columns[index], rows: Int(group.numRows), into: &accumulator)
        }
        return DecodedColumn(
            name: leaf.name, values: accumulator.values, present: accumulator.hasNull ? accumulator.present : nil,
            rowCount: rows, isOptional: leaf.isOptional)
    }
}
