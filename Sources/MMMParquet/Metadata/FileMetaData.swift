/// The footer (`FileMetaData`): schema, row groups and who wrote the file.
struct FileMetaData: Sendable, Equatable {
    var version: Int32
    var schema: [SchemaElement]
    var numRows: Int64
    var rowGroups: [RowGroup]
    var keyValueMetadata: [KeyValue]
    var createdBy: String?
    /// Number of `ColumnOrder` entries (all TYPE_ORDER when this library writes them).
    var columnOrderCount: Int

    init(
        version: Int32, schema: [SchemaElement], numRows: Int64, rowGroups: [RowGroup], keyValueMetadata: [KeyValue],
        createdBy: String?, columnOrderCount: Int
    ) {
        self.version = version
        self.schema = schema
        self.numRows = numRows
        self.rowGroups = rowGroups
        self.keyValueMetadata = keyValueMetadata
        self.createdBy = createdBy
        self.columnOrderCount = columnOrderCount
    }

    init(from d: inout ThriftCompactDecoder) throws {
        var version: Int32 = 1, schema: [SchemaElement]?, numRows: Int64?, rowGroups: [RowGroup]?
        var keyValues: [KeyValue] = [], createdBy: String?, orders = 0
        try d.readStruct { d, f in
            switch f.id {
            case 1: version = try d.readInt32(f)
            case 2: schema = try d.readList(f) { d, t in try d.readStructElement(t) { try SchemaElement(from: &$0) } }
            case 3: numRows = try d.readInt(f)
            case 4: rowGroups = try d.readList(f) { d, t in try d.readStructElement(t) { try RowGroup(from: &$0) } }
            case 5: keyValues = try d.readList(f) { d, t in try d.readStructElement(t) { try KeyValue(from: &$0) } }
            case 6: createdBy = try d.readString(f)
            case 7: orders = try d.readList(f) { d, t in try d.skip(t, inList: true) }.count
            default: try d.skip(f)
            }
        }
        guard let schema, let numRows, let rowGroups else {
            throw ParquetError.corrupt("the footer lacks the schema, row count or row groups")
        }
        self.init(
            version: version, schema: schema, numRows: numRows, rowGroups: rowGroups, keyValueMetadata: keyValues,
            createdBy: createdBy, columnOrderCount: orders)
    }

    func encode(to e: inout ThriftCompactEncoder) {
        e.i32(1, version)
        e.structList(2, schema) { e, s in s.encode(to: &e) }
        e.i64(3, numRows)
        e.structList(4, rowGroups) { e, g in g.encode(to: &e) }
        if !keyValueMetadata.isEmpty { e.structList(5, keyValueMetadata) { e, kv in kv.encode(to: &e) } }
        if let createdBy { e.string(6, createdBy) }
        if columnOrderCount > 0 {
            // ColumnOrder union, field 1 = TYPE_ORDER (an empty struct): min/max follow the logical type's order.
            e.structList(7, Array(repeating: 0, count: columnOrderCount)) { e, _ in e.structField(1) { _ in } }
        }
    }
}

/// A horizontal slice of the table (`RowGroup`).
struct RowGroup: Sendable, Equatable {
    var columns: [ColumnChunk]
    var totalByteSize: Int64
    var numRows: Int64

    init(columns: [ColumnChunk], totalByteSize: Int64, numRows: Int64) {
        self.columns = columns
        self.totalByteSize = totalByteSize
        self.numRows = numRows
    }

    init(from d: inout ThriftCompactDecoder) throws {
        var columns: [ColumnChunk]?, total: Int64 = 0, rows: Int64?
        try d.readStruct { d, f in
            switch f.id {
            case 1: columns = try d.readList(f) { d, t in try d.readStructElement(t) { try ColumnChunk(from: &$0) } }
            case 2: total = try d.readInt(f)
            case 3: rows = try d.readInt(f)
            default: try d.skip(f)
            }
        }
        guard let columns, let rows else { throw ParquetError.corrupt("a row group lacks its columns or row count") }
        self.init(columns: columns, totalByteSize: total, numRows: rows)
    }

    func encode(to e: inout ThriftCompactEncoder) {
        e.structList(1, columns) { e, c in c.encode(to: &e) }
        e.i64(2, totalByteSize)
        e.i64(3, numRows)
    }
}

/// One column's data in one row group (`ColumnChunk`).
struct ColumnChunk: Sendable, Equatable {
    /// Set when the data lives in another file (not supported).
    var filePath: String?
    var fileOffset: Int64
    var metaData: ColumnMetaData?

    init(filePath: String? = nil, fileOffset: Int64, metaData: ColumnMetaData?) {
        self.filePath = filePath
        self.fileOffset = fileOffset
        self.metaData = metaData
    }

    init(from d: inout ThriftCompactDecoder) throws {
        var chunk = ColumnChunk(fileOffset: 0, metaData: nil)
        try d.readStruct { d, f in
            switch f.id {
            case 1: chunk.filePath = try d.readString(f)
            case 2: chunk.fileOffset = try d.readInt(f)
            case 3 where f.type == .struct: chunk.metaData = try ColumnMetaData(from: &d)
            default: try d.skip(f)
            }
        }
        self = chunk
    }

    func encode(to e: inout ThriftCompactEncoder) {
        e.i64(2, fileOffset)
        if let metaData { e.structField(3) { metaData.encode(to: &$0) } }
    }
}

/// Application metadata (`KeyValue`).
struct KeyValue: Sendable, Equatable {
    var key: String
    var value: String?

    init(key: String, value: String?) {
        self.key = key
        self.value = value
    }

    init(from d: inout ThriftCompactDecoder) throws {
        var key: String?, value: String?
        try d.readStruct { d, f in
            switch f.id {
            case 1: key = try d.readString(f)
            case 2: value = String(decoding: try d.readBinary(f), as: UTF8.self)  // informational only
            default: try d.skip(f)
            }
        }
        guard let key else { throw ParquetError.corrupt("a key/value entry has no key") }
        self.init(key: key, value: value)
    }

    func encode(to e: inout ThriftCompactEncoder) {
        e.string(1, key)
        if let value { e.string(2, value) }
    }
}

extension ThriftCompactDecoder {
    /// A struct list element, checking the list's element type.
    mutating func readStructElement<T>(_ type: ThriftType, _ body: (inout Self) throws -> T) throws -> T {
        guard type == .struct else { throw ParquetError.corrupt("a metadata list holds \(type) where structs belong") }
        return try body(&self)
    }
}
