import ArgumentParser
import Foundation
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

    /// A whole number ≥ 0.
    static func nonNegativeInteger(_ text: String) throws -> Int {
        guard let value = Int(text), value >= 0 else { throw Invalid(description: "expected a whole number ≥ 0") }
        return value
    }

    /// A finite number ≥ 0.
    static func nonNegative(_ text: String) throws -> Double {
        guard let value = NumberParser.parse(text), value.isFinite, value >= 0 else {
            throw Invalid(description: "expected a number ≥ 0")
        }
        return value
    }

    /// A comma-separated list of names (trimmed, empty items dropped).
    static func list(_ text: String) throws -> [String] {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !items.isEmpty else { throw Invalid(description: "expected a comma-separated list of names") }
        return items
    }

    /// `name=value,name=value` with finite numbers; a name may appear once.
    static func assignments(_ text: String) throws -> [String: Double] {
        var result: [String: Double] = [:]
        for item in try list(text) {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let value = NumberParser.parse(parts[1]), value.isFinite else {
                throw Invalid(description: "'\(item)' is not name=number (e.g. tv_S=1.6)")
            }
            guard result.updateValue(value, forKey: parts[0]) == nil else {
                throw Invalid(description: "'\(parts[0])' is given twice")
            }
        }
        return result
    }
}
