/// The date spellings the CSV reader recognises. A column must use one spelling throughout.
public enum DateFormat: String, Sendable, CaseIterable, Codable {
    /// `YYYY-MM-DD`.
    case isoDate = "YYYY-MM-DD"
    /// `YYYY/MM/DD`.
    case slashed = "YYYY/MM/DD"
    /// `DD.MM.YYYY` (German and other European exports).
    case dotted = "DD.MM.YYYY"
    /// ISO 8601 timestamp: `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]`, also with a space instead of `T`.
    /// The calendar day is the one written; the time and offset are validated and then ignored.
    case isoTimestamp = "ISO-8601 timestamp"

    /// Parses a string in this format.
    /// - Returns: the calendar day, or nil if the text is not a valid date in this format.
    public func parse(_ text: String) -> CalendarDate? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// Parses UTF-8 bytes in this format (the CSV reader's fast path).
    public func parse(bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        switch self {
        case .isoDate:
            guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
            return Self.ymd(bytes, year: 0, month: 5, day: 8)
        case .slashed:
            guard bytes.count == 10, bytes[4] == 0x2F, bytes[7] == 0x2F else { return nil }
            return Self.ymd(bytes, year: 0, month: 5, day: 8)
        case .dotted:
            guard bytes.count == 10, bytes[2] == 0x2E, bytes[5] == 0x2E else { return nil }
            return Self.ymd(bytes, year: 6, month: 3, day: 0)
        case .isoTimestamp:
            guard bytes.count >= 16, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x20,
                Self.validTime(UnsafeBufferPointer(rebasing: bytes[11...]))
            else { return nil }
            return Self.ymd(bytes, year: 0, month: 5, day: 8)
        }
    }

    /// Guesses the format of one cell, trying the formats in declaration order.
    public static func detect(_ text: String) -> DateFormat? {
        allCases.first { $0.parse(text) != nil }
    }

    /// Guesses the format of one cell given as bytes.
    static func detect(bytes: UnsafeBufferPointer<UInt8>) -> DateFormat? {
        for format in allCases where format.parse(bytes: bytes) != nil { return format }
        return nil
    }

    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<(start + count) {
            let d = Int(b[i]) - 48
            guard d >= 0, d <= 9 else { return nil }
            value = value * 10 + d
        }
        return value
    }

    private static func ymd(_ b: UnsafeBufferPointer<UInt8>, year: Int, month: Int, day: Int) -> CalendarDate? {
        guard let y = digits(b, year, 4), let m = digits(b, month, 2), let d = digits(b, day, 2) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// `HH:MM[:SS[.fraction]][Z|±HH:MM|±HHMM]`.
    private static func validTime(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 5, let h = digits(b, 0, 2), b[2] == 0x3A, let mi = digits(b, 3, 2), h < 24, mi < 60 else {
            return false
        }
        var i = 5
        if i < b.count, b[i] == 0x3A {
            guard i + 3 <= b.count, let s = digits(b, i + 1, 2), s <= 60 else { return false }
            i += 3
            if i < b.count, b[i] == 0x2E || b[i] == 0x2C {
                i += 1
                let start = i
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
                guard i > start else { return false }
            }
        }
        if i == b.count { return true }
        if b[i] == 0x5A { return i + 1 == b.count }
        guard b[i] == 0x2B || b[i] == 0x2D else { return false }
        let rest = b.count - i - 1
        if rest == 5 { return digits(b, i + 1, 2) != nil && b[i + 3] == 0x3A && digits(b, i + 4, 2) != nil }
        if rest == 4 { return digits(b, i + 1, 4) != nil }
        if rest == 2 { return digits(b, i + 1, 2) != nil }
        return false
    }
}
