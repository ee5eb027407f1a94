/// Decodes the RLE / bit-packing hybrid (definition levels, dictionary indices, RLE booleans).
///
/// A run header is a varint: low bit 0 means an RLE run of `header >> 1` copies of one value stored in
/// ⌈bitWidth / 8⌉ little-endian bytes; low bit 1 means `header >> 1` groups of 8 values bit-packed LSB first.
struct RLEHybridDecoder {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let bitWidth: Int
    private var position = 0

    /// - Parameters:
    ///   - bytes: the encoded runs (no length prefix).
    ///   - bitWidth: bits per value, 0…32.
    init(_ bytes: UnsafeBufferPointer<UInt8>, bitWidth: Int) throws {
        guard (0...32).contains(bitWidth) else { throw ParquetError.corrupt("bit width \(bitWidth) is out of range") }
        self.bytes = bytes
        self.bitWidth = bitWidth
    }

    /// Decodes exactly `count` values into `out`.
    /// - Throws: when the runs end before `count` values.
    mutating func decode(count: Int, into out: inout [UInt32]) throws {
        let start = out.count
        out.reserveCapacity(start + count)
        var left = count
        let mask: UInt64 = bitWidth == 32 ? 0xFFFF_FFFF : (1 << UInt64(bitWidth)) - 1
        while left > 0 {
            let header = try readVarint()
            let runLength = header >> 1
            guard runLength > 0 else { throw ParquetError.corrupt("an encoded run is empty") }
            if header & 1 == 0 {
                let width = (bitWidth + 7) / 8
                guard position + width <= bytes.count else { throw ParquetError.corrupt("an encoded run ends early") }
                var value: UInt64 = 0
                for i in 0..<width { value |= UInt64(bytes[position + i]) << UInt64(8 * i) }
                position += width
                guard value <= mask else { throw ParquetError.corrupt("a run value does not fit its bit width") }
                let n = Int(min(runLength, UInt64(left)))
                out.append(contentsOf: repeatElement(UInt32(value), count: n))
                left -= n
            } else {
                // Groups of 8; only the values still needed are unpacked (trailing padding may be cut short).
                guard runLength <= UInt64(Int.max / 8) else { throw ParquetError.corrupt("an encoded run is too long") }
                let n = min(Int(runLength) * 8, left)
                let byteCount = (n * bitWidth + 7) / 8
                guard position + byteCount <= bytes.count else {
                    throw ParquetError.corrupt("a bit-packed run ends early")
                }
                var accumulator: UInt64 = 0
                var bits = 0
                var p = position
                for _ in 0..<n {
                    while bits < bitWidth {
                        accumulator |= UInt64(bytes[p]) << UInt64(bits)
                        p += 1
                        bits += 8
                    }
                    out.append(UInt32(truncatingIfNeeded: accumulator & mask))
                    accumulator >>= UInt64(bitWidth)
                    bits -= bitWidth
                }
                // Skip the whole run, padding included, when the buffer holds it.
                position = min(bytes.count, position + Int(min(runLength, UInt64(bytes.count))) * bitWidth)
                position = max(position, p)
                left -= n
            }
        }
    }

    private mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw ParquetError.corrupt("encoded values end early") }
            let byte = bytes[position]
            position += 1
            guard shift < 64 else { throw ParquetError.corrupt("an over-long run header") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }
}
