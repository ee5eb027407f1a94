/// Page compression the writer can use.
public enum ParquetCompression: String, Sendable, CaseIterable {
    /// UNCOMPRESSED.
    case none
    /// SNAPPY (this library's own encoder): fast, moderate size; pyarrow's default.
    case snappy
    /// GZIP through the system zlib at level 1 (level 6 is 2.8× slower for files 6 % smaller; docs/parquet.md).
    case gzip
    /// ZSTD through the system libzstd at level 3: smallest and fast.
    case zstd

    var codec: CompressionCodec {
        switch self {
        case .none: .uncompressed
        case .snappy: .snappy
        case .gzip: .gzip
        case .zstd: .zstd
        }
    }

    /// The compressed form of a page body.
    func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        try bytes.withUnsafeBufferPointer { b in
            switch self {
            case .none: return bytes
            case .snappy: return SnappyCompressor.compress(b)
            case .gzip: return try Gzip.compress(b, level: 1)
            case .zstd: return try Zstd.compress(b, level: 3)
            }
        }
    }
}

extension CompressionCodec {
    /// Decompresses a page body into exactly `expectedSize` bytes.
    /// - Throws: for codecs this library does not read (LZO, BROTLI, LZ4) and for corrupt data.
    func decompress(_ input: UnsafeBufferPointer<UInt8>, expectedSize: Int) throws -> [UInt8] {
        switch self {
        case .uncompressed:
            guard input.count == expectedSize else {
                throw ParquetError.corrupt("an uncompressed page is \(input.count) bytes but its header says \(expectedSize)")
            }
            return Array(input)
        case .snappy: return try SnappyDecompressor.decompress(input, expectedSize: expectedSize)
        case .gzip: return try Gzip.decompress(input, expectedSize: expectedSize)
        case .zstd: return try Zstd.decompress(input, expectedSize: expectedSize)
        case .lzo, .brotli, .lz4, .lz4Raw:
            throw ParquetError(
                "\(name) compression is not supported", hint: "write the file with SNAPPY, GZIP, ZSTD or no compression")
        }
    }
}
