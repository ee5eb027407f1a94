import Foundation

/// A value in the supported TOML subset.
enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)

    /// The value as configuration text (integers and booleans in their TOML spelling).
    var text: String {
        switch self {
        case .string(let value): value
        case .integer(let value): String(value)
        case .boolean(let value): value ? "true" : "false"
        }
    }
}

/// A strict reader for the TOML subset `connections.toml` uses: top-level keys, `[name]` tables, basic and
/// literal strings, integers, booleans and `#` comments. Anything else is an error naming the line, never its
/// content (lines may hold passphrases).
struct ConnectionsTOML: Equatable, Sendable {
    /// Keys before the first table (e.g. `default_connection_name`).
    var topLevel: [String: TOMLValue] = [:]
    /// Tables by name, each a key → value map.
    var tables: [String: [String: TOMLValue]] = [:]
    /// Table names in file order.
    var tableOrder: [String] = []

    /// Parses the text of a connections file.
    /// - Parameters:
    ///   - text: The file contents.
    ///   - path: The path, for messages.
    /// - Throws: ``SnowflakeConfigurationError`` with kind ``SnowflakeConfigurationError/Kind/invalidConnectionsFile``.
    static func parse(_ text: String, path: String) throws(SnowflakeConfigurationError) -> ConnectionsTOML {
        var result = ConnectionsTOML()
        var currentTable: String?
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = LineCursor(Array(rawLine.utf8))
            func fail(_ reason: String) -> SnowflakeConfigurationError {
                SnowflakeConfigurationError(kind: .invalidConnectionsFile,
                                            message: "connections file \(path), line \(lineNumber): \(reason)")
            }
            line.skipSpaces()
            guard let first = line.peek(), first != UInt8(ascii: "#") else { continue }
            if first == UInt8(ascii: "[") {
                line.advance()
                if line.peek() == UInt8(ascii: "[") { throw fail("arrays of tables ([[...]]) are not supported") }
                line.skipSpaces()
                guard let name = try line.key(fail), !name.isEmpty else { throw fail("expected a table name") }
                line.skipSpaces()
                if line.peek() == UInt8(ascii: ".") { throw fail("dotted table names are not supported; use [name]") }
                guard line.peek() == UInt8(ascii: "]") else { throw fail("expected ']' after the table name") }
                line.advance()
                try line.expectEnd(fail)
                guard result.tables[name] == nil else { throw fail("table [\(name)] is defined twice") }
                result.tables[name] = [:]
                result.tableOrder.append(name)
                currentTable = name
                continue
            }
            guard let key = try line.key(fail) else { throw fail("expected 'key = value'") }
            line.skipSpaces()
            if line.peek() == UInt8(ascii: ".") { throw fail("dotted keys are not supported") }
            guard line.peek() == UInt8(ascii: "=") else { throw fail("expected '=' after key '\(key)'") }
            line.advance()
            line.skipSpaces()
            let value = try line.value(fail)
            try line.expectEnd(fail)
            if let table = currentTable {
                guard result.tables[table]?[key] == nil else { throw fail("key '\(key)' is defined twice in [\(table)]") }
                result.tables[table]?[key] = value
            } else {
                guard result.topLevel[key] == nil else { throw fail("key '\(key)' is defined twice") }
                result.topLevel[key] = value
            }
        }
        return result
    }
}

/// Byte cursor over one line.
private struct LineCursor {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) {
        // Tolerate CRLF files.
        self.bytes = bytes.last == 0x0D ? Array(bytes.dropLast()) : bytes
    }

    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }
    mutating func advance() { index += 1 }

    mutating func skipSpaces() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 { index += 1 }
    }

    mutating func expectEnd(_ fail: (String) -> SnowflakeConfigurationError) throws(SnowflakeConfigurationError) {
        skipSpaces()
        if let byte = peek(), byte != UInt8(ascii: "#") { throw fail("unexpected text after the value") }
    }

    /// A bare key (`A-Za-z0-9_-`) or a quoted key; `nil` if neither starts here.
    mutating func key(_ fail: (String) -> SnowflakeConfigurationError) throws(SnowflakeConfigurationError) -> String? {
        guard let first = peek() else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard case .string(let text) = try value(fail) else { return nil }
            return text
        }
        let start = index
        while let byte = peek(), Self.isBareKeyByte(byte) { index += 1 }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    mutating func value(_ fail: (String) -> SnowflakeConfigurationError) throws(SnowflakeConfigurationError) -> TOMLValue {
        guard let first = peek() else { throw fail("missing value") }
        switch first {
        case UInt8(ascii: "\""):
            if bytes[index...].starts(with: Array("\"\"\"".utf8)) { throw fail("multi-line strings are not supported") }
            return .string(try basicString(fail))
        case UInt8(ascii: "'"):
            if bytes[index...].starts(with: Array("'''".utf8)) { throw fail("multi-line strings are not supported") }
            advance()
            let start = index
            while let byte = peek(), byte != UInt8(ascii: "'") { index += 1 }
            guard peek() != nil else { throw fail("unterminated string") }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            advance()
            return .string(text)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            throw fail("arrays and inline tables are not supported")
        default:
            let start = index
            while let byte = peek(), byte != 0x20, byte != 0x09, byte != UInt8(ascii: "#") { index += 1 }
            let word = String(decoding: bytes[start..<index], as: UTF8.self)
            if word == "true" { return .boolean(true) }
            if word == "false" { return .boolean(false) }
            let digits = word.replacingOccurrences(of: "_", with: "")
            if !word.hasPrefix("_"), !word.hasSuffix("_"), let number = Int(digits) { return .integer(number) }
            throw fail("unsupported value (use a quoted string, an integer, true or false)")
        }
    }

    private mutating func basicString(_ fail: (String) -> SnowflakeConfigurationError) throws(SnowflakeConfigurationError) -> String {
        advance()
        var output: [UInt8] = []
        while let byte = peek() {
            advance()
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let code = peek() else { throw fail("unterminated string") }
                advance()
                switch code {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(code)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let width = code == UInt8(ascii: "u") ? 4 : 8
                    guard index + width <= bytes.count,
                        let value = UInt32(String(decoding: bytes[index..<index + width], as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(value)
                    else { throw fail("invalid unicode escape") }
                    index += width
                    output.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw fail("invalid escape sequence in a string")
                }
            default:
                output.append(byte)
            }
        }
        throw fail("unterminated string")
    }
}
