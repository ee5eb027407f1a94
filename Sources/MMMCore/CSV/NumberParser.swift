#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Correctly rounded decimal-to-Double parsing, shared by the CSV reader and the Snowflake result decoder.
///
/// Plain decimals with at most 15–16 significant digits take an exact fast path (Clinger: the mantissa and a power of
/// ten are both exact doubles, so one multiplication or division rounds correctly); everything else goes through the C
/// library's `strtod`, which is correctly rounded in glibc. Exactness matters: Robyn's reference outputs are compared
/// to 1e-13, and the demo data was exported as shortest round-trip decimals.
public enum NumberParser {
    private static let powersOfTen: [Double] = (0...22).map { e in
        var p = 1.0
        for _ in 0..<e { p *= 10 }
        return p
    }

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (also `.5` and `5.`), allowing surrounding spaces.
    /// - Returns: nil when the bytes are not such a number, or when it overflows a Double (`1e400`): an infinite
    ///   value would poison every later sum.
    public static func parse(_ raw: UnsafeBufferPointer<UInt8>) -> Double? {
        parse(raw, decimalMark: 0x2E)
    }

    /// Parses a number whose decimal mark is `decimalMark`, with the same rules as ``parse(_:)-(UnsafeBufferPointer<UInt8>)``.
    /// - Parameters:
    ///   - raw: the cell's bytes.
    ///   - decimalMark: `.` (0x2E) or `,` (0x2C) for European exports; the other mark is not accepted.
    /// - Returns: the value, or nil when the bytes are not a finite number in that syntax.
    public static func parse(_ raw: UnsafeBufferPointer<UInt8>, decimalMark: UInt8) -> Double? {
        var lo = 0, hi = raw.count
        while lo < hi, raw[lo] == 0x20 { lo += 1 }
        while hi > lo, raw[hi - 1] == 0x20 { hi -= 1 }
        guard lo < hi else { return nil }
        let b = UnsafeBufferPointer(rebasing: raw[lo..<hi])
        var i = 0
        var negative = false
        if b[0] == 0x2D || b[0] == 0x2B {
            negative = b[0] == 0x2D
            i = 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var digitCount = 0
        var overflowed = false
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
            accumulate(b[i], &mantissa, &significant, &overflowed, &exponent, fractional: false)
            digitCount += 1
            i += 1
        }
        if i < b.count, b[i] == decimalMark {
            i += 1
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                accumulate(b[i], &mantissa, &significant, &overflowed, &exponent, fractional: true)
                digitCount += 1
                i += 1
            }
        }
        guard digitCount > 0 else { return nil }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            var expNegative = false
            if i < b.count, b[i] == 0x2D || b[i] == 0x2B {
                expNegative = b[i] == 0x2D
                i += 1
            }
            var e = 0
            var expDigits = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                if e < 100_000 { e = e * 10 + Int(b[i] - 0x30) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == b.count else { return nil }
        if !overflowed, mantissa <= (1 << 53), exponent >= -22, exponent <= 22 {
            let m = Double(mantissa)
            let value = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
            return negative ? -value : value
        }
        return slowPath(b, decimalMark: decimalMark)
    }

    private static func accumulate(
        _ digit: UInt8, _ mantissa: inout UInt64, _ significant: inout Int, _ overflowed: inout Bool,
        _ exponent: inout Int, fractional: Bool
    ) {
        let d = UInt64(digit - 0x30)
        if significant == 0, d == 0 {
            if fractional { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa * 10 + d
            significant += 1
            if fractional { exponent -= 1 }
        } else {
            // Digits beyond 19 cannot be held exactly; strtod will handle this number.
            overflowed = true
            if !fractional { exponent += 1 }
        }
    }

    private static func slowPath(_ b: UnsafeBufferPointer<UInt8>, decimalMark: UInt8) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: b.count + 1) { buffer -> Double? in
            // strtod reads the C locale's '.'; the syntax was checked above, so the one decimal mark is swapped in.
            for k in 0..<b.count { buffer[k] = CChar(bitPattern: b[k] == decimalMark ? 0x2E : b[k]) }
            buffer[b.count] = 0
            guard let base = buffer.baseAddress else { return nil }
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            guard let end, end == base + b.count, value.isFinite else { return nil }
            return value
        }
    }

    /// Parses a Swift string with the same rules.
    public static func parse(_ text: String) -> Double? {
        parse(text, decimalMark: 0x2E)
    }

    /// Parses a Swift string whose decimal mark is `decimalMark`.
    /// - Parameters:
    ///   - text: the number.
    ///   - decimalMark: `.` (0x2E) or `,` (0x2C).
    /// - Returns: the value, or nil when `text` is not a finite number in that syntax.
    public static func parse(_ text: String, decimalMark: UInt8) -> Double? {
        var text = text
        return text.withUTF8 { parse($0, decimalMark: decimalMark) }
    }
}
