import ArgumentParser
import MMMCore

/// Parsers for numeric flag values, so `--seed -1` says what is wrong with the value (ArgumentParser would read `-1`
/// as a flag and report a missing value).
enum FlagValues {
    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    /// A whole number ≥ 1.
    static func positive(_ text: String) throws -> Int {
        guard let value = Int(text), value >= 1 else { throw Invalid(description: "expected a whole number ≥ 1") }
        return value
    }

    /// A seed: a whole number from 0 to 2⁶⁴ − 1.
    static func seed(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text) else {
            throw Invalid(description: "expected a whole number from 0 to \(UInt64.max)")
        }
        return value
    }

    /// A training share: `0.7` or a search range `0.5,0.8`, each in (0.1, 1].
    static func trainSize(_ text: String) throws -> TrainSize {
        switch TrainSize.parse(text) {
        case .success(let size): return size
        case .failure(let problem): throw Invalid(description: problem.message)
        }
    }
}
