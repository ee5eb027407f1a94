/// Decompresses raw Snappy blocks (no framing), as Parquet stores SNAPPY pages. Written from the Snappy format
/// description: a varint uncompressed length, then literals and back-references.
enum SnappyDecompressor {
    /// Decompresses `input`.
    /// - Parameter expectedSize: the page's uncompressed size; the block's own length must agree.
    /// - Throws: on any malformed element, an offset before the start, or a size mismatch.
    static func decompress(_ input: UnsafeBufferPointer<UInt8>, expectedSize: Int) throws -> [UInt8] {
        var cursor = ByteCursor(input)
        let declared = try cursor.varint()
        guard declared == UInt64(expectedSize) else {
            throw ParquetError.corrupt("a SNAPPY page says \(declared) bytes but its header says \(expectedSize)")
        }
        var position = cursor.position
        return try [UInt8](unsafeUninitializedCapacity: expectedSize) { out, written in
            var o = 0
            func fail(_ what: String) -> ParquetError {
                ParquetError.corrupt("a SNAPPY page is malformed (\(what))")
            }
            while position < input.count {
                let tag = input[position]
                position += 1
                switch tag & 3 {
                case 0:
                    var length = Int(tag >> 2) + 1
                    if length > 60 {
                        let extra = length - 60
                        guard position + extra <= input.count else { throw fail("literal length") }
                        length = 0
                        for i in 0..<extra { length |= Int(input[position + i]) << (8 * i) }
                        length += 1
                        position += extra
                    }
                    guard length <= input.count - position, length <= expectedSize - o else { throw fail("literal") }
                    UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(out)[o..<(o + length)])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(input)[position..<(position + length)]))
                    o += length
                    position += length
                    written = o
                    continue
                case 1:
                    guard position < input.count else { throw fail("copy") }
                    let length = Int((tag >> 2) & 7) + 4
                    let offset = Int(tag >> 5) << 8 | Int(input[position])
                    position += 1
                    try copy(offset: offset, length: length)
                case 2:
                    guard position + 2 <= input.count else { throw fail("copy") }
                    let offset = Int(input[position]) | Int(input[position + 1]) << 8
                    position += 2
                    try copy(offset: offset, length: Int(tag >> 2) + 1)
                default:
                    guard position + 4 <= input.count else { throw fail("copy") }
                    var offset = 0
                    for i in 0..<4 { offset |= Int(input[position + i]) << (8 * i) }
                    position += 4
                    try copy(offset: offset, length: Int(tag >> 2) + 1)
                }
                written = o
            }
            guard o == expectedSize else { throw fail("\(o) of \(expectedSize) bytes") }

            func copy(offset: Int, length: Int) throws {
                guard offset > 0, offset <= o, length <= expectedSize - o else { throw fail("back-reference") }
                if offset >= length {
                    let base = out.baseAddress.unsafelyUnwrapped
                    (base + o).update(from: base + (o - offset), count: length)
                } else {
                    for i in 0..<length { out[o + i] = out[o - offset + i] }
                }
                o += length
            }
        }
    }
}
