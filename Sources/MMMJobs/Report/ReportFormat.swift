import Foundation
import MMMCharts

/// Number formatting for the report's tables and text: locale-free, fixed digits, `–` for a missing value.
enum ReportFormat {
    /// Shown where a value is missing or not finite.
    static let missing = "–"

    /// A number with fixed fraction digits, thousands grouped.
    static func number(_ value: Double?, digits: Int) -> String {
        guard let value, value.isFinite else { return missing }
        return ValueFormat.fixed(digits).string(value)
    }

    /// A fraction as a percentage (`0.125` → `12.5%`).
    static func percent(_ value: Double?, digits: Int = 1) -> String {
        guard let value, value.isFinite else { return missing }
        return ValueFormat.percent(digits).string(value)
    }

    /// A change as a signed percentage (`+5.0%`, `-3.2%`).
    static func signedPercent(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return missing }
        return (value > 0 ? "+" : "") + ValueFormat.percent(digits).string(value)
    }

    /// An amount shortened when large (`12.3k`, `4.5M`).
    static func amount(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        return ValueFormat.automatic.string(value)
    }

    /// A model parameter with three significant digits (`0.35`, `1.23`, `0.000412`), so small ones do not read as 0.
    static func parameter(_ value: Double) -> String {
        guard value.isFinite else { return missing }
        guard value != 0 else { return "0" }
        if abs(value) < 0.0001 { return String(format: "%.2e", value) }
        let digits = min(max(2, 2 - Int(log10(abs(value)).rounded(.down))), 6)
        var text = ValueFormat.fixed(digits).string(value)
        // Trailing zeros beyond two decimals say nothing.
        while text.hasSuffix("0"), let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text.removeLast()
        }
        return text
    }

    /// A whole number with thousands grouped.
    static func count(_ value: Int) -> String { ValueFormat.fixed(0).string(Double(value)) }

    /// A file size (`812 B`, `4.2 MB`).
    static func bytes(_ size: Int) -> String {
        let units = ["B", "kB", "MB", "GB"]
        var value = Double(size)
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(size) B" : "\(ValueFormat.fixed(1).string(value)) \(units[unit])"
    }

    /// Seconds as `0.4 s`, `12.3 s` or `2 min 5 s`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return missing }
        if seconds < 60 { return "\(ValueFormat.fixed(seconds < 10 ? 2 : 1).string(seconds)) s" }
        let whole = Int(seconds.rounded())
        return "\(whole / 60) min \(whole % 60) s"
    }
}
