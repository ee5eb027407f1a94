/// Compresses to raw Snappy (no framing), written from the Snappy format description.
///
/// Input is cut into 64 KiB blocks (so every offset fits two bytes); in each block a 16K-entry hash table of 4-byte
/// sequences finds earlier matches, which become copies; the rest becomes literals. Deterministic: the same input
/// always gives the same bytes.
enum SnappyCompressor {
    private static let blockSize = 1 << 16
    private static let hashBits = 14

    /// The Snappy encoding of `input`.
    static func compress(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32 + input.count + input.count / 6)
        RLEHybridEncoder.writeVarint(UInt64(input.count), into: &out)
        var table = [Int32](repeating: 0, count: 1 << hashBits)
        var start = 0
        while start < input.count {
            let end = min(start + blockSize, input.count)
            compressBlock(input, start..<end, table: &table, into: &out)
            start = end
        }
        return out
    }

    private static func load32(_ p: UnsafeRawBufferPointer, _ i: Int) -> UInt32 {
        p.loadUnaligned(fromByteOffset: i, as: UInt32.self)
    }

    private static func compressBlock(
        _ input: UnsafeBufferPointer<UInt8>, _ block: Range<Int>, table: inout [Int32], into out: inout [UInt8]
    ) {
        let raw = UnsafeRawBufferPointer(input)
        var literalStart = block.lowerBound
        if block.count >= 16 {
            for i in table.indices { table[i] = -1 }
            var ip = block.lowerBound
            let limit = block.upperBound - 4
            var skip = 32
            while ip <= limit {
                let word = load32(raw, ip)
                let hash = Int((word &* 0x1E35_A7BD) >> UInt32(32 - hashBits))
                // The table holds offsets within the block (so any input size fits), -1 when empty.
                let slot = Int(table[hash])
                let candidate = block.lowerBound + slot
                table[hash] = Int32(ip - block.lowerBound)
                guard slot >= 0, load32(raw, candidate) == word else {
                    ip += skip >> 5
                    skip += 1
                    continue
                }
                skip = 32
                var length = 4
                while ip + length < block.upperBound && input[candidate + length] == input[ip + length] { length += 1 }
                emitLiteral(input, literalStart..<ip, into: &out)
                emitCopy(offset: ip - candidate, length: length, into: &out)
                ip += length
                literalStart = ip
                if ip - 1 <= limit {
                    table[Int((load32(raw, ip - 1) &* 0x1E35_A7BD) >> UInt32(32 - hashBits))] = Int32(ip - 1 - block.lowerBound)
                }
            }
        }
        emitLiteral(input, literalStart..<block.upperBound, into: &out)
    }

    private static func emitLiteral(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8]) {
        guard !range.isEmpty else { return }
        let n = range.count - 1
        if n < 60 {
            out.append(UInt8(n << 2))
        } else {
            let extra = n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : n < 1 << 24 ? 3 : 4
            out.append(UInt8((59 + extra) << 2))
            for i in 0..<extra { out.append(UInt8(truncatingIfNeeded: n >> (8 * i))) }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: input[range]))
    }

    private static func emitCopy(offset: Int, length: Int, into out: inout [UInt8]) {
        var left = length
        // Pieces of at most 64; never leave a piece shorter than 4.
        while left >= 68 {
            emitCopyPiece(offset: offset, length: 64, into: &out)
            left -= 64
        }
        if left > 64 {
            emitCopyPiece(offset: offset, length: 60, into: &out)
            left -= 60
        }
        emitCopyPiece(offset: offset, length: left, into: &out)
    }

    private static func emitCopyPiece(offset: Int, length: Int, into out: inout [UInt8]) {
        if length <= 11 && offset < 2048 {
            out.append(UInt8(1 | (length - 4) << 2 | (offset >> 8) << 5))
            out.append(UInt8(offset & 0xFF))
        } else {
            out.append(UInt8(2 | (length - 1) << 2))
            out.append(UInt8(offset & 0xFF))
            out.append(UInt8(offset >> 8))
        }
    }
}
