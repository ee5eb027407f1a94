import Foundation

/// A validated, optionally qualified Snowflake object name such as `DB.SCHEMA.TABLE`.
///
/// Each part is either an unquoted identifier (`[A-Za-z_][A-Za-z0-9_$]*`, up to 255 characters, stored
/// uppercase by Snowflake) or a double-quoted identifier (any characters except NUL, `""` for a quote; case kept).
/// ``sql`` renders every part quoted, so the name can be pasted into SQL without injection risk.
public struct SnowflakeObjectName: Sendable, Hashable, CustomStringConvertible {
    /// The resolved parts (outermost first), exactly as Snowflake stores them: unquoted parts uppercased,
    /// quoted parts with quotes removed.
    public let parts: [String]

    /// Parses a name with 1…`maximumParts` dot-separated parts.
    /// - Parameters:
    ///   - text: The name as written, e.g. `analytics.public.weekly_spend` or `"My DB".PUBLIC."Spend"`.
    ///   - requiredParts: If set, exactly this many parts are required (3 for `DB.SCHEMA.TABLE`).
    /// - Throws: ``SnowflakeConfigurationError`` with kind ``SnowflakeConfigurationError/Kind/invalidIdentifier``.
    public init(parsing text: String, requiredParts: Int? = nil) throws(SnowflakeConfigurationError) {
        var parts: [String] = []
        let characters = Array(text.trimmingCharacters(in: .whitespaces))
        var index = 0
        func fail(_ reason: String) -> SnowflakeConfigurationError {
            SnowflakeConfigurationError(kind: .invalidIdentifier, message: "'\(text)' is not a valid Snowflake name: \(reason)")
        }
        guard !characters.isEmpty else { throw fail("it is empty") }
        while true {
            guard index < characters.count else { throw fail("a part is missing after '.'") }
            if characters[index] == "\"" {
                var part = ""
                index += 1
                var closed = false
                while index < characters.count {
                    if characters[index] == "\"" {
                        if index + 1 < characters.count, characters[index + 1] == "\"" {
                            part.append("\"")
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    guard characters[index] != "\0" else { throw fail("NUL is not allowed") }
                    part.append(characters[index])
                    index += 1
                }
                guard closed else { throw fail("a quoted part is not closed") }
                guard !part.isEmpty else { throw fail("a quoted part is empty") }
                guard part.count <= 255 else { throw fail("a part is longer than 255 characters") }
                parts.append(part)
            } else {
                let start = index
                while index < characters.count, characters[index] != "." { index += 1 }
                let part = String(characters[start..<index])
                guard Self.isUnquotedIdentifier(part) else {
                    throw fail("'\(part)' must start with a letter or '_' and contain only letters, digits, '_' and '$' "
                        + "(quote it with double quotes otherwise)")
                }
                parts.append(part.uppercased())
            }
            if index == characters.count { break }
            guard characters[index] == "." else { throw fail("expected '.' after a quoted part") }
            index += 1
        }
        if let requiredParts, parts.count != requiredParts {
            throw fail(requiredParts == 3 ? "expected DATABASE.SCHEMA.TABLE (3 parts), got \(parts.count)"
                                          : "expected \(requiredParts) parts, got \(parts.count)")
        }
        guard parts.count <= 3 else { throw fail("at most 3 parts (DATABASE.SCHEMA.OBJECT) are allowed") }
        self.parts = parts
    }

    /// Parses a fully qualified `DATABASE.SCHEMA.TABLE` name.
    /// - Parameter text: The name.
    /// - Returns: The validated name.
    /// - Throws: ``SnowflakeConfigurationError`` with kind ``SnowflakeConfigurationError/Kind/invalidIdentifier``.
    public static func table(_ text: String) throws(SnowflakeConfigurationError) -> SnowflakeObjectName {
        try SnowflakeObjectName(parsing: text, requiredParts: 3)
    }

    /// Every part double-quoted and joined with `.`, e.g. `"ANALYTICS"."PUBLIC"."WEEKLY_SPEND"`.
    public var sql: String {
        parts.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ".")
    }

    public var description: String { sql }

    /// Whether `text` is a valid unquoted identifier.
    /// - Parameter text: A single name part.
    public static func isUnquotedIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 255 else { return false }
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
        }
        return isLetter(first)
            && text.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "$" }
    }
}
