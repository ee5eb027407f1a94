/// The header before every page (`PageHeader` and its per-type parts).
struct PageHeader: Sendable, Equatable {
    /// Raw `PageType`; unknown types (index pages) are skipped by the reader.
    var type: Int32
    var uncompressedSize: Int32
    var compressedSize: Int32
    var dataPage: DataPageHeader?
    var dictionaryPage: DictionaryPageHeader?
    var dataPageV2: DataPageHeaderV2?

    init(
        type: PageType, uncompressedSize: Int32, compressedSize: Int32, dataPage: DataPageHeader? = nil,
        dictionaryPage: DictionaryPageHeader? = nil, dataPageV2: DataPageHeaderV2? = nil
    ) {
        self.type = type.rawValue
        self.uncompressedSize = uncompressedSize
        self.compressedSize = compressedSize
        self.dataPage = dataPage
        self.dictionaryPage = dictionaryPage
        self.dataPageV2 = dataPageV2
    }

    init(from d: inout ThriftCompactDecoder) throws {
        var type: Int32?, uncompressed: Int32?, compressed: Int32?
        var dataPage: DataPageHeader?, dictionaryPage: DictionaryPageHeader?, dataPageV2: DataPageHeaderV2?
        try d.readStruct { d, f in
            switch (f.id, f.type) {
            case (1, _): type = try d.readInt32(f)
            case (2, _): uncompressed = try d.readInt32(f)
            case (3, _): compressed = try d.readInt32(f)
            case (5, .struct): dataPage = try DataPageHeader(from: &d)
            case (7, .struct): dictionaryPage = try DictionaryPageHeader(from: &d)
            case (8, .struct): dataPageV2 = try DataPageHeaderV2(from: &d)
            default: try d.skip(f)
            }
        }
        guard let type, let uncompressed, let compressed, uncompressed >= 0, compressed >= 0 else {
            throw ParquetError.corrupt("a page header lacks its type or sizes")
        }
        self.type = type
        self.uncompressedSize = uncompressed
        self.compressedSize = compressed
        self.dataPage = dataPage
        self.dictionaryPage = dictionaryPage
        self.dataPageV2 = dataPageV2
    }

    func encode(to e: inout ThriftCompactEncoder) {
        e.i32(1, type)
        e.i32(2, uncompressedSize)
        e.i32(3, compressedSize)
        if let dataPage { e.structField(5) { dataPage.encode(to: &$0) } }
        if let dictionaryPage { e.structField(7) { dictionaryPage.encode(to: &$0) } }
        if let dataPageV2 { e.structField(8) { dataPageV2.encode(to: &$0) } }
    }
}

/// `DataPageHeader` (data page v1).
struct DataPageHeader: Sendable, Equatable {
    var numValues: Int32
    var encoding: Int32
    var definitionLevelEncoding: Int32
    var repetitionLevelEncoding: Int32
    var statistics: Statistics?

    init(numValues: Int32, encoding: Encoding, statistics: Statistics? = nil) {
        self.numValues = numValues
        self.encoding = encoding.rawValue
        self.definitionLevelEncoding = Encoding.rle.rawValue
        self.repetitionLevelEncoding = Encoding.rle.rawValue
        self.statistics = statistics
    }

    init(from d: inout ThriftCompactDecoder) throws {
        var values: Int32?, encoding: Int32?, def: Int32 = Encoding.rle.rawValue, rep: Int32 = Encoding.rle.rawValue
        try d.readStruct { d, f in
            switch f.id {
            case 1: values = try d.readInt32(f)
            case 2: encoding = try d.readInt32(f)
            case 3: def = try d.readInt32(f)
            case 4: rep = try d.readInt32(f)
            default: try d.skip(f)
            }
        }
        guard let values, let encoding, values >= 0 else { throw ParquetError.corrupt("a data page header is incomplete") }
        self.numValues = values
        self.encoding = encoding
        self.definitionLevelEncoding = def
        self.repetitionLevelEncoding = rep
    }

    func encode(to e: inout ThriftCompactEncoder) {
        e.i32(1, numValues)
        e.i32(2, encoding)
        e.i32(3, definitionLevelEncoding)
        e.i32(4, repetitionLevelEncoding)
        if let statistics { e.structField(5) { statistics.encode(to: &$0) } }
    }
}

/// `DictionaryPageHeader`.
struct DictionaryPageHeader: Sendable, Equatable {
    var numValues: Int32
    var encoding: Int32

    init(numValues: Int32, encoding: Encoding) {
        self.numValues = numValues
        self.encoding = encoding.rawValue
    }

    init(from d: inout ThriftCompactDecoder) throws {
        var values: Int32?, encoding: Int32 = Encoding.plain.rawValue
        try d.readStruct { d, f in
            switch f.id {
            case 1: values = try d.readInt32(f)
            case 2: encoding = try d.readInt32(f)
            default: try d.skip(f)
            }
        }
        guard let values, values >= 0 else { throw ParquetError.corrupt("a dictionary page header is incomplete") }
        self.numValues = values
        self.encoding = encoding
    }

    func encode(to e: inout ThriftCompactEncoder) {
        e.i32(1, numValues)
        e.i32(2, encoding)
    }
}

/// `DataPageHeaderV2`: levels are stored uncompressed before the (optionally compressed) values.
struct DataPageHeaderV2: Sendable, Equatable {
    var numValues: Int32
    var numNulls: Int32
    var numRows: Int32
    var encoding: Int32
    var definitionLevelsByteLength: Int32
    var repetitionLevelsByteLength: Int32
    var isCompressed: Bool

    init(from d: inout ThriftCompactDecoder) throws {
        var values: Int32?, nulls: Int32?, rows: Int32?, encoding: Int32?, defLength: Int32?, repLength: Int32?
        var compressed = true
        try d.readStruct { d, f in
            switch f.id {
            case 1: values = try d.readInt32(f)
            case 2: nulls = try d.readInt32(f)
            case 3: rows = try d.readInt32(f)
            case 4: encoding = try d.readInt32(f)
            case 5: defLength = try d.readInt32(f)
            case 6: repLength = try d.readInt32(f)
            case 7: compressed = try d.readBool(f)
            default: try d.skip(f)
            }
        }
        guard let values, let nulls, let rows, let encoding, let defLength, let repLength,
            values >= 0, nulls >= 0, nulls <= values, rows >= 0, defLength >= 0, repLength >= 0
        else { throw ParquetError.corrupt("a data page (v2) header is incomplete or inconsistent") }
        self.numValues = values
        self.numNulls = nulls
        self.numRows = rows
        self.encoding = encoding
        self.definitionLevelsByteLength = defLength
        self.repetitionLevelsByteLength = repLength
        self.isCompressed = compressed
    }

    func encode(to e: inout ThriftCompactEncoder) {
        e.i32(1, numValues)
        e.i32(2, numNulls)
        e.i32(3, numRows)
        e.i32(4, encoding)
        e.i32(5, definitionLevelsByteLength)
        e.i32(6, repetitionLevelsByteLength)
        e.bool(7, isCompressed)
    }
}
