/// Decodes the values section of a data page in any encoding this library reads.
struct PageValueDecoder {
    let leaf: LeafColumn
    let limits: ParquetReadLimits

    /// Decodes `count` non-null values.
    /// - Parameters:
    ///   - encoding: the page's raw `Encoding` id.
    ///   - dictionary: the chunk's dictionary, required by the dictionary encodings.
    func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, count: Int, encoding raw: Int32, dictionary: ValueStore?
    ) throws -> ValueStore {
        guard let encoding = Encoding(rawValue: raw) else {
            throw ParquetError("encoding \(raw) is not supported", column: leaf.name)
        }
        switch encoding {
        case .plain:
            return try PlainDecoder.decode(bytes, count: count, leaf: leaf)
        case .plainDictionary, .rleDictionary:
            guard let dictionary else {
                throw ParquetError.corrupt("a dictionary-encoded page comes without a dictionary page")
            }
            var indices: [UInt32] = []
            if count > 0 {
                guard let width = bytes.first else { throw ParquetError.corrupt("a dictionary page body is empty") }
                var decoder = try RLEHybridDecoder(UnsafeBufferPointer(rebasing: bytes.dropFirst()), bitWidth: Int(width))
                try decoder.decode(count: count, into: &indices)
            }
            var store = ValueStore(kind: leaf.kind)
            try indices.withUnsafeBufferPointer { try store.append(gathering: $0, from: dictionary) }
            return store
        case .rle where leaf.physical == .boolean:
            let levels = try LevelDecoder.lengthPrefixed(bytes, count: count, bitWidth: 1)
            var store = ValueStore(kind: .boolean)
            store.booleans = levels.map { $0 == 1 }
            return store
        case .deltaBinaryPacked where leaf.physical == .int32 || leaf.physical == .int64:
            var position = 0
            let values = try DeltaDecoder.integers(bytes, count: count, position: &position)
            // INT32 deltas wrap around in 32 bits, as the writer computed them.
            return try leaf.convert(
                integers: leaf.physical == .int32 ? values.map { Int64(Int32(truncatingIfNeeded: $0)) } : values)
        case .deltaLengthByteArray where leaf.physical == .byteArray:
            var position = 0
            let ranges = try DeltaDecoder.lengthPrefixed(bytes, count: count, position: &position)
            return try leaf.convert(count: count) { UnsafeBufferPointer(rebasing: bytes[ranges[$0]]) }
        case .deltaByteArray where leaf.physical == .byteArray || leaf.physical == .fixedLenByteArray:
            let values = try DeltaDecoder.prefixed(bytes, count: count, limit: limits.maximumPageBytes)
            if let width = leaf.fixedWidth, leaf.physical == .fixedLenByteArray, values.contains(where: { $0.count != width }) {
                throw ParquetError.corrupt("a fixed-length value has the wrong length")
            }
            return try Self.convert(values, leaf: leaf)
        case .byteStreamSplit where leaf.fixedWidth != nil && leaf.physical != .int96:
            let plain = try DeltaDecoder.unsplit(bytes, count: count, width: leaf.fixedWidth ?? 0)
            return try plain.withUnsafeBufferPointer { try PlainDecoder.decode($0, count: count, leaf: leaf) }
        default:
            throw ParquetError("encoding \(encoding) is not valid for a \(leaf.physical.name) column", column: leaf.name)
        }
    }

    private static func convert(_ values: [[UInt8]], leaf: LeafColumn) throws -> ValueStore {
        var flat: [UInt8] = []
        var ranges: [Range<Int>] = []
        for v in values {
            ranges.append(flat.count..<(flat.count + v.count))
            flat += v
        }
        return try flat.withUnsafeBufferPointer { b in
            try leaf.convert(count: values.count) { UnsafeBufferPointer(rebasing: b[ranges[$0]]) }
        }
    }
}

/// Definition levels (0 = null, 1 = present for a flat OPTIONAL column).
enum LevelDecoder {
    /// RLE levels with the 4-byte length prefix of data page v1 (and RLE booleans).
    static func lengthPrefixed(_ bytes: UnsafeBufferPointer<UInt8>, count: Int, bitWidth: Int) throws -> [UInt32] {
        let (levels, _) = try lengthPrefixedWithSize(bytes, count: count, bitWidth: bitWidth)
        return levels
    }

    /// The levels and how many bytes (prefix included) they took.
    static func lengthPrefixedWithSize(_ bytes: UnsafeBufferPointer<UInt8>, count: Int, bitWidth: Int) throws
        -> ([UInt32], Int)
    {
        guard bytes.count >= 4 else { throw ParquetError.corrupt("definition levels end early") }
        let length = Int(UInt32(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(as: UInt32.self)))
        guard length <= bytes.count - 4 else { throw ParquetError.corrupt("definition levels run past their page") }
        var levels: [UInt32] = []
        var decoder = try RLEHybridDecoder(UnsafeBufferPointer(rebasing: bytes[4..<(4 + length)]), bitWidth: bitWidth)
        try decoder.decode(count: count, into: &levels)
        return (levels, 4 + length)
    }

    /// Deprecated BIT_PACKED levels (most significant bit first), 1 bit each.
    static func bitPacked(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) throws -> ([UInt32], Int) {
        let size = (count + 7) / 8
        guard size <= bytes.count else { throw ParquetError.corrupt("definition levels end early") }
        return ((0..<count).map { UInt32(bytes[$0 >> 3] >> UInt8(7 - $0 & 7) & 1) }, size)
    }
}
