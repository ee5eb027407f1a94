import Foundation
import MMMTransport

/// A Cloud Storage object's metadata (the JSON API's Object resource, selected fields).
public struct GCSObject: Sendable, Equatable {
    /// Where the object lives.
    public let uri: GCSURI
    /// The content generation; changes on every write. Pass it to ``GCSPreconditions/generationMatches(_:)``.
    public let generation: Int64
    /// The metadata generation; changes on every metadata update of this generation.
    public let metageneration: Int64
    /// The size in bytes.
    public let size: Int64
    /// The `Content-Type`.
    public let contentType: String?
    /// The `Content-Encoding` (`gzip` objects are decompressed on download and not checksum-verified).
    public let contentEncoding: String?
    /// CRC-32C of the stored bytes.
    public let crc32c: UInt32?
    /// MD5 of the stored bytes (absent for composite objects).
    public let md5: Data?
    /// When this generation was written.
    public let updated: Date?
    /// Custom metadata.
    public let metadata: [String: String]
}

/// The Object resource as sent on the wire (int64s as strings, hashes as base64).
struct GCSObjectWire: Decodable {
    let bucket: String?
    let name: String?
    let generation: JSONInt64?
    let metageneration: JSONInt64?
    let size: JSONInt64?
    let contentType: String?
    let contentEncoding: String?
    let crc32c: String?
    let md5Hash: String?
    let updated: String?
    let metadata: [String: String]?

    /// The public model, or `nil` when required fields are missing.
    func object(defaultBucket: String) -> GCSObject? {
        guard let name, let generation, let uri = try? GCSURI(bucket: bucket ?? defaultBucket, objectName: name) else {
            return nil
        }
        return GCSObject(
            uri: uri, generation: generation.value, metageneration: metageneration?.value ?? 1, size: size?.value ?? 0,
            contentType: contentType, contentEncoding: contentEncoding, crc32c: crc32c.flatMap(CRC32C.decodeBase64),
            md5: md5Hash.flatMap { Data(base64Encoded: $0) }, updated: updated.flatMap(ProtoJSON.timestamp),
            metadata: metadata ?? [:])
    }
}

/// Generation and metageneration preconditions of a Cloud Storage call. A failed one answers HTTP 412, which the
/// client reports as ``GoogleCloudError/Kind/preconditionFailed`` and never retries.
public struct GCSPreconditions: Sendable, Equatable {
    /// Succeed only if the live object's generation is this; `0` means "only if no live object exists".
    public var ifGenerationMatch: Int64?
    /// Succeed only if the live object's generation is not this.
    public var ifGenerationNotMatch: Int64?
    /// Succeed only if the live object's metageneration is this.
    public var ifMetagenerationMatch: Int64?
    /// Succeed only if the live object's metageneration is not this.
    public var ifMetagenerationNotMatch: Int64?

    /// Creates preconditions.
    public init(
        ifGenerationMatch: Int64? = nil, ifGenerationNotMatch: Int64? = nil, ifMetagenerationMatch: Int64? = nil,
        ifMetagenerationNotMatch: Int64? = nil
    ) {
        self.ifGenerationMatch = ifGenerationMatch
        self.ifGenerationNotMatch = ifGenerationNotMatch
        self.ifMetagenerationMatch = ifMetagenerationMatch
        self.ifMetagenerationNotMatch = ifMetagenerationNotMatch
    }

    /// No preconditions: the call overwrites whatever is there (and is not retried after an ambiguous failure).
    public static let none = GCSPreconditions()
    /// Create-only: fail with 412 if the object exists (`ifGenerationMatch=0`).
    public static let doesNotExist = GCSPreconditions(ifGenerationMatch: 0)

    /// Replace only the given generation (fails with 412 if someone wrote in between).
    /// - Parameter generation: The generation last seen.
    public static func generationMatches(_ generation: Int64) -> GCSPreconditions {
        GCSPreconditions(ifGenerationMatch: generation)
    }

    /// Whether a write with these preconditions may be repeated safely (Google's "conditionally idempotent").
    var guardsWrites: Bool { ifGenerationMatch != nil || ifMetagenerationMatch != nil }

    /// The query parameters, e.g. `ifGenerationMatch=0`.
    var queryItems: [(String, String?)] {
        [("ifGenerationMatch", ifGenerationMatch.map(String.init)),
         ("ifGenerationNotMatch", ifGenerationNotMatch.map(String.init)),
         ("ifMetagenerationMatch", ifMetagenerationMatch.map(String.init)),
         ("ifMetagenerationNotMatch", ifMetagenerationNotMatch.map(String.init))]
    }
}
