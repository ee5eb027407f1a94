/// Tiny flag reader for the benchmarks.
enum BenchArguments {
    struct BadValue: Error, CustomStringConvertible {
        var description: String
    }

    static func value(_ flag: String, in arguments: [String]) -> String? {
        guard let i = arguments.firstIndex(of: flag), i + 1 < arguments.count else { return nil }
        return arguments[i + 1]
    }

    /// A positive integer flag, or `fallback` when absent.
    /// - Throws: ``BadValue`` when the value is not a positive integer.
    static func positive(_ flag: String, in arguments: [String], default fallback: Int) throws -> Int {
        guard let text = value(flag, in: arguments) else { return fallback }
        guard let number = Int(text), number > 0 else { throw BadValue(description: "\(flag) needs a positive integer, got '\(text)'") }
        return number
    }

    /// A flag naming one case of an enum (by raw value), or `fallback` when absent.
    /// - Throws: ``BadValue`` naming the flag and the accepted values.
    static func choice<T: RawRepresentable & CaseIterable>(_ flag: String, in arguments: [String], default fallback: T) throws -> T
    where T.RawValue == String {
        guard let text = value(flag, in: arguments) else { return fallback }
        guard let choice = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: " or ")
            throw BadValue(description: "\(flag) needs \(names), got '\(text)'")
        }
        return choice
    }
}
