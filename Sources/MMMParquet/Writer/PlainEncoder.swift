/// PLAIN encoding of dense values, and the PLAIN form of single values for statistics.
enum PlainEncoder {
    /// Appends the PLAIN encoding of `values[range]`.
    static func encode(_ values: ValueStore, _ range: Range<Int>, into out: inout [UInt8]) {
        switch values.kind {
        case .boolean:
            var byte: UInt8 = 0
            for (k, v) in values.booleans[range].enumerated() {
                if v { byte |= 1 << UInt8(k & 7) }
                if k & 7 == 7 {
                    out.append(byte)
                    byte = 0
                }
            }
            if range.count & 7 != 0 { out.append(byte) }
        case .int64, .timestamp: appendRaw(values.integers[range], into: &out)
        case .double: appendRaw(values.doubles[range], into: &out)
        case .date: appendRaw(values.days[range], into: &out)
        case .string:
            for s in values.strings[range] { appendString(s, into: &out) }
        }
    }

    /// A length-prefixed UTF-8 string.
    static func appendString(_ s: String, into out: inout [UInt8]) {
        let count = UInt32(s.utf8.count)
        withUnsafeBytes(of: count.littleEndian) { out.append(contentsOf: $0) }
        if s.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
            out.append(contentsOf: s.utf8)
        }
    }

    /// Little-endian bytes of fixed-width values as they lie in memory (the platform is little-endian).
    static func appendRaw<T: BitwiseCopyable>(_ slice: ArraySlice<T>, into out: inout [UInt8]) {
        slice.withUnsafeBytes { out.append(contentsOf: $0) }
    }

    /// One value's statistics form: PLAIN without a length prefix for strings.
    static func bytes<T: BitwiseCopyable>(of value: T) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }
}
