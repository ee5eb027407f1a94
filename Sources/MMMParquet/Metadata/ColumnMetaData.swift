/// Where a column chunk's pages are and how they are stored (`ColumnMetaData`).
struct ColumnMetaData: Sendable, Equatable {
    var type: PhysicalType
    /// Raw encoding ids (unknown ones are kept; they only matter if a page uses them).
    var encodings: [Int32]
    var pathInSchema: [String]
    var codec: Int32
    var numValues: Int64
    var totalUncompressedSize: Int64
    var totalCompressedSize: Int64
    var dataPageOffset: Int64
    var dictionaryPageOffset: Int64?
    var statistics: Statistics?

    init(
        type: PhysicalType, encodings: [Int32], pathInSchema: [String], codec: Int32, numValues: Int64,
        totalUncompressedSize: Int64, totalCompressedSize: Int64, dataPageOffset: Int64,
        dictionaryPageOffset: Int64?, statistics: Statistics?
    ) {
        self.type = type
        self.encodings = encodings
        self.pathInSchema = pathInSchema
        self.codec = codec
        self.numValues = numValues
        self.totalUncompressedSize = totalUncompressedSize
        self.totalCompressedSize = totalCompressedSize
        self.dataPageOffset = dataPageOffset
        self.dictionaryPageOffset = dictionaryPageOffset
        self.statistics = statistics
    }

    init(from d: inout ThriftCompactDecoder) throws {
        var type: PhysicalType?, codec: Int32?, numValues: Int64?, compressed: Int64?, dataOffset: Int64?
        var encodings: [Int32] = [], path: [String] = [], uncompressed: Int64 = 0
        var dictionaryOffset: Int64?, statistics: Statistics?
        try d.readStruct { d, f in
            switch f.id {
            case 1:
                let raw = try d.readInt32(f)
                guard let t = PhysicalType(rawValue: raw) else { throw ParquetError.corrupt("unknown column type \(raw)") }
                type = t
            case 2: encodings = try d.readList(f) { d, t in try d.readInt32(ThriftField(id: 2, type: t)) }
            case 3: path = try d.readList(f) { d, t in try d.readString(ThriftField(id: 3, type: t)) }
            case 4: codec = try d.readInt32(f)
            case 5: numValues = try d.readInt(f)
            case 6: uncompressed = try d.readInt(f)
            case 7: compressed = try d.readInt(f)
            case 9: dataOffset = try d.readInt(f)
            case 11: dictionaryOffset = try d.readInt(f)
            case 12 where f.type == .struct: statistics = try Statistics(from: &d)
            default: try d.skip(f)
            }
        }
        guard let type, let codec, let numValues, let compressed, let dataOffset else {
            throw ParquetError.corrupt("column metadata lacks a required field")
        }
        self.init(
            type: type, encodings: encodings, pathInSchema: path, codec: codec, numValues: numValues,
            totalUncompressedSize: uncompressed, totalCompressedSize: compressed, dataPageOffset: dataOffset,
            dictionaryPageOffset: dictionaryOffset, statistics: statistics)
    }

    func encode(to e: inout ThriftCompactEncoder) {
        e.i32(1, type.rawValue)
        e.i32List(2, encodings)
        e.stringList(3, pathInSchema)
        e.i32(4, codec)
        e.i64(5, numValues)
        e.i64(6, totalUncompressedSize)
        e.i64(7, totalCompressedSize)
        e.i64(9, dataPageOffset)
        if let dictionaryPageOffset { e.i64(11, dictionaryPageOffset) }
        if let statistics { e.structField(12) { statistics.encode(to: &$0) } }
    }
}
