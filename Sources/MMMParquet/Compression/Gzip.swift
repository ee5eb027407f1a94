import CZlib

/// GZIP pages through the system zlib (RFC 1952 members; several members back to back are accepted).
enum Gzip {
    /// Inflates `input` into exactly `expectedSize` bytes.
    /// - Throws: when the stream is corrupt or its size differs from `expectedSize`.
    static func decompress(_ input: UnsafeBufferPointer<UInt8>, expectedSize: Int) throws -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: a zlib or gzip header, detected automatically.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ParquetError("cannot start zlib")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: expectedSize)
        var produced = 0
        try output.withUnsafeMutableBufferPointer { out in
            guard let inBase = input.baseAddress, !input.isEmpty else {
                throw ParquetError.corrupt("a GZIP page is empty")
            }
            stream.next_in = UnsafeMutablePointer(mutating: inBase)
            stream.avail_in = UInt32(clamping: input.count)
            // One byte of slack so a stream longer than announced is caught rather than cut.
            var slack: UInt8 = 0
            while true {
                let status: Int32
                if produced < expectedSize, let outBase = out.baseAddress {
                    stream.next_out = outBase + produced
                    stream.avail_out = UInt32(clamping: expectedSize - produced)
                    status = inflate(&stream, Z_NO_FLUSH)
                    produced = expectedSize - Int(stream.avail_out)
                } else {
                    status = withUnsafeMutablePointer(to: &slack) { p in
                        stream.next_out = p
                        stream.avail_out = 1
                        return inflate(&stream, Z_NO_FLUSH)
                    }
                    if stream.avail_out == 0 { throw ParquetError.corrupt("a GZIP page is longer than its header says") }
                }
                if status == Z_STREAM_END {
                    // Another member may follow.
                    if stream.avail_in == 0 { break }
                    guard inflateReset(&stream) == Z_OK else { throw ParquetError.corrupt("a GZIP page is malformed") }
                    continue
                }
                guard status == Z_OK else { throw ParquetError.corrupt("a GZIP page is malformed (zlib status \(status))") }
                if stream.avail_in == 0 && produced < expectedSize { throw ParquetError.corrupt("a GZIP page ends early") }
                if stream.avail_in == 0 { break }
            }
        }
        guard produced == expectedSize else {
            throw ParquetError.corrupt("a GZIP page holds \(produced) bytes but its header says \(expectedSize)")
        }
        return output
    }

    /// A single gzip member of `input`.
    /// - Parameter level: zlib level 1 (fastest) … 9 (smallest).
    static func compress(_ input: UnsafeBufferPointer<UInt8>, level: Int32) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(
            &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            == Z_OK
        else { throw ParquetError("cannot start zlib") }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(input.count))) + 32
        var output = [UInt8](repeating: 0, count: bound)
        var empty: UInt8 = 0
        let status = output.withUnsafeMutableBufferPointer { out -> Int32 in
            stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0) } ?? withUnsafeMutablePointer(to: &empty) { $0 }
            stream.avail_in = UInt32(input.count)
            stream.next_out = out.baseAddress
            stream.avail_out = UInt32(bound)
            return deflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END else { throw ParquetError("zlib could not compress a page (status \(status))") }
        output.removeLast(Int(stream.avail_out))
        return output
    }
}
