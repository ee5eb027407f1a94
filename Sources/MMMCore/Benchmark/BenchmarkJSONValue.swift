/// A JSON value kept as written, for the `overrides` dimension (any job config field by name) whose values are
/// checked only when they are applied to a base configuration.
public enum BenchmarkJSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    /// A whole number (kept exact, so 64-bit seeds survive).
    case integer(Int64)
    /// A whole number above `Int64.max` (a large seed).
    case unsigned(UInt64)
    case number(Double)
    case string(String)
    case array([BenchmarkJSONValue])
    case object([String: BenchmarkJSONValue])

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let value = try? c.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? c.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? c.decode(UInt64.self) {
            self = .unsigned(value)
        } else if let value = try? c.decode(Double.self) {
            self = .number(value)
        } else if let value = try? c.decode(String.self) {
            self = .string(value)
        } else if let value = try? c.decode([BenchmarkJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try c.decode([String: BenchmarkJSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let v): try c.encode(v)
        case .integer(let v): try c.encode(v)
        case .unsigned(let v): try c.encode(v)
        case .number(let v): try c.encode(v)
        case .string(let v): try c.encode(v)
        case .array(let v): try c.encode(v)
        case .object(let v): try c.encode(v)
        }
    }
}
