import Foundation
import MMMTransport

/// One resumable upload of a file (JSON API `uploadType=resumable`).
///
/// Starts a session (preconditions go on this request), then `PUT`s chunks with `Content-Range`. A 308 answer's
/// `Range: bytes=0-N` says what the server holds; after a failed chunk (408/429/5xx, lost connection, timeout) the
/// upload waits with backoff, asks the session for its offset (`Content-Range: bytes */TOTAL`) and resends from
/// there. An expired session (404/410) starts over once. The session URI is a capability: it is never logged.
struct GCSResumableUpload {
    let client: GCSClient
    let file: URL
    let uri: GCSURI
    let checksums: GCSChecksums
    let preconditions: GCSPreconditions
    let operation: String
    let metadata: GCSUploadMetadata

    /// What one session request told us.
    private enum Progress {
        case persisted(Int64)
        case finished(GCSObject)
        case sessionGone
        case transient(GoogleCloudError)
    }

    func run() async throws -> GCSObject {
        guard let handle = try? FileHandle(forReadingFrom: file) else {
            throw GoogleCloudError(kind: .invalidInput, service: client.exchange.service, operation: operation,
                                   message: "cannot open \(file.path) for reading")
        }
        defer { try? handle.close() }
        for _ in 0..<2 {
            if let object = try await upload(session: try await startSession(), handle: handle) {
                return object
            }
        }
        throw GoogleCloudError(kind: .serverError, service: client.exchange.service, operation: operation,
                               message: "the upload session expired twice; try again later")
    }

    private func startSession() async throws -> URL {
        let call = try client.call(
            .post, "/upload/storage/v1/b/\(PercentEncoding.encode(uri.bucket))/o",
            query: [("uploadType", "resumable"), ("name", uri.objectName)] + preconditions.queryItems,
            headers: ["Content-Type": "application/json; charset=UTF-8", "X-Upload-Content-Type": metadata.contentType,
                      "X-Upload-Content-Length": String(checksums.size)],
            // Starting a session stores nothing, so it is always safe to repeat.
            body: metadata.json(), idempotent: true, operation: operation)
        let (response, _) = try await client.exchange.perform(call)
        guard response.isSuccess else {
            throw client.exchange.failure(response, call,
                                          hint: GCSClient.preconditionHint(response.statusCode, preconditions))
        }
        guard let location = response.header("Location"), let session = URL(string: location), session.host != nil else {
            throw client.exchange.invalidResponse(call, response, expected: "a session (no Location header)")
        }
        return session
    }

    /// Sends every chunk; `nil` when the session disappeared and the upload must start over.
    private func upload(session: URL, handle: FileHandle) async throws -> GCSObject? {
        let policy = client.exchange.options.retryPolicy
        var generator = SystemRandomNumberGenerator()
        var offset: Int64 = 0
        var failures = 0
        var needsQuery = false
        // Each round either makes progress or counts a failure, so the loop is bounded by size/chunk + attempts.
        while true {
            let progress: Progress
            if needsQuery {
                progress = try await send(session, range: "bytes */\(checksums.size)", body: Data())
            } else {
                let length = min(Int64(client.transfer.resumableChunkSize), checksums.size - offset)
                let chunk = try read(handle, offset: offset, length: Int(length))
                progress = try await send(session, range: "bytes \(offset)-\(offset + length - 1)/\(checksums.size)",
                                          body: chunk)
            }
            switch progress {
            case .finished(let object):
                return try client.verified(object, checksums, call(session, range: "", body: Data()))
            case .sessionGone:
                return nil
            case .persisted(let persisted):
                guard persisted <= checksums.size else {
                    throw GoogleCloudError(kind: .invalidResponse, service: client.exchange.service, operation: operation,
                                           message: "the server claims \(persisted) bytes of \(checksums.size)")
                }
                let stalled = persisted <= offset && !needsQuery
                if persisted > offset { failures = 0 }
                offset = persisted
                // All bytes held but not finalised, or a chunk that moved nothing: ask again after a pause.
                needsQuery = offset == checksums.size
                if stalled || needsQuery {
                    failures += 1
                    guard failures < policy.maxAttempts else {
                        throw GoogleCloudError(kind: .serverError, service: client.exchange.service,
                                               operation: operation, message: "the upload stopped making progress")
                    }
                    try await Task.sleep(for: policy.delay(beforeRetry: failures, using: &generator))
                }
            case .transient(let error):
                failures += 1
                guard failures < policy.maxAttempts else { throw error }
                try await Task.sleep(for: policy.delay(beforeRetry: failures, using: &generator))
                needsQuery = true
            }
        }
    }

    private func send(_ session: URL, range: String, body: Data) async throws -> Progress {
        let call = call(session, range: range, body: body)
        let response: HTTPResponse
        do {
            response = try await client.exchange.once(call, attempt: 1)
        } catch let error as HTTPTransportError {
            return .transient(client.exchange.transportFailure(error, call))
        }
        switch response.statusCode {
        case 200, 201:
            return .finished(try client.object(from: response, call, bucket: uri.bucket))
        case 308:
            return .persisted(Self.persistedBytes(response.header("Range")))
        case 404, 410:
            return .sessionGone
        case _ where GoogleRetryRule.transientStatuses.contains(response.statusCode):
            return .transient(client.exchange.failure(response, call))
        default:
            throw client.exchange.failure(response, call,
                                          hint: GCSClient.preconditionHint(response.statusCode, preconditions))
        }
    }

    private func call(_ session: URL, range: String, body: Data) -> GoogleAPICall {
        GoogleAPICall(method: .put, url: session, headers: range.isEmpty ? [:] : ["Content-Range": range], body: body,
                      idempotent: true, operation: operation, timeout: client.exchange.options.transferTimeout)
    }

    /// The next offset from a 308's `Range: bytes=0-N` (no header: nothing persisted yet).
    static func persistedBytes(_ range: String?) -> Int64 {
        guard let range, let dash = range.lastIndex(of: "-"), let last = Int64(range[range.index(after: dash)...]) else {
            return 0
        }
        return last + 1
    }

    private func read(_ handle: FileHandle, offset: Int64, length: Int) throws(GoogleCloudError) -> Data {
        do {
            try handle.seek(toOffset: UInt64(offset))
            let data = try handle.read(upToCount: length) ?? Data()
            guard data.count == length else { throw CocoaError(.fileReadUnknown) }
            return data
        } catch {
            throw GoogleCloudError(kind: .invalidInput, service: client.exchange.service, operation: operation,
                                   message: "\(file.path) could not be read at offset \(offset) (did it change?)")
        }
    }
}
