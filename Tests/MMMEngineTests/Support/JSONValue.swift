import Foundation

/// A minimal JSON tree for reading the reference vectors (null = R's NA, read as NaN for numbers).
enum JSONValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    subscript(key: String) -> JSONValue {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    subscript(index: Int) -> JSONValue {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return .null
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The number; NaN for null (R's NA); strings "Inf"/"-Inf" as infinities.
    var double: Double {
        switch self {
        case .number(let value): return value
        case .string("Inf"): return .infinity
        case .string("-Inf"): return -.infinity
        case .bool(let value): return value ? 1 : 0
        default: return .nan
        }
    }

    var int: Int? {
        if case .number(let value) = self { return Int(exactly: value) }
        return nil
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var array: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    var doubles: [Double] { array.map(\.double) }

    var keys: [String] {
        if case .object(let members) = self { return Array(members.keys) }
        return []
    }
}
