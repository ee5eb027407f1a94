/// Physical storage types (`Type` in the Parquet format).
enum PhysicalType: Int32, Sendable {
    case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLenByteArray = 7

    /// The format's name, for messages.
    var name: String {
        switch self {
        case .boolean: "BOOLEAN"
        case .int32: "INT32"
        case .int64: "INT64"
        case .int96: "INT96"
        case .float: "FLOAT"
        case .double: "DOUBLE"
        case .byteArray: "BYTE_ARRAY"
        case .fixedLenByteArray: "FIXED_LEN_BYTE_ARRAY"
        }
    }
}

/// The deprecated but still written `ConvertedType` annotations this library interprets.
enum ConvertedType: Int32, Sendable {
    case utf8 = 0, map = 1, mapKeyValue = 2, list = 3, `enum` = 4, decimal = 5, date = 6, timeMillis = 7
    case timeMicros = 8, timestampMillis = 9, timestampMicros = 10, uint8 = 11, uint16 = 12, uint32 = 13
    case uint64 = 14, int8 = 15, int16 = 16, int32 = 17, int64 = 18, json = 19, bson = 20, interval = 21
}

/// `FieldRepetitionType`.
enum Repetition: Int32, Sendable {
    case required = 0, optional = 1, repeated = 2
}

/// Value and level encodings (`Encoding`).
enum Encoding: Int32, Sendable {
    case plain = 0, plainDictionary = 2, rle = 3, bitPacked = 4, deltaBinaryPacked = 5, deltaLengthByteArray = 6
    case deltaByteArray = 7, rleDictionary = 8, byteStreamSplit = 9
}

/// Page compression codecs (`CompressionCodec`).
enum CompressionCodec: Int32, Sendable {
    case uncompressed = 0, snappy = 1, gzip = 2, lzo = 3, brotli = 4, lz4 = 5, zstd = 6, lz4Raw = 7

    var name: String {
        switch self {
        case .uncompressed: "UNCOMPRESSED"
        case .snappy: "SNAPPY"
        case .gzip: "GZIP"
        case .lzo: "LZO"
        case .brotli: "BROTLI"
        case .lz4: "LZ4"
        case .zstd: "ZSTD"
        case .lz4Raw: "LZ4_RAW"
        }
    }
}

/// `PageType`.
enum PageType: Int32, Sendable {
    case dataPage = 0, indexPage = 1, dictionaryPage = 2, dataPageV2 = 3
}

/// The unit of a TIME or TIMESTAMP logical type.
enum TimeUnit: Sendable, Equatable {
    case millis, micros, nanos
}

/// The `LogicalType` union, reduced to what a flat table needs; anything else is ``other(_:)``.
enum LogicalType: Sendable, Equatable {
    case string, `enum`, json, bson, uuid, float16, date, unknown
    case decimal(scale: Int32, precision: Int32)
    case time(adjustedToUTC: Bool, unit: TimeUnit)
    case timestamp(adjustedToUTC: Bool, unit: TimeUnit)
    case integer(bitWidth: Int8, signed: Bool)
    /// Nested or newer annotations (MAP, LIST, VARIANT, …), by union field id.
    case other(Int16)
}
