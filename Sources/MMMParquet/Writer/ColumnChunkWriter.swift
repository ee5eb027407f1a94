/// Writes one column chunk of one row group: an optional dictionary page, then v1 data pages.
struct ColumnChunkWriter: Sendable {
    let options: ParquetWriter.Options

    /// Appends the chunk for rows `rows` (dense values `dense`) of `column` to `out`.
    /// - Returns: the chunk's metadata, with offsets as positions in `out` (see ``ColumnChunk/relocated(by:)``).
    func write(_ column: WriterColumn, rows: Range<Int>, dense: Range<Int>, into out: inout [UInt8]) throws -> ColumnChunk {
        let start = out.count
        var uncompressedTotal = 0
        var dictionaryOffset: Int64?
        var encodings: [Encoding] = [.plain, .rle]
        let dictionary = options.dictionary
            ? DictionaryEncoder.build(column.values, dense, maxBytes: options.dictionaryPageBytes) : nil
        var indexWidth = 0
        if let (entries, _) = dictionary {
            dictionaryOffset = Int64(out.count)
            var body: [UInt8] = []
            PlainEncoder.encode(entries, 0..<entries.count, into: &body)
            let header = PageHeader(
                type: .dictionaryPage, uncompressedSize: 0, compressedSize: 0,
                dictionaryPage: DictionaryPageHeader(numValues: Int32(entries.count), encoding: .plain))
            uncompressedTotal += try appendPage(header, body: body, into: &out)
            indexWidth = RLEHybridEncoder.bitWidth(for: UInt32(max(0, entries.count - 1)))
            encodings.append(.rleDictionary)
        }
        let dataOffset = Int64(out.count)
        let rowsPerPage = max(1, options.pageBytes / estimatedBytesPerValue(column.values, dense))
        var denseStart = dense.lowerBound
        var pageStart = rows.lowerBound
        while pageStart < rows.upperBound {
            let pageEnd = min(rows.upperBound, pageStart + rowsPerPage)
            var body: [UInt8] = []
            var presentCount = pageEnd - pageStart
            if column.isOptional {
                presentCount = Self.appendLevels(column.present, pageStart..<pageEnd, into: &body)
            }
            let denseRange = denseStart..<(denseStart + presentCount)
            let encoding: Encoding
            if let (_, indices) = dictionary {
                encoding = .rleDictionary
                body.append(UInt8(indexWidth))
                let local = (denseRange.lowerBound - dense.lowerBound)..<(denseRange.upperBound - dense.lowerBound)
                indices[local].withUnsafeBufferPointer {
                    RLEHybridEncoder.encode($0, bitWidth: indexWidth, into: &body)
                }
            } else {
                encoding = .plain
                PlainEncoder.encode(column.values, denseRange, into: &body)
            }
            let header = PageHeader(
                type: .dataPage, uncompressedSize: 0, compressedSize: 0,
                dataPage: DataPageHeader(numValues: Int32(pageEnd - pageStart), encoding: encoding))
            uncompressedTotal += try appendPage(header, body: body, into: &out)
            denseStart = denseRange.upperBound
            pageStart = pageEnd
        }
        let stats = ChunkStatistics.compute(column.values, dense, nulls: rows.count - dense.count)
        let meta = ColumnMetaData(
            type: column.schemaElement.type ?? .byteArray, encodings: encodings.map(\.rawValue), pathInSchema: [column.name],
            codec: options.compression.codec.rawValue, numValues: Int64(rows.count),
            totalUncompressedSize: Int64(uncompressedTotal), totalCompressedSize: Int64(out.count - start),
            dataPageOffset: dataOffset, dictionaryPageOffset: dictionaryOffset, statistics: stats)
        return ColumnChunk(fileOffset: 0, metaData: meta)
    }

    /// Compresses `body`, fills in the header's sizes, appends both; returns the uncompressed size with header.
    private func appendPage(_ template: PageHeader, body: [UInt8], into out: inout [UInt8]) throws -> Int {
        let compressed = try options.compression.compress(body)
        guard body.count <= Int32.max, compressed.count <= Int32.max else {
            throw ParquetError("a page is larger than 2 GiB; lower the page size")
        }
        var header = template
        header.uncompressedSize = Int32(body.count)
        header.compressedSize = Int32(compressed.count)
        var encoder = ThriftCompactEncoder()
        encoder.structBody { header.encode(to: &$0) }
        out += encoder.bytes
        out += compressed
        return encoder.bytes.count + body.count
    }

    /// Definition levels with their 4-byte length; returns how many rows of the page have a value.
    private static func appendLevels(_ present: [Bool]?, _ rows: Range<Int>, into body: inout [UInt8]) -> Int {
        var levels: [UInt8] = []
        let count: Int
        if let present {
            let flags = present[rows].map { UInt32($0 ? 1 : 0) }
            count = flags.reduce(0) { $0 + Int($1) }
            flags.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: 1, into: &levels) }
        } else {
            count = rows.count
            RLEHybridEncoder.writeVarint(UInt64(rows.count) << 1, into: &levels)
            levels.append(1)
        }
        withUnsafeBytes(of: UInt32(levels.count).littleEndian) { body.append(contentsOf: $0) }
        body += levels
        return count
    }

    private func estimatedBytesPerValue(_ values: ValueStore, _ dense: Range<Int>) -> Int {
        switch values.kind {
        case .boolean: return 1
        case .date: return 4
        case .int64, .timestamp, .double: return 8
        case .string:
            let sample = values.strings[dense.prefix(1000)]
            return 4 + sample.reduce(0) { $0 + $1.utf8.count } / max(1, sample.count)
        }
    }
}

extension ColumnChunk {
    /// The same chunk with its page offsets moved by `base` bytes (from its own buffer to its place in the file).
    func relocated(by base: Int64) -> ColumnChunk {
        var copy = self
        copy.metaData?.dataPageOffset += base
        if let offset = copy.metaData?.dictionaryPageOffset { copy.metaData?.dictionaryPageOffset = offset + base }
        return copy
    }
}
