/// A Snowflake column type as reported in `resultSetMetaData.rowType[].type` (compared case-insensitively).
public enum SnowflakeColumnType: Sendable, Hashable, CustomStringConvertible {
    /// NUMBER / DECIMAL / INT: exact decimal with `scale` fraction digits.
    case fixed
    /// FLOAT / DOUBLE.
    case real
    /// DECFLOAT: exact decimal, possibly in scientific notation.
    case decfloat
    /// VARCHAR / CHAR / STRING.
    case text
    /// BINARY (hex on the wire).
    case binary
    /// BOOLEAN.
    case boolean
    /// DATE (days since 1970-01-01 on the wire).
    case date
    /// TIME (seconds since midnight with fraction).
    case time
    /// TIMESTAMP_NTZ: wall-clock time without zone.
    case timestampNTZ
    /// TIMESTAMP_LTZ: an instant.
    case timestampLTZ
    /// TIMESTAMP_TZ: an instant plus its UTC offset.
    case timestampTZ
    /// VARIANT (JSON text).
    case variant
    /// OBJECT (JSON text).
    case object
    /// ARRAY (JSON text).
    case array
    /// Structured MAP (JSON text).
    case map
    /// GEOGRAPHY (GeoJSON text).
    case geography
    /// GEOMETRY (GeoJSON text).
    case geometry
    /// VECTOR (JSON array text).
    case vector
    /// Any type this client does not know; decoded as text.
    case other(String)

    /// Parses the wire name, case-insensitively.
    /// - Parameter wireName: e.g. `timestamp_ntz` or `FIXED`.
    public init(wireName: String) {
        switch wireName.lowercased() {
        case "fixed": self = .fixed
        case "real": self = .real
        case "decfloat": self = .decfloat
        case "text": self = .text
        case "binary": self = .binary
        case "boolean": self = .boolean
        case "date": self = .date
        case "time": self = .time
        case "timestamp_ntz": self = .timestampNTZ
        case "timestamp_ltz": self = .timestampLTZ
        case "timestamp_tz": self = .timestampTZ
        case "variant": self = .variant
        case "object": self = .object
        case "array": self = .array
        case "map": self = .map
        case "geography": self = .geography
        case "geometry": self = .geometry
        case "vector": self = .vector
        default: self = .other(wireName.lowercased())
        }
    }

    /// The lowercase wire name.
    public var wireName: String {
        switch self {
        case .fixed: "fixed"
        case .real: "real"
        case .decfloat: "decfloat"
        case .text: "text"
        case .binary: "binary"
        case .boolean: "boolean"
        case .date: "date"
        case .time: "time"
        case .timestampNTZ: "timestamp_ntz"
        case .timestampLTZ: "timestamp_ltz"
        case .timestampTZ: "timestamp_tz"
        case .variant: "variant"
        case .object: "object"
        case .array: "array"
        case .map: "map"
        case .geography: "geography"
        case .geometry: "geometry"
        case .vector: "vector"
        case .other(let name): name
        }
    }

    public var description: String { wireName }
}

/// One entry of `resultSetMetaData.rowType`: a result column's name and type.
public struct SnowflakeColumnDescription: Sendable, Hashable, Decodable {
    /// The column name as Snowflake reports it (e.g. `SEQ8()` or `REVENUE`).
    public let name: String
    /// The column type.
    public let type: SnowflakeColumnType
    /// Fraction digits for `fixed`, `time` and timestamps; `nil` when not reported.
    public let scale: Int?
    /// Total digits for `fixed`; `nil` when not reported.
    public let precision: Int?
    /// Maximum characters for text.
    public let length: Int?
    /// Maximum bytes for text/binary.
    public let byteLength: Int?
    /// Whether the column may hold NULL.
    public let nullable: Bool

    /// Creates a description (mainly for tests and benchmarks).
    /// - Parameters:
    ///   - name: Column name.
    ///   - type: Column type.
    ///   - scale: Fraction digits.
    ///   - precision: Total digits.
    ///   - length: Maximum characters.
    ///   - byteLength: Maximum bytes.
    ///   - nullable: Whether NULL may occur.
    public init(
        name: String, type: SnowflakeColumnType, scale: Int? = nil, precision: Int? = nil, length: Int? = nil,
        byteLength: Int? = nil, nullable: Bool = true
    ) {
        self.name = name
        self.type = type
        self.scale = scale
        self.precision = precision
        self.length = length
        self.byteLength = byteLength
        self.nullable = nullable
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, scale, precision, length, byteLength, nullable
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = SnowflakeColumnType(wireName: try container.decode(String.self, forKey: .type))
        scale = try container.decodeIfPresent(Int.self, forKey: .scale)
        precision = try container.decodeIfPresent(Int.self, forKey: .precision)
        length = try container.decodeIfPresent(Int.self, forKey: .length)
        byteLength = try container.decodeIfPresent(Int.self, forKey: .byteLength)
        nullable = try container.decodeIfPresent(Bool.self, forKey: .nullable) ?? true
    }
}
