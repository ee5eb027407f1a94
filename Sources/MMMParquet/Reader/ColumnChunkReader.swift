/// Reads one column chunk (dictionary page, then data pages v1/v2) and appends its rows to a column.
struct ColumnChunkReader {
    /// The whole file.
    let file: UnsafeBufferPointer<UInt8>
    /// Where the footer starts: no page may reach it.
    let dataEnd: Int
    let leaf: LeafColumn
    let limits: ParquetReadLimits

    /// Rows decoded so far for one column across row groups.
    struct Accumulator {
        var values: ValueStore
        var present: [Bool] = []
        var hasNull = false
    }

    /// Reads `chunk`, which must hold exactly `rows` rows.
    func read(_ chunk: ColumnChunk, rows: Int, into column: inout Accumulator) throws {
        guard chunk.filePath == nil else {
            throw ParquetError("the column's data is in another file (\(chunk.filePath ?? "")); this is not supported")
        }
        guard let meta = chunk.metaData else { throw ParquetError.corrupt("a column chunk has no metadata") }
        guard meta.type == leaf.physical else {
            throw ParquetError.corrupt("a column chunk is \(meta.type.name) but the schema says \(leaf.physical.name)")
        }
        guard let codec = CompressionCodec(rawValue: meta.codec) else {
            throw ParquetError("compression codec \(meta.codec) is not supported")
        }
        let start = meta.dictionaryPageOffset.flatMap { $0 > 0 && $0 < meta.dataPageOffset ? $0 : nil } ?? meta.dataPageOffset
        guard start >= 4, meta.totalCompressedSize >= 0, start <= Int64(dataEnd),
            meta.totalCompressedSize <= Int64(dataEnd) - start
        else { throw ParquetError.corrupt("a column chunk lies outside the file's data (offset \(start))") }
        let end = Int(start + meta.totalCompressedSize)
        var position = Int(start)
        var dictionary: ValueStore?
        var decoded = 0
        let values = PageValueDecoder(leaf: leaf, limits: limits)
        while decoded < rows {
            guard position < end else {
                throw ParquetError.corrupt("the column chunk ends after \(decoded) of \(rows) rows")
            }
            var decoder = ThriftCompactDecoder(UnsafeBufferPointer(rebasing: file[..<end]), position: position)
            let header: PageHeader
            do {
                header = try PageHeader(from: &decoder)
            } catch let error as ParquetError {
                throw ParquetError.corrupt("a page header at byte \(position) is unreadable: \(error.message)")
            }
            let bodyStart = decoder.position
            guard Int(header.compressedSize) <= end - bodyStart else {
                throw ParquetError.corrupt("a page at byte \(position) runs past the end of its column chunk")
            }
            guard Int(header.uncompressedSize) <= limits.maximumPageBytes else {
                throw ParquetError("a page is \(header.uncompressedSize) bytes, over the \(limits.maximumPageBytes)-byte limit")
            }
            let body = UnsafeBufferPointer(rebasing: file[bodyStart..<(bodyStart + Int(header.compressedSize))])
            position = bodyStart + Int(header.compressedSize)
            switch PageType(rawValue: header.type) {
            case .dictionaryPage:
                guard dictionary == nil, decoded == 0, let info = header.dictionaryPage else {
                    throw ParquetError.corrupt("a dictionary page is misplaced or has no header")
                }
                guard info.encoding == Encoding.plain.rawValue || info.encoding == Encoding.plainDictionary.rawValue else {
                    throw ParquetError("dictionary encoding \(info.encoding) is not supported")
                }
                dictionary = try Self.withBody(body, codec: codec, size: Int(header.uncompressedSize)) {
                    try PlainDecoder.decode($0, count: Int(info.numValues), leaf: leaf)
                }
            case .dataPage:
                guard let info = header.dataPage else { throw ParquetError.corrupt("a data page has no header") }
                let pageRows = try checkedRows(Int(info.numValues), decoded: decoded, of: rows)
                try Self.withBody(body, codec: codec, size: Int(header.uncompressedSize)) { page in
                    var offset = 0
                    var present: [UInt32]?
                    if leaf.isOptional {
                        let (levels, size): ([UInt32], Int)
                        switch Encoding(rawValue: info.definitionLevelEncoding) {
                        case .rle: (levels, size) = try LevelDecoder.lengthPrefixedWithSize(page, count: pageRows, bitWidth: 1)
                        case .bitPacked: (levels, size) = try LevelDecoder.bitPacked(page, count: pageRows)
                        default: throw ParquetError("definition level encoding \(info.definitionLevelEncoding) is not supported")
                        }
                        present = levels
                        offset = size
                    }
                    let nonNull = present.map { $0.reduce(0) { $0 + Int($1) } } ?? pageRows
                    let page = UnsafeBufferPointer(rebasing: page[offset...])
                    let store = try values.decode(page, count: nonNull, encoding: info.encoding, dictionary: dictionary)
                    try append(store, present: present, rows: pageRows, to: &column)
                }
                decoded += pageRows
            case .dataPageV2:
                guard let info = header.dataPageV2 else { throw ParquetError.corrupt("a data page (v2) has no header") }
                let pageRows = try checkedRows(Int(info.numValues), decoded: decoded, of: rows)
                let levelBytes = Int(info.repetitionLevelsByteLength) + Int(info.definitionLevelsByteLength)
                guard levelBytes <= body.count, levelBytes <= Int(header.uncompressedSize) else {
                    throw ParquetError.corrupt("a data page's levels are longer than the page")
                }
                var present: [UInt32]?
                if leaf.isOptional {
                    let bytes = UnsafeBufferPointer(rebasing: body[Int(info.repetitionLevelsByteLength)..<levelBytes])
                    var levels: [UInt32] = []
                    var decoder = try RLEHybridDecoder(bytes, bitWidth: 1)
                    try decoder.decode(count: pageRows, into: &levels)
                    present = levels
                }
                let nonNull = present.map { $0.reduce(0) { $0 + Int($1) } } ?? pageRows
                guard nonNull == pageRows - Int(info.numNulls) else {
                    throw ParquetError.corrupt("a data page's null count disagrees with its levels")
                }
                let rest = UnsafeBufferPointer(rebasing: body[levelBytes...])
                let size = Int(header.uncompressedSize) - levelBytes
                try Self.withBody(rest, codec: info.isCompressed ? codec : .uncompressed, size: size) { page in
                    let store = try values.decode(page, count: nonNull, encoding: info.encoding, dictionary: dictionary)
                    try append(store, present: present, rows: pageRows, to: &column)
                }
                decoded += pageRows
            default:
                continue  // index pages and future page types carry no rows
            }
        }
    }

