import CZstd

/// ZSTD pages through the system libzstd.
enum Zstd {
    /// Decompresses `input` (one or more frames) into exactly `expectedSize` bytes.
    static func decompress(_ input: UnsafeBufferPointer<UInt8>, expectedSize: Int) throws -> [UInt8] {
        guard let source = input.baseAddress else { throw ParquetError.corrupt("a ZSTD page is empty") }
        // One byte of slack so a frame longer than announced is caught rather than cut.
        var output = [UInt8](repeating: 0, count: expectedSize + 1)
        let result = output.withUnsafeMutableBytes { out in
            ZSTD_decompress(out.baseAddress, out.count, source, input.count)
        }
        if ZSTD_isError(result) != 0 {
            let name = ZSTD_getErrorName(result).map { String(cString: $0) } ?? "unknown"
            throw ParquetError.corrupt("a ZSTD page is malformed (\(name))")
        }
        guard result == expectedSize else {
            throw ParquetError.corrupt("a ZSTD page holds \(result) bytes but its header says \(expectedSize)")
        }
        output.removeLast()
        return output
    }

    /// One ZSTD frame of `input`.
    static func compress(_ input: UnsafeBufferPointer<UInt8>, level: Int32) throws -> [UInt8] {
        let bound = ZSTD_compressBound(input.count)
        var output = [UInt8](repeating: 0, count: bound)
        var empty: UInt8 = 0
        let result = output.withUnsafeMutableBytes { out in
            withUnsafeMutablePointer(to: &empty) { fallback in
                ZSTD_compress(out.baseAddress, bound, input.baseAddress.map(UnsafeRawPointer.init) ?? UnsafeRawPointer(fallback), input.count, level)
            }
        }
        guard ZSTD_isError(result) == 0 else { throw ParquetError("libzstd could not compress a page") }
        output.removeLast(bound - result)
        return output
    }
}
