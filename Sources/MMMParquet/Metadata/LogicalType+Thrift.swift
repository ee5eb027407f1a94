extension LogicalType {
    /// Decodes the `LogicalType` union (one field set).
    init(from d: inout ThriftCompactDecoder) throws {
        var result: LogicalType = .other(0)
        try d.readStruct { d, field in
            switch (field.id, field.type) {
            case (5, .struct):
                var scale: Int32 = 0, precision: Int32 = 0
                try d.readStruct { d, f in
                    switch f.id {
                    case 1: scale = try d.readInt32(f)
                    case 2: precision = try d.readInt32(f)
                    default: try d.skip(f)
                    }
                }
                result = .decimal(scale: scale, precision: precision)
            case (7, .struct), (8, .struct):
                var utc = false, unit = TimeUnit.millis
                try d.readStruct { d, f in
                    switch f.id {
                    case 1: utc = try d.readBool(f)
                    case 2 where f.type == .struct: unit = try TimeUnit(from: &d)
                    default: try d.skip(f)
                    }
                }
                result = field.id == 7 ? .time(adjustedToUTC: utc, unit: unit) : .timestamp(adjustedToUTC: utc, unit: unit)
            case (10, .struct):
                var width: Int8 = 64, signed = true
                try d.readStruct { d, f in
                    switch f.id {
                    case 1: width = Int8(truncatingIfNeeded: try d.readInt(f))
                    case 2: signed = try d.readBool(f)
                    default: try d.skip(f)
                    }
                }
                result = .integer(bitWidth: width, signed: signed)
            default:
                try d.skip(field)
                let simple: [Int16: LogicalType] = [
                    1: .string, 4: .enum, 6: .date, 11: .unknown, 12: .json, 13: .bson, 14: .uuid, 15: .float16,
                ]
                result = simple[field.id] ?? .other(field.id)
            }
        }
        self = result
    }

    /// Encodes the union for the annotations the writer produces (STRING, DATE, TIMESTAMP); others write nothing.
    func encode(to e: inout ThriftCompactEncoder) {
        switch self {
        case .string: e.structField(1) { _ in }
        case .date: e.structField(6) { _ in }
        case .timestamp(let utc, let unit):
            e.structField(8) { e in
                e.bool(1, utc)
                e.structField(2) { e in e.structField(unit.unionID) { _ in } }
            }
        default: break
        }
    }
}

extension TimeUnit {
    /// Decodes the `TimeUnit` union.
    init(from d: inout ThriftCompactDecoder) throws {
        var unit = TimeUnit.millis
        try d.readStruct { d, f in
            switch f.id {
            case 2: unit = .micros
            case 3: unit = .nanos
            default: unit = .millis
            }
            try d.skip(f)
        }
        self = unit
    }

    /// The union's field id.
    var unionID: Int16 {
        switch self {
        case .millis: 1
        case .micros: 2
        case .nanos: 3
        }
    }
}
