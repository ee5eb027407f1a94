/// A leaf column of a flat schema: its storage, nullability, and how its stored values become ``ParquetValueKind``s.
struct LeafColumn: Sendable, Equatable {
    /// How stored values are converted.
    enum Conversion: Sendable, Equatable {
        case none
        /// INT32 holding an unsigned value.
        case unsigned32
        /// INT64 holding an unsigned value (to double: it may exceed Int64).
        case unsigned64
        case decimal(scale: Int)
        case timestamp(TimeUnit)
        /// Legacy INT96 timestamps (nanoseconds of the day + Julian day).
        case int96
        case float
        case float16
        /// TIME of day, rendered as text.
        case time(TimeUnit)
        /// UUID bytes, rendered as text.
        case uuid
    }

    var name: String
    var physical: PhysicalType
    /// Bytes per value for FIXED_LEN_BYTE_ARRAY.
    var typeLength: Int
    var isOptional: Bool
    var kind: ParquetValueKind
    var conversion: Conversion

    /// Interprets one leaf schema element.
    /// - Throws: for repeated fields and types without a flat-table meaning.
    init(_ element: SchemaElement) throws {
        name = element.name
        guard let physical = element.type else { throw ParquetError("column is a group", column: element.name) }
        self.physical = physical
        typeLength = Int(element.typeLength ?? 0)
        switch element.repetition ?? .required {
        case .required: isOptional = false
        case .optional: isOptional = true
        case .repeated:
            throw ParquetError(
                "column is a repeated (list) field; only flat tables are supported", column: element.name,
                hint: "flatten the column before writing the file")
        }
        (kind, conversion) = try Self.interpret(element, physical: physical)
    }

    private static func interpret(_ e: SchemaElement, physical: PhysicalType) throws -> (ParquetValueKind, Conversion) {
        let logical = e.logicalType
        let converted = e.convertedType
        var decimalScale: Int? {
            if case .decimal(let scale, _) = logical { return Int(scale) }
            return converted == .decimal ? Int(e.scale ?? 0) : nil
        }
        if let scale = decimalScale, [.int32, .int64, .byteArray, .fixedLenByteArray].contains(physical) {
            guard (0...76).contains(scale) else { throw ParquetError("decimal scale \(scale) is out of range", column: e.name) }
            return (.double, .decimal(scale: scale))
        }
        switch physical {
        case .boolean: return (.boolean, .none)
        case .int32:
            if logical == .date || converted == .date { return (.date, .none) }
            if case .time(_, let unit) = logical { return (.string, .time(unit)) }
            if converted == .timeMillis { return (.string, .time(.millis)) }
            if case .integer(_, false) = logical { return (.int64, .unsigned32) }
            if [.uint8, .uint16, .uint32].contains(converted) { return (.int64, .unsigned32) }
            return (.int64, .none)
        case .int64:
            if case .timestamp(_, let unit) = logical { return (.timestamp, .timestamp(unit)) }
            if converted == .timestampMillis { return (.timestamp, .timestamp(.millis)) }
            if converted == .timestampMicros { return (.timestamp, .timestamp(.micros)) }
            if case .time(_, let unit) = logical { return (.string, .time(unit)) }
            if converted == .timeMicros { return (.string, .time(.micros)) }
            if case .integer(_, false) = logical { return (.double, .unsigned64) }
            if converted == .uint64 { return (.double, .unsigned64) }
            return (.int64, .none)
        case .int96: return (.timestamp, .int96)
        case .float: return (.double, .float)
        case .double: return (.double, .none)
        case .byteArray:
            if logical == .bson || converted == .bson {
                throw ParquetError("BSON columns are not supported", column: e.name, hint: "drop or cast the column")
            }
            return (.string, .none)
        case .fixedLenByteArray:
            if logical == .uuid, e.typeLength == 16 { return (.string, .uuid) }
            if logical == .float16, e.typeLength == 2 { return (.double, .float16) }
            throw ParquetError(
                "FIXED_LEN_BYTE_ARRAY columns without a DECIMAL, UUID or FLOAT16 annotation are not supported",
                column: e.name, hint: "drop or cast the column")
        }
    }

    /// Bytes per value in PLAIN encoding for fixed-width types (nil for BYTE_ARRAY and BOOLEAN).
    var fixedWidth: Int? {
        switch physical {
        case .int32, .float: 4
        case .int64, .double: 8
        case .int96: 12
        case .fixedLenByteArray: typeLength
        case .boolean, .byteArray: nil
        }
    }
}

/// The flat view of a file's schema: one ``LeafColumn`` per top-level field.
enum FlatSchema {
    /// Reads the leaf columns under the root.
    /// - Throws: for nested groups, repeated fields, unsupported types or an inconsistent tree.
    static func leaves(of schema: [SchemaElement]) throws -> [LeafColumn] {
        guard let root = schema.first else { throw ParquetError.corrupt("the schema is empty") }
        let children = Int(root.numChildren ?? 0)
        guard children >= 0, children == schema.count - 1 else {
            if let nested = schema.dropFirst().first(where: { ($0.numChildren ?? 0) > 0 }) {
                throw ParquetError(
                    "column is nested (a struct, list or map); only flat tables are supported", column: nested.name,
                    hint: "flatten the column before writing the file")
            }
            throw ParquetError.corrupt("the schema tree is inconsistent (\(children) children, \(schema.count - 1) nodes)")
        }
        var seen: Set<String> = []
        return try schema.dropFirst().map { element in
            if (element.numChildren ?? 0) > 0 || element.type == nil {
                throw ParquetError(
                    "column is nested (a struct, list or map); only flat tables are supported", column: element.name,
                    hint: "flatten the column before writing the file")
            }
            guard seen.insert(element.name).inserted else {
                throw ParquetError("duplicate column name", column: element.name, hint: "rename one of the columns")
            }
            return try LeafColumn(element)
        }
    }
}
