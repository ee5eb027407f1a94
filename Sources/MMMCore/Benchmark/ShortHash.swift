/// Short, stable identifiers derived from bytes (variant and benchmark ids).
///
/// FNV-1a over 64 bits, printed as hex and cut to the requested length. It is an identifier, not a security digest:
/// it only has to be the same on every platform for the same bytes, and different for the few hundred variants of a
/// benchmark (a collision inside one plan is detected and reported).
public enum ShortHash {
    /// The first `length` hex digits (at most 16) of the FNV-1a 64-bit hash of `bytes`.
    /// - Parameters:
    ///   - bytes: the input.
    ///   - length: how many hex digits to keep.
    /// - Returns: lower-case hex.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes, length: Int = 12) -> String where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let text = String(hash, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - text.count)) + text
        return String(padded.prefix(min(16, max(1, length))))
    }
}
