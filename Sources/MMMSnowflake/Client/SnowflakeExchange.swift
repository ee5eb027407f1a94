import Foundation
import MMMTransport

/// One authenticated HTTP exchange with retries: mints/re-uses the JWT, re-mints once on 401, retries transport
/// errors and transient statuses with backoff, logs one line per attempt (never headers or bodies).
struct SnowflakeExchange: Sendable {
    static let transientStatuses: Set<Int> = [429, 500, 502, 503, 504]

    let transport: any HTTPTransport
    let authenticator: SnowflakeKeyPairAuthenticator
    let requests: SnowflakeRequestFactory
    let retryPolicy: RetryPolicy
    let log: (@Sendable (String) -> Void)?

    /// Sends the request `make` builds (given a token and the 1-based attempt) until it gets a final answer.
    /// - Returns: The first response whose status is not retried (any status, including errors).
    /// - Throws: ``SnowflakeError`` when retries run out, `CancellationError` when cancelled.
    func perform(
        retryStatuses: Set<Int>, requestID: String?, _ make: (SecretValue, Int) -> HTTPRequest
    ) async throws -> HTTPResponse {
        var reauthenticated = false
        return try await retryPolicy.run { attempt -> RetryStep<HTTPResponse> in
            let request = make(try await authenticator.token(), attempt)
            let label = "\(request.method) \(Self.redactedTarget(request.url))"
            let response: HTTPResponse
            do {
                response = try await transport.send(request)
            } catch let error as HTTPTransportError {
                if error.kind == .cancelled || Task.isCancelled { throw CancellationError() }
                log?("snowflake: \(label) attempt \(attempt) failed: \(error.kind.rawValue)")
                return .retry(because: SnowflakeError(kind: .transport, message: error.description, requestID: requestID))
            }
            log?("snowflake: \(label) attempt \(attempt) -> HTTP \(response.statusCode)")
            if response.statusCode == 401, !reauthenticated {
                reauthenticated = true
                await authenticator.invalidate()
                return .retry(after: .zero, because: failure(response, requestID: requestID, handle: nil))
            }
            if retryStatuses.contains(response.statusCode) {
                return .retry(after: retryAfter(response), because: failure(response, requestID: requestID, handle: nil))
            }
            return .finished(response)
        }
    }

    /// Sends `POST …/cancel` from an unstructured task, so it goes out even when the caller was cancelled.
    func cancelDetached(handle: String) async {
        let exchange = self
        await Task { await exchange.sendCancel(handle: handle) }.value
    }

    /// Sends one cancel request; failures are logged, not thrown (the caller is already failing).
    func sendCancel(handle: String) async {
        do {
            var request = requests.cancel(handle: handle, token: try await authenticator.token())
            request.timeout = min(request.timeout, 15)
            let response = try await transport.send(request)
            log?("snowflake: POST /api/v2/statements/\(handle)/cancel -> HTTP \(response.statusCode)")
        } catch {
            log?("snowflake: cancel of \(handle) failed: \(type(of: error))")
        }
    }

    /// Maps a non-success response to a typed error using Snowflake's `code`/`sqlState`/`message`.
    func failure(_ response: HTTPResponse, requestID: String?, handle: String?) -> SnowflakeError {
        let body = StatementResponse.lenient(response.body)
        let status = response.statusCode
        var message = body.message
            ?? "HTTP \(status) with \(response.body.isEmpty ? "an empty body" : "a body that is not a Snowflake error (\(response.body.count) bytes)")"
        let kind: SnowflakeError.Kind
        switch status {
        case 401:
            kind = .authentication
            message += " — check account, user (LOGIN_NAME), that DESC USER shows RSA_PUBLIC_KEY_FP = "
                + "\(authenticator.fingerprint), and that this machine's clock is correct"
        case 408: kind = .statementTimedOut
        case 422: kind = body.code == "391908" ? .resultTooLarge : .statementFailed
        case 429: kind = .rateLimited
        case 500...599: kind = .serverError
        default: kind = .unexpectedStatus
        }
        return SnowflakeError(kind: kind, message: message, httpStatus: status, code: body.code, sqlState: body.sqlState,
                              statementHandle: body.statementHandle ?? handle, requestID: requestID)
    }

    private func retryAfter(_ response: HTTPResponse) -> Duration? {
        guard let text = response.header("Retry-After"), let seconds = Int(text.trimmingCharacters(in: .whitespaces)),
            seconds >= 0
        else { return nil }
        return .seconds(seconds)
    }

    /// Path and query for logs (request ids and partition numbers are not secret).
    static func redactedTarget(_ url: URL) -> String {
        url.path + (url.query.map { "?" + $0 } ?? "")
    }
}
