/// Decodes DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT (what writers use
/// with data page v2 or when asked), written from the Parquet encodings specification.
enum DeltaDecoder {
    /// Decodes `count` delta-packed integers starting at `position`, which moves past the values read.
    static func integers(_ b: UnsafeBufferPointer<UInt8>, count: Int, position: inout Int) throws -> [Int64] {
        var cursor = ByteCursor(b, position: position)
        let blockSize = try cursor.varint(), miniblocks = try cursor.varint()
        let total = try cursor.varint()
        var value = try cursor.zigzag()
        guard blockSize > 0, blockSize % 128 == 0, blockSize <= 1 << 20, miniblocks > 0, blockSize % miniblocks == 0,
            (blockSize / miniblocks) % 32 == 0
        else { throw ParquetError.corrupt("a delta block header is invalid") }
        guard total >= UInt64(count) else { throw ParquetError.corrupt("a delta run holds fewer values than the page") }
        let perMiniblock = Int(blockSize / miniblocks)
        var out: [Int64] = []
        out.reserveCapacity(count)
        if count > 0 { out.append(value) }
        while out.count < count {
            let minDelta = try cursor.zigzag()
            let widths = try cursor.bytes(Int(miniblocks))
            for m in 0..<Int(miniblocks) where out.count < count {
                let width = Int(widths[m])
                guard width <= 64 else { throw ParquetError.corrupt("a delta bit width is over 64") }
                let body = try cursor.bytes(perMiniblock * width / 8)
                for k in 0..<min(perMiniblock, count - out.count) {
                    let delta = unpack(body, bitOffset: k * width, width: width)
                    value = value &+ minDelta &+ Int64(bitPattern: delta)
                    out.append(value)
                }
            }
        }
        position = cursor.position
        return out
    }

    /// DELTA_LENGTH_BYTE_ARRAY: delta-packed lengths, then the bytes back to back.
    static func lengthPrefixed(_ b: UnsafeBufferPointer<UInt8>, count: Int, position: inout Int) throws -> [Range<Int>] {
        let lengths = try integers(b, count: count, position: &position)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        for length in lengths {
            guard length >= 0, length <= b.count - position else {
                throw ParquetError.corrupt("a byte array runs past its page")
            }
            ranges.append(position..<(position + Int(length)))
            position += Int(length)
        }
        return ranges
    }

    /// DELTA_BYTE_ARRAY: each value is a prefix of the previous one plus a suffix.
    /// - Parameter limit: most bytes the values may add up to (shared prefixes let a small page expand a lot).
    static func prefixed(_ b: UnsafeBufferPointer<UInt8>, count: Int, limit: Int) throws -> [[UInt8]] {
        var position = 0
        let prefixes = try integers(b, count: count, position: &position)
        let suffixes = try lengthPrefixed(b, count: count, position: &position)
        var out: [[UInt8]] = []
        out.reserveCapacity(count)
        var previous: [UInt8] = []
        var total = 0
        for (prefix, suffix) in zip(prefixes, suffixes) {
            guard prefix >= 0, prefix <= previous.count else { throw ParquetError.corrupt("a shared prefix is too long") }
            total += Int(prefix) + suffix.count
            guard total <= limit else { throw ParquetError.corrupt("prefix-encoded values expand past \(limit) bytes") }
            var value = Array(previous[0..<Int(prefix)])
            value += b[suffix]
            out.append(value)
            previous = value
        }
        return out
    }

    /// BYTE_STREAM_SPLIT: byte k of every value is stored in stream k; returns the values back in PLAIN order.
    static func unsplit(_ b: UnsafeBufferPointer<UInt8>, count: Int, width: Int) throws -> [UInt8] {
        guard width > 0, count <= b.count / width else { throw ParquetError.corrupt("split streams end early") }
        var out = [UInt8](repeating: 0, count: count * width)
        for stream in 0..<width {
            for i in 0..<count { out[i * width + stream] = b[stream * count + i] }
        }
        return out
    }

    /// `width` bits at `bitOffset`, LSB first.
    private static func unpack(_ body: UnsafeBufferPointer<UInt8>, bitOffset: Int, width: Int) -> UInt64 {
        guard width > 0 else { return 0 }
        var result: UInt64 = 0
        var produced = 0
        var bit = bitOffset
        while produced < width {
            let byte = UInt64(body[bit >> 3]) >> UInt64(bit & 7)
            let take = min(8 - (bit & 7), width - produced)
            result |= (byte & ((1 << UInt64(take)) - 1)) << UInt64(produced)
            produced += take
            bit += take
        }
        return result
    }
}

/// Bounds-checked reading of varints and byte runs.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw ParquetError.corrupt("encoded values end early") }
            let byte = bytes[position]
            position += 1
            guard shift < 64 else { throw ParquetError.corrupt("an over-long varint") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func zigzag() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func bytes(_ n: Int) throws -> UnsafeBufferPointer<UInt8> {
        guard n >= 0, n <= bytes.count - position else { throw ParquetError.corrupt("encoded values end early") }
        defer { position += n }
        return UnsafeBufferPointer(rebasing: bytes[position..<(position + n)])
    }
}
