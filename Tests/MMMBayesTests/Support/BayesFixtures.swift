import Foundation

/// Reads the JSON fixtures in `Tests/Fixtures/bayes` (located from this file's path, so no /work/shared is needed).
///
/// Parsing goes through `JSONDecoder`, which rounds decimal strings correctly (Linux `JSONSerialization` does not
/// always, and the reference numbers are compared to 1e-9 or better).
enum BayesFixtures {
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// `Tests/Fixtures/bayes`.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bayes")

    /// A fixture file's parsed JSON.
    static func json(_ name: String) throws -> JSON {
        try JSONDecoder().decode(JSON.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// The `cases` array of a fixture file.
    static func cases(_ name: String) throws -> [JSON] {
        try json(name)["cases"].array
    }

    /// One case by name.
    static func namedCase(_ file: String, _ name: String) throws -> JSON {
        guard let found = try cases(file).first(where: { $0["name"].string == name }) else {
            throw Missing(description: "no case \(name) in \(file)")
        }
        return found
    }

    /// Names of the cases of a file whose `fn` is `fn` (all cases if `fn` is nil); empty if unreadable.
    static func caseNames(_ file: String, fn: String? = nil) -> [String] {
        ((try? cases(file)) ?? []).compactMap { item in fn == nil || item["fn"].string == fn ? item["name"].string : nil }
    }
}

/// A parsed JSON value.
enum JSON: Decodable {
    case number(Double), string(String), bool(Bool), array([JSON]), object([String: JSON]), null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    /// A member of an object (null if absent).
    subscript(key: String) -> JSON {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    /// The elements of an array (empty otherwise).
    var array: [JSON] {
        if case .array(let elements) = self { return elements }
        return []
    }

    /// A string value.
    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A number; NaN for null or anything else.
    var number: Double {
        if case .number(let value) = self { return value }
        return .nan
    }

    /// An array of numbers (nulls become NaN).
    var numbers: [Double] { array.map(\.number) }
}
