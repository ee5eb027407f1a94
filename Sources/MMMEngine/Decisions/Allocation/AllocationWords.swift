import Foundation

/// Number formatting for sentences (diagnostics and explanations): readable, locale-free and deterministic.
package enum AllocationWords {
    /// An amount: whole numbers with thousands separators from 100 up (`41,870`), three significant digits below
    /// (`1.94`, `0.0123`).
    /// - Parameter value: the amount.
    /// - Returns: the text.
    package static func amount(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "undefined" : (value > 0 ? "unbounded" : "−unbounded") }
        let magnitude = Swift.abs(value)
        if magnitude >= 100 {
            let digits = String(Int64(magnitude.rounded()))
            var grouped = ""
            for (offset, character) in digits.enumerated() {
                if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
            return (value < 0 ? "-" : "") + grouped
        }
        if magnitude == 0 { return "0" }
        let decimals = Swift.max(0, 2 - Int(Foundation.floor(Foundation.log10(magnitude))))
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A multiplier such as `0.5 ×` or `2 ×`.
    package static func multiplier(_ value: Double) -> String { amount(value) + " ×" }

    /// A signed percentage such as `+12.3 %` or `−4 %`.
    package static func percent(_ ratio: Double) -> String {
        let value = ratio * 100
        let text = amount(Swift.abs(value))
        return (value < 0 ? "−" : "+") + text + " %"
    }
}
