import Foundation

/// The DER of an RSA `SubjectPublicKeyInfo` (RFC 5280 / RFC 8017), built from or read into its modulus and exponent.
///
/// Only this one shape is handled: enough to turn a JWK (`n`, `e`) into a key OpenSSL reads, and a key back into
/// its JWK members, without a general ASN.1 library.
enum RSAPublicKeyDER {
    /// `rsaEncryption` (1.2.840.113549.1.1.1) followed by an ASN.1 NULL: the algorithm identifier's content.
    private static let algorithm: [UInt8] = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00]

    /// Encodes `SEQUENCE { SEQUENCE { rsaEncryption, NULL }, BIT STRING { SEQUENCE { INTEGER n, INTEGER e } } }`.
    static func encode(modulus: [UInt8], exponent: [UInt8]) -> [UInt8] {
        let rsaKey = element(0x30, integer(modulus) + integer(exponent))
        return element(0x30, element(0x30, algorithm) + element(0x03, [0x00] + rsaKey))
    }

    /// Reads the modulus and exponent (big-endian, without leading zero bytes).
    /// - Returns: nil when the bytes are not an RSA SubjectPublicKeyInfo.
    static func decode(_ der: [UInt8]) -> (modulus: [UInt8], exponent: [UInt8])? {
        var outer = Reader(der)
        guard var info = outer.read(0x30), outer.atEnd,
            let algorithmID = info.read(0x30), algorithmID.rest() == algorithm,
            let bits = info.read(0x03)?.rest(), info.atEnd, bits.first == 0x00
        else { return nil }
        var keyReader = Reader(Array(bits.dropFirst()))
        guard var key = keyReader.read(0x30), keyReader.atEnd,
            let modulus = key.read(0x02)?.rest(), let exponent = key.read(0x02)?.rest(), key.atEnd
        else { return nil }
        return (trimmed(modulus), trimmed(exponent))
    }

    private static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        let value = Array(bytes.drop { $0 == 0 })
        return value.isEmpty ? [0] : value
    }

    /// A positive INTEGER: leading zeros dropped, one zero byte added when the high bit is set.
    private static func integer(_ bytes: [UInt8]) -> [UInt8] {
        var value = trimmed(bytes)
        if value[0] & 0x80 != 0 { value.insert(0, at: 0) }
        return element(0x02, value)
    }

    private static func element(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        [tag] + length(content.count) + content
    }

    private static func length(_ count: Int) -> [UInt8] {
        if count < 0x80 { return [UInt8(count)] }
        var bytes: [UInt8] = []
        var rest = count
        while rest > 0 {
            bytes.insert(UInt8(rest & 0xFF), at: 0)
            rest >>= 8
        }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    /// Reads definite-length DER elements one after another.
    private struct Reader {
        private let bytes: [UInt8]
        private var offset = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { offset == bytes.count }

        func rest() -> [UInt8] { Array(bytes[offset...]) }

        /// The content of the next element if it has `tag`, as a reader of its own.
        mutating func read(_ tag: UInt8) -> Reader? {
            guard offset + 2 <= bytes.count, bytes[offset] == tag else { return nil }
            var cursor = offset + 1
            var count = Int(bytes[cursor])
            cursor += 1
            if count & 0x80 != 0 {
                let octets = count & 0x7F
                guard octets >= 1, octets <= 4, cursor + octets <= bytes.count else { return nil }
                count = 0
                for byte in bytes[cursor..<cursor + octets] { count = count << 8 | Int(byte) }
                cursor += octets
            }
            guard count <= bytes.count - cursor else { return nil }
            offset = cursor + count
            return Reader(Array(bytes[cursor..<cursor + count]))
        }
    }
}
