/// Closeness checks for comparing against Robyn's numbers (NaN matches NaN, R's NA being null in the JSON).
enum Tolerance {
    /// `|a − b| ≤ rel·max(|a|, |b|) + abs`, with NaN == NaN and equal infinities matching.
    static func close(_ a: Double, _ b: Double, rel: Double = 1e-9, abs: Double = 1e-12) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a.isInfinite || b.isInfinite { return a == b }
        return Swift.abs(a - b) <= rel * Swift.max(Swift.abs(a), Swift.abs(b)) + abs
    }

    /// Element-wise `close` with equal lengths; returns the first mismatch for messages.
    static func firstMismatch(
        _ actual: [Double], _ expected: [Double], rel: Double = 1e-9, abs: Double = 1e-12
    ) -> String? {
        guard actual.count == expected.count else { return "length \(actual.count) ≠ \(expected.count)" }
        for (index, pair) in zip(actual, expected).enumerated() where !close(pair.0, pair.1, rel: rel, abs: abs) {
            return "index \(index): \(pair.0) vs expected \(pair.1)"
        }
        return nil
    }
}
