/// Locale-free decimal rendering with a fixed number of fraction digits, so output bytes never depend on the
/// platform, the locale or the thread count.
enum FixedNumber {
    private static let powers: [Int64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// Renders `value` rounded half away from zero to `digits` fraction digits.
    /// - Parameters:
    ///   - value: a finite number (non-finite values render as `"0"`; callers filter them first).
    ///   - digits: fraction digits, clamped to 0...6.
    ///   - trim: drop trailing zeros (and a bare `.`), as coordinates want; labels keep them.
    /// - Returns: e.g. `"-12.50"`, or `"-12.5"` when trimmed; never `"-0"`.
    static func format(_ value: Double, digits: Int, trim: Bool) -> String {
        guard value.isFinite else { return "0" }
        let d = max(0, min(6, digits))
        let scale = powers[d]
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        // Beyond Int64's exact range: Swift's shortest round-trip text is deterministic too.
        guard scaled < 9.0e15 else { return value.description }
        let n = Int64(scaled)
        if n == 0 { return trim || d == 0 ? "0" : "0." + String(repeating: "0", count: d) }
        var text = String(n / scale)
        if d > 0 {
            var fraction = String(n % scale)
            fraction = String(repeating: "0", count: d - fraction.count) + fraction
            if trim { while fraction.last == "0" { fraction.removeLast() } }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return value < 0 ? "-" + text : text
    }

    /// A coordinate for SVG attributes: at most two fraction digits, trailing zeros dropped.
    static func coordinate(_ value: Double) -> String { format(value, digits: 2, trim: true) }

    /// Inserts `,` between thousands in the integer part of a rendered number (`"-1234567.5"` → `"-1,234,567.5"`).
    static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        guard integer.count > 3 else { return text }
        var out = ""
        for (i, ch) in integer.enumerated() {
            if i > 0, (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return negative ? "-" + out : out
    }
}
