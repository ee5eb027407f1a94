import Foundation

/// How a chart writes numbers in labels, ticks and its text summary. Output is locale-free and deterministic.
public enum ValueFormat: Sendable, Hashable {
    /// Picks digits from the magnitude; 10,000 and above are shortened (`12.3k`, `4.5M`, `1.2B`).
    case automatic
    /// Exactly this many fraction digits, thousands grouped with `,` (`1,234.50`).
    case fixed(Int)
    /// A fraction shown as a percentage with this many fraction digits (`0.125` → `12.5%`).
    case percent(Int)
    /// Always shortened with k/M/B and up to this many fraction digits (`1.25M`).
    case compact(Int)

    /// Renders one value (a bar's value, a point in the summary).
    /// - Parameter value: the number; non-finite values render as `n/a`.
    /// - Returns: the label text.
    public func string(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        switch self {
        case .automatic:
            let magnitude = abs(value)
            if magnitude >= 10_000 { return Self.compactText(value, digits: 1) }
            return FixedNumber.grouped(FixedNumber.format(value, digits: Self.automaticDigits(magnitude), trim: true))
        case .fixed(let digits):
            return FixedNumber.grouped(FixedNumber.format(value, digits: digits, trim: false))
        case .percent(let digits):
            return FixedNumber.format(value * 100, digits: digits, trim: false) + "%"
        case .compact(let digits):
            return Self.compactText(value, digits: digits)
        }
    }

    /// Renders an axis tick so neighbouring ticks (a `step` apart) stay distinguishable.
    /// - Parameters:
    ///   - value: the tick value.
    ///   - step: the distance between ticks.
    ///   - largest: the largest absolute tick on the axis (decides whether k/M/B is used).
    /// - Returns: the tick label.
    public func tick(_ value: Double, step: Double, largest: Double) -> String {
        let stepDigits = step > 0 && step.isFinite ? max(0, Int(-(log10(step) - 1e-9).rounded(.down))) : 0
        switch self {
        case .automatic:
            if largest >= 10_000 {
                let unit = Self.unit(for: largest).divisor
                let digits = max(0, Int(-(log10(step / unit) - 1e-9).rounded(.down)))
                return Self.compactText(value, digits: min(digits, 3), forcedUnit: largest)
            }
            return FixedNumber.grouped(FixedNumber.format(value, digits: stepDigits, trim: false))
        case .fixed:
            return string(value)
        case .percent:
            let digits = step > 0 ? max(0, Int(-(log10(step * 100) - 1e-9).rounded(.down))) : 0
            return FixedNumber.format(value * 100, digits: digits, trim: false) + "%"
        case .compact(let digits):
            return Self.compactText(value, digits: digits, forcedUnit: largest)
        }
    }

    static func automaticDigits(_ magnitude: Double) -> Int {
        if magnitude >= 100 || magnitude == 0 { return 0 }
        if magnitude >= 10 { return 1 }
        if magnitude >= 1 { return 2 }
        // Three significant digits for small numbers (0.0123).
        return min(6, 2 - Int(log10(magnitude).rounded(.down)))
    }

    static func unit(for magnitude: Double) -> (divisor: Double, suffix: String) {
        if magnitude >= 1e9 { return (1e9, "B") }
        if magnitude >= 1e6 { return (1e6, "M") }
        if magnitude >= 1e3 { return (1e3, "k") }
        return (1, "")
    }

    /// `value` in the unit chosen for `forcedUnit` (or its own magnitude), trailing zeros dropped.
    static func compactText(_ value: Double, digits: Int, forcedUnit: Double? = nil) -> String {
        let unit = unit(for: abs(forcedUnit ?? value))
        if value == 0 { return "0" }
        return FixedNumber.format(value / unit.divisor, digits: digits, trim: true) + unit.suffix
    }
}
