import Foundation
import MMMCore
import MMMEngine

/// A `--bounds` file: spend bounds as multipliers of each channel's mean spend over the date range.
///
/// ```json
/// { "default": [0.5, 2], "channels": { "tv_S": [0.8, 1.2], "ooh_S": [0, 0] } }
/// ```
/// Both keys are optional; channels may be named by modelled name or spend column. Unknown keys are errors.
public struct AllocationBoundsFile: Decodable, Sendable, Equatable {
    /// Bounds of channels not listed.
    public var defaultBounds: [Double]?
    /// Bounds per channel.
    public var channels: [String: [Double]]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case defaultBounds = "default"
        case channels
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        defaultBounds = try c.decodeUnlessNull([Double].self, forKey: .defaultBounds)
        channels = try c.decodeUnlessNull([String: [Double]].self, forKey: .channels) ?? [:]
    }

    /// Reads a bounds file.
    /// - Parameter path: the file.
    /// - Throws: ``ConfigError`` naming the file and JSON path of the first problem.
    public static func load(path: String) throws -> AllocationBoundsFile {
        let file = try StrictJSON.decode(AllocationBoundsFile.self, path: path)
        if let bounds = file.defaultBounds { _ = try pair(bounds, path: "$.default", file: path) }
        for (key, bounds) in file.channels { _ = try pair(bounds, path: "$.channels.\(key)", file: path) }
        return file
    }

    /// Applies the file to a request.
    /// - Parameter request: the request to change.
    package func apply(to request: inout AllocationRequest) throws {
        if let bounds = defaultBounds { request.defaultBounds = try Self.pair(bounds, path: "$.default", file: nil) }
        for (key, bounds) in channels { request.channelBounds[key] = try Self.pair(bounds, path: "$.channels.\(key)", file: nil) }
    }

    private static func pair(_ values: [Double], path: String, file: String?) throws -> BoundMultipliers {
        guard values.count == 2, values.allSatisfy({ $0.isFinite && $0 >= 0 }), values[0] <= values[1] else {
            throw ConfigError(file: file, path: path, "expected [low, up] multipliers with 0 ≤ low ≤ up, e.g. [0.5, 2]")
        }
        return BoundMultipliers(low: values[0], up: values[1])
    }
}
