#if _endian(big)
#error("Parquet stores numbers little-endian; this decoder copies them as they are")
#endif

/// Decodes PLAIN-encoded values: fixed-width little-endian numbers, bit-packed booleans, length-prefixed byte
/// arrays, fixed-length byte arrays.
enum PlainDecoder {
    /// Decodes `count` values of `leaf` from the start of `bytes`.
    /// - Throws: when the buffer holds fewer values than `count`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, count: Int, leaf: LeafColumn) throws -> ValueStore {
        switch leaf.physical {
        case .boolean:
            guard (count + 7) / 8 <= bytes.count else { throw ParquetError.corrupt("boolean values end early") }
            var store = ValueStore(kind: .boolean)
            store.booleans = (0..<count).map { bytes[$0 >> 3] >> UInt8($0 & 7) & 1 == 1 }
            return store
        case .int32:
            let raw: [Int32] = try load(bytes, count: count)
            return try leaf.convert(integers: raw.map(Int64.init))
        case .int64:
            let raw: [Int64] = try load(bytes, count: count)
            return try leaf.convert(integers: raw)
        case .float:
            let raw: [Float] = try load(bytes, count: count)
            var store = ValueStore(kind: .double)
            store.doubles = raw.map(Double.init)
            return store
        case .double:
            var store = ValueStore(kind: .double)
            store.doubles = try load(bytes, count: count)
            return store
        case .int96, .fixedLenByteArray:
            let width = leaf.fixedWidth ?? 0
            guard width > 0 else { throw ParquetError.corrupt("a fixed-length column has no length", column: leaf.name) }
            guard count <= bytes.count / width else { throw ParquetError.corrupt("fixed-length values end early") }
            return try leaf.convert(count: count) { UnsafeBufferPointer(rebasing: bytes[($0 * width)..<(($0 + 1) * width)]) }
        case .byteArray:
            let ranges = try byteArrayRanges(bytes, count: count)
            return try leaf.convert(count: count) { UnsafeBufferPointer(rebasing: bytes[ranges[$0]]) }
        }
    }

    /// Where each of `count` length-prefixed byte arrays lies.
    static func byteArrayRanges(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) throws -> [Range<Int>] {
        guard count <= bytes.count / 4 else { throw ParquetError.corrupt("byte array values end early") }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        var p = 0
        let raw = UnsafeRawBufferPointer(bytes)
        for _ in 0..<count {
            guard p + 4 <= bytes.count else { throw ParquetError.corrupt("byte array values end early") }
            let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self)))
            p += 4
            guard length <= bytes.count - p else { throw ParquetError.corrupt("a byte array runs past its page") }
            ranges.append(p..<(p + length))
            p += length
        }
        return ranges
    }

    /// Copies `count` fixed-width little-endian values.
    static func load<T: BitwiseCopyable>(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) throws -> [T] {
        let size = MemoryLayout<T>.size
        guard count <= bytes.count / size else { throw ParquetError.corrupt("values end early") }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[0..<(count * size)]))
            initialized = count
        }
    }
}
