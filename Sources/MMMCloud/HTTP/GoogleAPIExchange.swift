import Foundation
import MMMTransport

/// Sends Google API calls: adds the bearer token, `User-Agent` and quota project, refreshes the token once after
/// a 401, retries per ``GoogleRetryRule`` with backoff, and logs one line per attempt (never headers or bodies).
struct GoogleAPIExchange: Sendable {
    /// Short tag for log lines, e.g. `gcs`.
    let logTag: String
    /// Service name for messages, e.g. `Cloud Storage`.
    let service: String
    let transport: any HTTPTransport
    let credentials: GoogleCredentials
    let options: GoogleClientOptions

    /// A failure a response checker found (e.g. a checksum mismatch); retried like a transient status.
    struct CheckFailure: Error {
        let error: GoogleCloudError
    }

    /// Sends `call` until it gets an answer that is not retried.
    /// - Parameters:
    ///   - call: The call.
    ///   - send: How to send (default: into memory; downloads pass a streaming sender).
    ///   - check: Inspects a 2xx response; throwing ``CheckFailure`` asks for another attempt (idempotent calls).
    /// - Returns: The final response, whatever its status, and the 1-based attempt that produced it.
    /// - Throws: ``GoogleCloudError`` when retries run out, credential errors, `CancellationError`.
    func perform(
        _ call: GoogleAPICall, send: (@Sendable (HTTPRequest) async throws -> HTTPResponse)? = nil,
        check: ((HTTPResponse) async throws -> Void)? = nil
    ) async throws -> (response: HTTPResponse, attempt: Int) {
        // Non-idempotent calls go through the same loop: they are only repeated when the request never left.
        return try await options.retryPolicy.run { attempt -> RetryStep<(response: HTTPResponse, attempt: Int)> in
            let response: HTTPResponse
            do {
                response = try await once(call, attempt: attempt, send: send)
            } catch let error as HTTPTransportError {
                let failure = transportFailure(error, call)
                guard GoogleRetryRule.shouldRetry(error, idempotent: call.idempotent) else { throw failure }
                return .retry(because: failure)
            }
            if GoogleRetryRule.shouldRetry(status: response.statusCode, idempotent: call.idempotent) {
                return .retry(after: GoogleRetryRule.retryAfter(response), because: failure(response, call))
            }
            if response.isSuccess, let check {
                do {
                    try await check(response)
                } catch let failure as CheckFailure {
                    guard call.idempotent else { throw failure.error }
                    return .retry(because: failure.error)
                }
            }
            return .finished((response, attempt))
        }
    }

    /// Sends `call` once with a token; after a 401 on a token this call sent, invalidates it and resends once.
    /// - Throws: ``HTTPTransportError`` (for the caller's retry logic), credential errors, `CancellationError`.
    func once(
        _ call: GoogleAPICall, attempt: Int, send: (@Sendable (HTTPRequest) async throws -> HTTPResponse)? = nil
    ) async throws -> HTTPResponse {
        var response = try await sendAuthorized(call, attempt: attempt, send: send)
        if response.response.statusCode == 401, let token = response.token {
            await credentials.invalidate(token)
            response = try await sendAuthorized(call, attempt: attempt, send: send)
        }
        return response.response
    }

    private func sendAuthorized(
        _ call: GoogleAPICall, attempt: Int, send: (@Sendable (HTTPRequest) async throws -> HTTPResponse)?
    ) async throws -> (response: HTTPResponse, token: SecretValue?) {
        let token = try await credentials.accessToken()
        var headers = call.headers
        headers["User-Agent"] = options.userAgent
        if let token { headers["Authorization"] = "Bearer " + token.text }
        if let quota = credentials.quotaProjectID, token != nil { headers["x-goog-user-project"] = quota }
        // A call that must not run twice never rides a pooled connection (libcurl resends on dead reused ones).
        let request = HTTPRequest(method: call.method, url: call.url, headers: headers, body: call.body,
                                  timeout: call.timeout, usesFreshConnection: call.body != nil || !call.idempotent)
        let label = "\(logTag): \(call.method) \(call.logTarget) attempt \(attempt)"
        do {
            let response = try await (send ?? transport.send)(request)
            options.log?("\(label) -> HTTP \(response.statusCode)")
            return (response, token)
        } catch let error as HTTPTransportError {
            if error.kind == .cancelled || Task.isCancelled { throw CancellationError() }
            options.log?("\(label) failed: \(error.kind.rawValue)")
            throw error
        }
    }

    /// Maps a non-success response to a typed error (Google's message and status when present).
    func failure(_ response: HTTPResponse, _ call: GoogleAPICall, hint: String? = nil) -> GoogleCloudError {
        let body = GoogleErrorBody(response)
        let kind = GoogleErrorBody.kind(status: response.statusCode, googleStatus: body.status)
        var message = body.message
        if kind == .unauthenticated {
            message += credentials.isAnonymous
                ? " — no credentials were sent (anonymous access, e.g. STORAGE_EMULATOR_HOST is set)"
                : " — the token was refreshed once and still rejected; check the credentials (\(credentials.kind))"
        }
        if let hint { message += "; " + hint }
        return GoogleCloudError(kind: kind, service: service, operation: call.operation, message: message,
                                httpStatus: response.statusCode, status: body.status)
    }

    /// Maps a transport failure to a typed error.
    func transportFailure(_ error: HTTPTransportError, _ call: GoogleAPICall) -> GoogleCloudError {
        var message = error.description
        if !call.idempotent, error.requestMayHaveBeenSent {
            message += "; not retried because the call is not idempotent and may have reached the server"
        }
        return GoogleCloudError(kind: .transport, service: service, operation: call.operation, message: message)
    }

    /// A typed error for a success response whose body could not be decoded (the body itself is never quoted).
    func invalidResponse(_ call: GoogleAPICall, _ response: HTTPResponse, expected: String) -> GoogleCloudError {
        GoogleCloudError(
            kind: .invalidResponse, service: service, operation: call.operation,
            message: "HTTP \(response.statusCode) with \(response.body.count) bytes that are not \(expected)",
            httpStatus: response.statusCode)
    }

    /// Sends `call` (with retries) and decodes a 2xx JSON body.
    /// - Parameters:
    ///   - hints: Extra advice per HTTP status, appended to the error message.
    /// - Throws: ``GoogleCloudError`` for error statuses and undecodable bodies.
    func json<Value: Decodable>(_ type: Value.Type, _ call: GoogleAPICall, hints: [Int: String] = [:]) async throws
        -> Value
    {
        let (response, _) = try await perform(call)
        guard response.isSuccess else { throw failure(response, call, hint: hints[response.statusCode]) }
        do {
            return try JSONDecoder().decode(Value.self, from: response.body)
        } catch {
            throw invalidResponse(call, response, expected: "the expected JSON")
        }
    }
}
