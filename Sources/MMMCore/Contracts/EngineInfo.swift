import Foundation

/// Which engine produced a result.
public struct EngineInfo: Codable, Sendable, Equatable {
    /// `mmm-trainer` for the native engine, `robyn` for the R backend.
    public var name: String
    /// The engine's version (for Robyn: the R package version).
    public var version: String

    /// Creates engine info.
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    /// The native engine of this build.
    public static let native = EngineInfo(name: "mmm-trainer", version: MMMVersion.current)

    enum CodingKeys: String, CodingKey, CaseIterable { case name, version }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        version = try c.decode(String.self, forKey: .version)
    }
}

extension KeyedDecodingContainer {
    /// Decodes an ISO 8601 UTC time written by ``ISOTime``.
    public func decodeISOTime(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = ISOTime.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "'\(text)' is not an ISO 8601 UTC time like 2026-11-22T03:18:15Z")
        }
        return date
    }

    /// Decodes an optional ISO 8601 UTC time.
    public func decodeISOTimeIfPresent(forKey key: Key) throws -> Date? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeISOTime(forKey: key)
    }
}

extension KeyedEncodingContainer {
    /// Encodes a number, writing null when it is missing or not finite (JSON has no NaN or Infinity).
    public mutating func encodeFinite(_ value: Double?, forKey key: Key) throws {
        if let value, value.isFinite { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
