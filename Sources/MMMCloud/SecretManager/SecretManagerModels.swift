import Foundation
import MMMTransport

/// A secret's metadata (never its payload).
public struct SecretInfo: Sendable, Equatable {
    /// The full resource name as the server returned it (with the project **number**).
    public let resourceName: String
    /// When it was created.
    public let createTime: Date?
    /// Its labels.
    public let labels: [String: String]
    /// Its etag.
    public let etag: String?
}

/// The state of a secret version. Unknown future states are kept as their raw names.
public struct SecretVersionState: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The state name, e.g. `ENABLED`.
    public let rawValue: String

    /// Creates a state from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Accessible.
    public static let enabled = SecretVersionState(rawValue: "ENABLED")
    /// Not accessible until enabled again.
    public static let disabled = SecretVersionState(rawValue: "DISABLED")
    /// The payload is gone for good.
    public static let destroyed = SecretVersionState(rawValue: "DESTROYED")

    public var description: String { rawValue }
}

/// A secret version's metadata (never its payload).
public struct SecretVersionInfo: Sendable, Equatable {
    /// The full resource name as the server returned it (with the project **number**).
    public let resourceName: String
    /// The version number (the last path segment).
    public let version: String
    /// Its state.
    public let state: SecretVersionState
    /// When it was created.
    public let createTime: Date?
    /// When it was destroyed, if it was.
    public let destroyTime: Date?
    /// Its etag.
    public let etag: String?
}

/// An accessed secret payload. The value is a ``SecretValue``: it never prints itself.
public struct SecretPayload: Sendable, Equatable {
    /// The resolved version (`latest` becomes a number here), full resource name.
    public let resourceName: String
    /// The payload.
    public let value: SecretValue
}

/// Wire shapes of Secret Manager resources.
enum SecretManagerWire {
    struct Secret: Decodable {
        let name: String?
        let createTime: String?
        let labels: [String: String]?
        let etag: String?

        var model: SecretInfo {
            SecretInfo(resourceName: name ?? "", createTime: createTime.flatMap(ProtoJSON.timestamp),
                       labels: labels ?? [:], etag: etag)
        }
    }

    struct Version: Decodable {
        let name: String?
        let state: String?
        let createTime: String?
        let destroyTime: String?
        let etag: String?

        var model: SecretVersionInfo {
            let resource = name ?? ""
            return SecretVersionInfo(
                resourceName: resource, version: resource.split(separator: "/").last.map(String.init) ?? "",
                state: SecretVersionState(rawValue: state ?? "STATE_UNSPECIFIED"),
                createTime: createTime.flatMap(ProtoJSON.timestamp), destroyTime: destroyTime.flatMap(ProtoJSON.timestamp),
                etag: etag)
        }
    }

    struct VersionList: Decodable {
        let versions: [Version]?
        let nextPageToken: String?
    }

    struct Access: Decodable {
        struct Payload: Decodable {
            let data: String?
            let dataCrc32c: JSONUInt64?
        }

        let name: String?
        let payload: Payload?
    }

    struct AddVersion: Encodable {
        struct Payload: Encodable {
            let data: String
            let dataCrc32c: String
        }

        let payload: Payload
    }

    struct Create: Encodable {
        struct Replication: Encodable {
            struct Automatic: Encodable {}
            let automatic = Automatic()
        }

        let replication = Replication()
        let labels: [String: String]?
    }

    /// Standard or URL-safe base64, padded or not.
    static func decodeBase64(_ text: String) -> Data? {
        Data(base64Encoded: text) ?? Base64URL.decode(text)
    }
}
