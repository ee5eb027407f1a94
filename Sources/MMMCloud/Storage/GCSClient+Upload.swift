import Foundation
import MMMTransport

extension GCSClient {
    /// Uploads bytes in one multipart request, with CRC-32C and MD5 for the server to verify.
    ///
    /// Retried after 408/429/5xx or a lost connection only when `preconditions` guard the write. If such a retry
    /// then hits 412 because the earlier attempt did succeed, the object is read back and accepted when its size
    /// and checksums are ours.
    /// - Parameters:
    ///   - data: The content.
    ///   - uri: The destination object.
    ///   - contentType: The `Content-Type` to store.
    ///   - metadata: Custom metadata.
    ///   - preconditions: E.g. ``GCSPreconditions/doesNotExist`` (create-only) or
    ///     ``GCSPreconditions/generationMatches(_:)`` (replace what was read).
    /// - Returns: The new object's metadata.
    /// - Throws: ``GoogleCloudError`` (``GoogleCloudError/Kind/preconditionFailed`` on 412).
    @discardableResult
    public func upload(
        _ data: Data, to uri: GCSURI, contentType: String = "application/octet-stream", metadata: [String: String] = [:],
        preconditions: GCSPreconditions = .none
    ) async throws -> GCSObject {
        let operation = "upload \(uri)"
        try checkUpload(uri, contentType: contentType, operation: operation)
        let checksums = GCSChecksums.of(data)
        let part = GCSMultipartBody(
            metadata: GCSUploadMetadata(uri: uri, contentType: contentType, metadata: metadata, checksums: checksums),
            content: data, contentType: contentType)
        let call = try self.call(
            .post, "/upload/storage/v1/b/\(PercentEncoding.encode(uri.bucket))/o",
            query: [("uploadType", "multipart")] + preconditions.queryItems,
            headers: ["Content-Type": part.contentType], body: part.body, idempotent: preconditions.guardsWrites,
            operation: operation, timeout: exchange.options.transferTimeout)
        let (response, attempt) = try await exchange.perform(call)
        if response.statusCode == 412, attempt > 1,
            let existing = try? await metadataIfExists(uri), checksums.matches(existing)
        {
            // An earlier attempt wrote the object and its answer was lost; this 412 is our own write.
            return existing
        }
        guard response.isSuccess else {
            throw exchange.failure(response, call, hint: Self.preconditionHint(response.statusCode, preconditions))
        }
        return try verified(try object(from: response, call, bucket: uri.bucket), checksums, call)
    }

    /// Uploads a file: multipart up to ``GCSTransferOptions/multipartThreshold`` bytes, resumable in
    /// ``GCSTransferOptions/resumableChunkSize`` chunks above (never holding more than one chunk in memory).
    ///
    /// The file's CRC-32C and MD5 are computed first and sent with the upload, so the server rejects corrupted
    /// content; the stored object's checksums are compared again afterwards. Resumable chunks are resent from the
    /// server's acknowledged offset after failures.
    /// - Parameters:
    ///   - file: A local file URL (e.g. a temporary file written by a streaming writer).
    ///   - uri: The destination object.
    ///   - contentType: The `Content-Type` to store.
    ///   - metadata: Custom metadata.
    ///   - preconditions: Generation preconditions (see ``upload(_:to:contentType:metadata:preconditions:)``).
    /// - Returns: The new object's metadata.
    /// - Throws: ``GoogleCloudError``.
    @discardableResult
    public func upload(
        fileAt file: URL, to uri: GCSURI, contentType: String = "application/octet-stream",
        metadata: [String: String] = [:], preconditions: GCSPreconditions = .none
    ) async throws -> GCSObject {
        let operation = "upload \(file.path) to \(uri)"
        try checkUpload(uri, contentType: contentType, operation: operation)
        let checksums = try GCSChecksums.ofFile(file, operation: operation)
        if checksums.size <= Int64(transfer.multipartThreshold) {
            guard let data = try? Data(contentsOf: file), Int64(data.count) == checksums.size else {
                throw GoogleCloudError(kind: .invalidInput, service: exchange.service, operation: operation,
                                       message: "\(file.path) changed while it was being uploaded")
            }
            return try await upload(data, to: uri, contentType: contentType, metadata: metadata,
                                    preconditions: preconditions)
        }
        let upload = GCSResumableUpload(
            client: self, file: file, uri: uri, checksums: checksums, preconditions: preconditions, operation: operation,
            metadata: GCSUploadMetadata(uri: uri, contentType: contentType, metadata: metadata, checksums: checksums))
        return try await upload.run()
    }

    /// The stored object, after checking that its size and checksums are what was sent.
    func verified(_ object: GCSObject, _ checksums: GCSChecksums, _ call: GoogleAPICall) throws(GoogleCloudError)
        -> GCSObject
    {
        guard checksums.matches(object) else {
            throw GoogleCloudError(
                kind: .dataCorruption, service: exchange.service, operation: call.operation,
                message: "the stored object (\(object.size) bytes, generation \(object.generation)) does not match "
                    + "the \(checksums.size) bytes sent (size or checksum differs)")
        }
        return object
    }

    /// What a 412 means for the preconditions given.
    static func preconditionHint(_ status: Int, _ preconditions: GCSPreconditions) -> String? {
        guard status == 412 else { return nil }
        if preconditions.ifGenerationMatch == 0 { return "the object already exists (create-only write)" }
        if let generation = preconditions.ifGenerationMatch {
            return "the object is no longer at generation \(generation) (someone else wrote it, or it was deleted)"
        }
        return "a precondition did not hold"
    }

    private func checkUpload(_ uri: GCSURI, contentType: String, operation: String) throws(GoogleCloudError) {
        _ = try objectPath(uri)
        guard !contentType.isEmpty, !contentType.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw GoogleCloudError(kind: .invalidInput, service: exchange.service, operation: operation,
                                   message: "the content type must be non-empty and free of control characters")
        }
    }
}
