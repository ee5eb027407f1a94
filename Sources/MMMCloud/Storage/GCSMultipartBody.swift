import Foundation
import MMMTransport

/// The JSON metadata sent with an upload (`name`, `contentType`, custom `metadata`, and the checksums the server
/// verifies).
struct GCSUploadMetadata: Encodable {
    let name: String
    let contentType: String
    let metadata: [String: String]?
    let crc32c: String
    let md5Hash: String

    init(uri: GCSURI, contentType: String, metadata: [String: String], checksums: GCSChecksums) {
        name = uri.objectName
        self.contentType = contentType
        self.metadata = metadata.isEmpty ? nil : metadata
        crc32c = CRC32C.base64(checksums.crc32c)
        md5Hash = checksums.md5.base64EncodedString()
    }

    func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and a string dictionary cannot fail.
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}

/// A `multipart/related` upload body: the JSON metadata part, then the media part (CRLF line ends).
struct GCSMultipartBody {
    let boundary: String
    let body: Data

    /// Builds the body with a boundary that does not occur in the content.
    init(metadata: GCSUploadMetadata, content: Data, contentType: String) {
        var boundary = "mmm-trainer-" + UUID().uuidString
        // A random 128-bit boundary colliding with content is practically impossible; the loop makes it certain.
        for _ in 0..<8 where content.range(of: Data(boundary.utf8)) != nil {
            boundary = "mmm-trainer-" + UUID().uuidString
        }
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n".utf8))
        body.append(metadata.json())
        body.append(Data("\r\n--\(boundary)\r\nContent-Type: \(contentType)\r\n\r\n".utf8))
        body.append(content)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        self.boundary = boundary
        self.body = body
    }

    /// The request's `Content-Type`.
    var contentType: String { "multipart/related; boundary=\(boundary)" }
}
