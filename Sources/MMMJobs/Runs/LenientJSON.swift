import Foundation
import MMMCore

/// Reading run files of any age: run history must not fail on a manifest written before a field existed (or by
/// the previous system), so it reads fields one by one from a generic JSON tree instead of the strict contracts.
extension BenchmarkJSONValue {
    /// Parses JSON bytes, or nil when they are not JSON.
    static func parse(_ data: Data?) -> BenchmarkJSONValue? {
        guard let data else { return nil }
        return try? JSONDecoder().decode(BenchmarkJSONValue.self, from: data)
    }

    /// The member `key` of an object.
    subscript(key: String) -> BenchmarkJSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The first of `keys` that is present and not null.
    func first(_ keys: String...) -> BenchmarkJSONValue? {
        for key in keys {
            if let value = self[key], value != .null { return value }
        }
        return nil
    }

    /// A string (or the only element of a one-element array: R's jsonlite writes length-1 vectors either way).
    var text: String? {
        switch self {
        case .string(let value): value
        case .array(let values) where values.count == 1: values[0].text
        default: nil
        }
    }

    /// A number (whole or not), also from a one-element array.
    var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .unsigned(let value): Double(value)
        case .number(let value): value
        case .array(let values) where values.count == 1: values[0].number
        default: nil
        }
    }

    /// Scalars as text for tables and diffs (numbers in their shortest form); nil for objects and arrays.
    var scalarText: String? {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .unsigned(let value): String(value)
        case .number(let value): NumberFormatting.shortest(value)
        case .string(let value): value
        case .array, .object: nil
        }
    }

    /// Every scalar leaf by JSON path (`$.paid_media[0].spend`), objects' keys sorted; an empty array or object is a
    /// leaf written `[]` / `{}`.
    func flattened(_ path: String = "$") -> [(path: String, value: String)] {
        switch self {
        case .object(let members):
            if members.isEmpty { return [(path, "{}")] }
            return members.keys.sorted().flatMap { key in members[key]?.flattened(path + "." + key) ?? [] }
        case .array(let values):
            if values.isEmpty { return [(path, "[]")] }
            return values.enumerated().flatMap { index, value in value.flattened("\(path)[\(index)]") }
        default:
            return [(path, scalarText ?? "")]
        }
    }
}