    private func checkedRows(_ n: Int, decoded: Int, of rows: Int) throws -> Int {
        guard n >= 0, n <= rows - decoded else {
            throw ParquetError.corrupt("a data page holds more rows (\(n)) than its row group has left (\(rows - decoded))")
        }
        return n
    }

    private func append(_ store: ValueStore, present: [UInt32]?, rows: Int, to column: inout Accumulator) throws {
        guard store.count == (present.map { $0.reduce(0) { $0 + Int($1) } } ?? rows) else {
            throw ParquetError.corrupt("a data page holds fewer values than its levels announce")
        }
        column.values.append(contentsOf: store)
        if let present {
            column.present += present.lazy.map { $0 == 1 }
            if present.contains(0) { column.hasNull = true }
        } else {
            column.present += repeatElement(true, count: rows)
        }
    }

    /// Calls `body` with the page bytes, decompressed when needed (uncompressed pages are not copied).
    private static func withBody<T>(
        _ bytes: UnsafeBufferPointer<UInt8>, codec: CompressionCodec, size: Int,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> T
    ) throws -> T {
        if codec == .uncompressed {
            guard bytes.count == size else {
                throw ParquetError.corrupt("an uncompressed page is \(bytes.count) bytes but its header says \(size)")
            }
            return try body(bytes)
        }
        let plain = try codec.decompress(bytes, expectedSize: size)
        return try plain.withUnsafeBufferPointer(body)
    }
}
