import Foundation
import MMMTransport

/// Size, CRC-32C and MD5 of some bytes: sent with uploads (the server rejects a mismatch) and compared with what
/// the server reports after uploads and downloads.
struct GCSChecksums: Sendable, Equatable {
    let size: Int64
    let crc32c: UInt32
    let md5: Data

    static let readChunk = 1 << 20

    /// The checksums of bytes in memory.
    static func of(_ data: Data) -> GCSChecksums {
        GCSChecksums(size: Int64(data.count), crc32c: CRC32C.checksum(data), md5: StreamingDigest.hash(.md5, data))
    }

    /// The checksums of a file, read in 1 MiB chunks.
    /// - Throws: ``GoogleCloudError`` (`invalidInput`) when the file cannot be read.
    static func ofFile(_ url: URL, operation: String) throws(GoogleCloudError) -> GCSChecksums {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw GoogleCloudError(kind: .invalidInput, service: "Cloud Storage", operation: operation,
                                   message: "cannot open \(url.path) for reading")
        }
        defer { try? handle.close() }
        var crc = CRC32C()
        let md5 = StreamingDigest(.md5)
        var size: Int64 = 0
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: readChunk) ?? Data()
            } catch {
                throw GoogleCloudError(kind: .invalidInput, service: "Cloud Storage", operation: operation,
                                       message: "cannot read \(url.path)")
            }
            if chunk.isEmpty { break }
            crc.update(chunk)
            md5.update(chunk)
            size += Int64(chunk.count)
        }
        return GCSChecksums(size: size, crc32c: crc.value, md5: md5.finish())
    }

    /// Whether an object's reported size and checksums agree with these (absent server checksums are skipped).
    func matches(_ object: GCSObject) -> Bool {
        guard object.size == size else { return false }
        if let crc = object.crc32c, crc != crc32c { return false }
        if let objectMD5 = object.md5, objectMD5 != md5 { return false }
        return true
    }

    /// The `x-goog-hash` header's values (`crc32c=<b64>,md5=<b64>`).
    static func parseHashHeader(_ header: String?) -> (crc32c: UInt32?, md5: Data?) {
        var crc: UInt32?
        var md5: Data?
        for part in (header ?? "").split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "crc32c": crc = CRC32C.decodeBase64(String(pair[1]))
            case "md5": md5 = Data(base64Encoded: String(pair[1]))
            default: continue
            }
        }
        return (crc, md5)
    }
}
