/// Column chunk (or page) statistics: PLAIN-encoded bounds (byte arrays without length prefix) and counts.
struct Statistics: Sendable, Equatable {
    /// Deprecated signed-order bounds (fields 1 and 2), read but not written.
    var legacyMax: [UInt8]?
    var legacyMin: [UInt8]?
    var nullCount: Int64?
    var distinctCount: Int64?
    var maxValue: [UInt8]?
    var minValue: [UInt8]?

    init(nullCount: Int64? = nil, minValue: [UInt8]? = nil, maxValue: [UInt8]? = nil) {
        self.nullCount = nullCount
        self.minValue = minValue
        self.maxValue = maxValue
    }

    init(from d: inout ThriftCompactDecoder) throws {
        var s = Statistics()
        try d.readStruct { d, f in
            switch f.id {
            case 1: s.legacyMax = try d.readBinary(f)
            case 2: s.legacyMin = try d.readBinary(f)
            case 3: s.nullCount = try d.readInt(f)
            case 4: s.distinctCount = try d.readInt(f)
            case 5: s.maxValue = try d.readBinary(f)
            case 6: s.minValue = try d.readBinary(f)
            default: try d.skip(f)
            }
        }
        self = s
    }

    func encode(to e: inout ThriftCompactEncoder) {
        if let nullCount { e.i64(3, nullCount) }
        if let distinctCount { e.i64(4, distinctCount) }
        if let maxValue { e.binary(5, maxValue) }
        if let minValue { e.binary(6, minValue) }
    }
}
