/// The field delimiter of a CSV file.
public enum CSVDelimiter: String, Codable, Sendable, CaseIterable {
    /// Chosen from the header line: whichever of comma, semicolon and tab occurs most often outside quotes (comma
    /// when none does).
    case auto
    case comma = ","
    case semicolon = ";"
    case tab = "\t"

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }

    /// The byte, or nil for ``auto``.
    public var byte: UInt8? {
        switch self {
        case .auto: nil
        case .comma: 0x2C
        case .semicolon: 0x3B
        case .tab: 0x09
        }
    }

    /// How messages name it, e.g. `semicolon (';')`.
    public var label: String {
        switch self {
        case .auto: "detected from the header"
        case .comma: "comma (',')"
        case .semicolon: "semicolon (';')"
        case .tab: "tab"
        }
    }
}

/// The decimal mark of numbers in a CSV file.
public enum CSVDecimalMark: String, Codable, Sendable, CaseIterable {
    /// `1234.5`.
    case point = "."
    /// `1234,5` (European exports; the delimiter is then a semicolon or a tab).
    case comma = ","

    public init(from decoder: any Decoder) throws { self = try decoder.decodeStrictEnum(Self.self) }

    /// The byte.
    public var byte: UInt8 { self == .point ? 0x2E : 0x2C }
}

/// How a CSV input is written: the `csv` object of the job configuration.
public struct CSVSettings: Codable, Sendable, Equatable {
    /// The field delimiter; ``CSVDelimiter/auto`` by default.
    public var delimiter: CSVDelimiter
    /// The decimal mark; `.` by default.
    public var decimal: CSVDecimalMark

    /// Creates settings.
    /// - Parameters:
    ///   - delimiter: the field delimiter (default: detected).
    ///   - decimal: the decimal mark (default: point).
    public init(delimiter: CSVDelimiter = .auto, decimal: CSVDecimalMark = .point) {
        self.delimiter = delimiter
        self.decimal = decimal
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case delimiter, decimal
    }

    /// The JSON keys this object accepts.
    public static let jsonKeys = Set(CodingKeys.allCases.map(\.rawValue))

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        delimiter = try c.decodeUnlessNull(CSVDelimiter.self, forKey: .delimiter) ?? .auto
        decimal = try c.decodeUnlessNull(CSVDecimalMark.self, forKey: .decimal) ?? .point
    }
}
