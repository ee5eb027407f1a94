/// Encodes the RLE / bit-packing hybrid: runs of 8 or more equal values become RLE runs, the rest bit-packed groups
/// of 8 (the last group zero-padded, which readers ignore because they know the value count).
enum RLEHybridEncoder {
    /// Appends the encoding of `values` (each < 2^bitWidth) to `out`.
    static func encode(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, into out: inout [UInt8]) {
        let n = values.count
        var literalStart = 0
        var i = 0
        while i < n {
            var run = 1
            while i + run < n && values[i + run] == values[i] { run += 1 }
            if run >= 8 {
                // Bit-packed groups must hold 8 values: top the pending literals up from this run first.
                let pending = (i - literalStart) % 8
                if pending != 0 {
                    let take = 8 - pending
                    if run - take < 8 {
                        i += run
                        continue
                    }
                    i += take
                    run -= take
                }
                bitPack(values, literalStart..<i, bitWidth: bitWidth, into: &out)
                writeVarint(UInt64(run) << 1, into: &out)
                var value = values[i]
                for _ in 0..<((bitWidth + 7) / 8) {
                    out.append(UInt8(truncatingIfNeeded: value))
                    value >>= 8
                }
                i += run
                literalStart = i
            } else {
                i += run
            }
        }
        bitPack(values, literalStart..<n, bitWidth: bitWidth, into: &out)
    }

    /// The bit width needed for values up to `maxValue`.
    static func bitWidth(for maxValue: UInt32) -> Int {
        maxValue == 0 ? 0 : 32 - maxValue.leadingZeroBitCount
    }

    private static func bitPack(
        _ values: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, bitWidth: Int, into out: inout [UInt8]
    ) {
        guard !range.isEmpty else { return }
        let groups = (range.count + 7) / 8
        writeVarint(UInt64(groups) << 1 | 1, into: &out)
        var accumulator: UInt64 = 0
        var bits = 0
        for k in 0..<(groups * 8) {
            let v = k < range.count ? UInt64(values[range.lowerBound + k]) : 0
            accumulator |= v << UInt64(bits)
            bits += bitWidth
            while bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
        // groups × 8 × bitWidth is a whole number of bytes, so nothing is left over.
    }

    static func writeVarint(_ value: UInt64, into out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}
