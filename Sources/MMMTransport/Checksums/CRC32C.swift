import Foundation

/// CRC-32C (Castagnoli, reflected polynomial `0x82F63B78`), the checksum Cloud Storage and Secret Manager use.
///
/// Neither Foundation nor OpenSSL offers CRC-32C, so it is computed here with the slicing-by-8 table method
/// (eight bytes per step). Feed bytes with ``update(_:)`` in any chunking; ``value`` is the finished checksum.
public struct CRC32C: Sendable, Equatable {
    private var state: UInt32 = 0xFFFF_FFFF

    /// Starts an empty checksum.
    public init() {}

    /// The checksum of everything fed so far.
    public var value: UInt32 { ~state }

    /// The checksum as Cloud Storage writes it (`crc32c` fields, `x-goog-hash: crc32c=`): base64 of the four
    /// big-endian bytes.
    public var base64: String { Self.base64(value) }

    /// Feeds bytes.
    /// - Parameter data: The next bytes.
    public mutating func update(_ data: some DataProtocol) {
        for region in data.regions {
            region.withUnsafeBytes { update($0) }
        }
    }

    /// Feeds bytes from a raw buffer.
    /// - Parameter buffer: The next bytes.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        let table = Self.table
        var crc = state
        var offset = 0
        let count = buffer.count
        table.withUnsafeBufferPointer { t in
            while count - offset >= 8 {
                let low = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) ^ crc
                let high = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                crc = t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
                offset += 8
            }
            while offset < count {
                crc = t[Int((crc ^ UInt32(buffer[offset])) & 0xFF)] ^ (crc >> 8)
                offset += 1
            }
        }
        state = crc
    }

    /// The checksum of some bytes.
    /// - Parameter data: The bytes.
    /// - Returns: The CRC-32C.
    public static func checksum(_ data: some DataProtocol) -> UInt32 {
        var crc = CRC32C()
        crc.update(data)
        return crc.value
    }

    /// Base64 of the big-endian bytes of a checksum (the Cloud Storage encoding).
    /// - Parameter value: A CRC-32C.
    /// - Returns: Eight characters of standard base64, e.g. `yZRlqg==`.
    public static func base64(_ value: UInt32) -> String {
        withUnsafeBytes(of: value.bigEndian) { Data($0) }.base64EncodedString()
    }

    /// Decodes the Cloud Storage encoding (base64 of four big-endian bytes).
    /// - Parameter text: The base64 text.
    /// - Returns: The checksum, or `nil` when the text is not base64 of exactly four bytes.
    public static func decodeBase64(_ text: String) -> UInt32? {
        guard let data = Data(base64Encoded: text), data.count == 4 else { return nil }
        return data.reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
    }

    /// Eight 256-entry tables, flattened: table k maps a byte that is k positions further from the end.
    private static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            table[byte] = crc
        }
        for slice in 1..<8 {
            for byte in 0..<256 {
                let previous = table[(slice - 1) * 256 + byte]
                table[slice * 256 + byte] = (previous >> 8) ^ table[Int(previous & 0xFF)]
            }
        }
        return table
    }()
}
