import Foundation

extension Decoder {
    /// Throws if the current JSON object has a key outside `known`, naming the key's full JSON path.
    ///
    /// Unknown keys are errors, not warnings: the previous system's benchmark silently trained the same model for most
    /// variants because a producer wrote `type` where the consumer read `adstock`.
    public func rejectUnknownKeys<Key: CodingKey & CaseIterable>(_: Key.Type) throws {
        try rejectUnknownKeys(allowed: Set(Key.allCases.map(\.stringValue)))
    }

    /// Throws if the current JSON object has a key outside `allowed`.
    public func rejectUnknownKeys(allowed: Set<String>) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            let suggestion = Self.closest(to: key.stringValue, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath + [key], debugDescription: "unknown key '\(key.stringValue)'\(suggestion)"))
        }
    }

    /// Decodes a string enum, listing the allowed values when the value is unknown.
    public func decodeStrictEnum<E: RawRepresentable & CaseIterable>(_: E.Type) throws -> E where E.RawValue == String {
        let container = try singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = E(rawValue: raw) else {
            let allowed = E.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown value '\(raw)'; expected one of \(allowed)")
        }
        return value
    }

    private static func closest(to key: String, in allowed: Set<String>) -> String? {
        let lower = key.lowercased()
        if let match = allowed.first(where: { $0.lowercased() == lower }) { return match }
        let scored = allowed.map { ($0, EditDistance.between(lower, $0.lowercased())) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }
}

extension KeyedDecodingContainer {
    /// Decodes a list of strings given either as a JSON array or as one comma-separated string.
    ///
    /// The previous system's web queue wrote `"a,b,c"` where its benchmark wrote `["a","b","c"]`; both are accepted.
    /// Items are trimmed and empty items dropped.
    public func decodeStringList(forKey key: Key) throws -> [String]? {
        guard contains(key) else { return nil }
        try rejectNull(forKey: key)
        if let list = try? decode([String].self, forKey: key) {
            return list.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard let text = try? decode(String.self, forKey: key) else {
            throw DecodingError.typeMismatch(
                [String].self,
                .init(
                    codingPath: codingPath + [key],
                    debugDescription: "expected a list of strings or a comma-separated string"))
        }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Throws if the key is present with the value `null`: an explicit null is almost always a producer bug (the
    /// previous system wrote `"adstock": null` and silently trained geometric), so it must be omitted instead.
    public func rejectNull(forKey key: Key) throws {
        if try decodeNil(forKey: key) {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath + [key], debugDescription: "null is not allowed; omit the key to use the default"))
        }
    }

    /// Decodes an optional value, rejecting an explicit `null` (see ``rejectNull(forKey:)``).
    public func decodeUnlessNull<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else { return nil }
        try rejectNull(forKey: key)
        return try decode(type, forKey: key)
    }

    /// Decodes an optional whole number, rejecting null, fractions and out-of-range values with the key's path (the
    /// standard decoder reports those without a path).
    public func decodeIntegerUnlessNull<T: FixedWidthInteger & Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key) else { return nil }
        try rejectNull(forKey: key)
        if let value = try? decode(type, forKey: key) { return value }
        let expected = "expected a whole number from \(T.min) to \(T.max)"
        let message: String
        if let number = try? decode(Double.self, forKey: key) {
            message = "\(expected), got \(NumberFormatting.shortest(number))"
        } else if let text = try? decode(String.self, forKey: key) {
            message = "\(expected), got a JSON string; write \(text.count <= 20 ? text : "the number") without quotes"
        } else {
            message = "\(expected), got \((try? decode(Bool.self, forKey: key)) != nil ? "true/false" : "a list or an object")"
        }
        throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: message))
    }

    /// Decodes `schema_version` and checks this build reads it.
    /// - Parameter required: files we write always carry it; hand-written job configs may omit it.
    public func decodeSchemaVersion(forKey key: Key, supported: Int = 1, required: Bool = true) throws -> Int {
        guard let version = try decodeIntegerUnlessNull(Int.self, forKey: key) else {
            guard !required else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
            }
            return supported
        }
        guard version == supported else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "unsupported schema_version \(version); this build reads version \(supported)")
        }
        return version
    }

    /// Whether the key's value was a JSON string (used to note conversions of comma-separated lists).
    public func isString(forKey key: Key) -> Bool {
        (try? decode(String.self, forKey: key)) != nil
    }
}

/// Levenshtein distance, for "did you mean" hints.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
