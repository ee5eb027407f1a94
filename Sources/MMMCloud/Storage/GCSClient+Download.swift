import Foundation
import MMMTransport

/// An object's content read into memory, with the generation it came from.
public struct GCSObjectContent: Sendable, Equatable {
    /// The bytes.
    public let data: Data
    /// The generation that was read (from `x-goog-generation`), for a later
    /// ``GCSPreconditions/generationMatches(_:)`` write; `nil` if the server did not say.
    public let generation: Int64?
}

extension GCSClient {
    /// Downloads an object into a file, streaming (the content is never held in memory).
    ///
    /// Reads the metadata first and then downloads exactly that generation, so retries never mix versions. The
    /// bytes go to a temporary file next to `destination`, are checked against the object's size and CRC-32C (or
    /// MD5), and only then renamed over `destination`. Truncated or corrupted transfers are retried.
    /// (`Content-Encoding: gzip` objects are decompressed in transit and cannot be checked against stored hashes.)
    /// - Parameters:
    ///   - uri: The object.
    ///   - destination: The local file to create or replace; its directory must exist.
    ///   - generation: A specific generation (default: the live one).
    /// - Returns: The metadata of the generation downloaded.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/dataCorruption`` when every attempt mismatched).
    @discardableResult
    public func download(_ uri: GCSURI, to destination: URL, generation: Int64? = nil) async throws -> GCSObject {
        let operation = "download \(uri) to \(destination.path)"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: destination.deletingLastPathComponent().path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw GoogleCloudError(kind: .invalidInput, service: exchange.service, operation: operation,
                                   message: "the folder \(destination.deletingLastPathComponent().path) does not exist")
        }
        let object = try await metadata(uri, generation: generation)
        let temporary = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).download-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let call = try self.call(
            .get, objectPath(uri), query: [("alt", "media"), ("generation", String(object.generation))],
            idempotent: true, operation: operation, timeout: exchange.options.transferTimeout)
        let transport = exchange.transport
        let verify = object.contentEncoding?.lowercased() != "gzip"
        let service = exchange.service
        let (response, _) = try await exchange.perform(
            call, send: { request in try await transport.download(request, to: temporary) },
            check: { _ in
                guard verify else { return }
                let received = try GCSChecksums.ofFile(temporary, operation: operation)
                if !received.matches(object) {
                    throw GoogleAPIExchange.CheckFailure(error: GoogleCloudError(
                        kind: .dataCorruption, service: service, operation: operation,
                        message: "received \(received.size) bytes that do not match the object's \(object.size) bytes "
                            + "and checksums (truncated or corrupted transfer)"))
                }
            })
        guard response.isSuccess else { throw exchange.failure(response, call) }
        do {
            if FileManager.default.fileExists(atPath: destination.path) {
                try FileManager.default.removeItem(at: destination)
            }
            try FileManager.default.moveItem(at: temporary, to: destination)
        } catch {
            throw GoogleCloudError(kind: .invalidInput, service: service, operation: operation,
                                   message: "cannot write \(destination.path)")
        }
        return object
    }

    /// Reads a (small) object into memory in one request, checking it against the `x-goog-hash` CRC-32C/MD5.
    /// - Parameters:
    ///   - uri: The object.
    ///   - generation: A specific generation (default: the live one).
    /// - Returns: The bytes and their generation.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/notFound`` when absent).
    public func read(_ uri: GCSURI, generation: Int64? = nil) async throws -> GCSObjectContent {
        let operation = "read \(uri)"
        let call = try self.call(.get, objectPath(uri), query: [("alt", "media"), ("generation", generation.map(String.init))],
                                 idempotent: true, operation: operation, timeout: exchange.options.transferTimeout)
        let service = exchange.service
        let (response, _) = try await exchange.perform(call, check: { response in
            if let problem = Self.contentProblem(response) {
                throw GoogleAPIExchange.CheckFailure(error: GoogleCloudError(
                    kind: .dataCorruption, service: service, operation: operation, message: problem))
            }
        })
        guard response.isSuccess else { throw exchange.failure(response, call) }
        let generation = response.header("x-goog-generation").flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        return GCSObjectContent(data: response.body, generation: generation)
    }

    /// Reads a (small) object into memory, or returns `nil` when it does not exist.
    /// - Parameter uri: The object.
    /// - Returns: The bytes and their generation, or `nil`.
    /// - Throws: ``GoogleCloudError`` for anything but "not found".
    public func readIfExists(_ uri: GCSURI) async throws -> GCSObjectContent? {
        do {
            return try await read(uri)
        } catch let error as GoogleCloudError where error.kind == .notFound {
            return nil
        }
    }

    /// Why a media response's body does not match its `x-goog-hash`, or `nil` (also when there is nothing to check).
    static func contentProblem(_ response: HTTPResponse) -> String? {
        // Decompressive transcoding: the hashes describe the stored gzip bytes, not what was received.
        if response.header("x-goog-stored-content-encoding")?.lowercased() == "gzip" { return nil }
        let hashes = GCSChecksums.parseHashHeader(response.header("x-goog-hash"))
        if let crc = hashes.crc32c, CRC32C.checksum(response.body) != crc {
            return "the \(response.body.count) bytes received do not match the object's CRC-32C (truncated or corrupted)"
        }
        if hashes.crc32c == nil, let md5 = hashes.md5, StreamingDigest.hash(.md5, response.body) != md5 {
            return "the \(response.body.count) bytes received do not match the object's MD5 (truncated or corrupted)"
        }
        return nil
    }
}
