import Foundation
import MMMTransport

/// Runs one statement over the SQL API: submit (with retries under one request id), poll while it runs,
/// cancel on timeout or task cancellation, then hand the finished body to the partition collector.
struct StatementRunner: Sendable {
    let configuration: SnowflakeConnectionConfiguration
    let options: SnowflakeClientOptions
    let exchange: SnowflakeExchange

    private enum SubmitOutcome {
        case finished(Data)
        case running(handle: String, statusURL: String?)
    }

    func run(_ statement: SnowflakeStatement) async throws -> SnowflakeResult {
        let requestID = UUID().uuidString.lowercased()
        let body: Data
        do {
            body = try SubmitBody(statement: statement, configuration: configuration).encoded()
        } catch {
            throw SnowflakeError(kind: .invalidResponse, message: "the statement could not be encoded as JSON",
                                 requestID: requestID)
        }
        let deadline = statement.timeoutSeconds.map { ContinuousClock.now + .seconds($0) + options.timeoutGrace }
        var runningHandle: String?
        do {
            let finished: Data
            switch try await submit(body, requestID: requestID) {
            case .finished(let data):
                finished = data
            case .running(let handle, let statusURL):
                runningHandle = handle
                finished = try await poll(handle: handle, statusURL: statusURL, requestID: requestID,
                                          deadline: deadline, timeout: statement.timeoutSeconds)
                runningHandle = nil
            }
            let collector = PartitionCollector(exchange: exchange, requestID: requestID)
            return try await collector.collect(finished, rowLimit: statement.rowLimit)
        } catch where Self.isCancellation(error) {
            if let runningHandle { await exchange.cancelDetached(handle: runningHandle) }
            throw SnowflakeError(
                kind: .cancelled,
                message: runningHandle == nil
                    ? "the request was cancelled" : "the request was cancelled and Snowflake was asked to stop the statement",
                statementHandle: runningHandle, requestID: requestID)
        }
    }

    private func submit(_ body: Data, requestID: String) async throws -> SubmitOutcome {
        let response = try await exchange.perform(retryStatuses: SnowflakeExchange.transientStatuses, requestID: requestID) {
            token, attempt in
            exchange.requests.submit(body: body, requestID: requestID, isRetry: attempt > 1,
                                     async: options.submitAsynchronously, token: token)
        }
        switch response.statusCode {
        case 200:
            return .finished(response.body)
        case 202:
            let status = StatementResponse.lenient(response.body)
            guard let handle = status.statementHandle, SnowflakeRequestFactory.isValidHandle(handle) else {
                throw SnowflakeError(kind: .invalidResponse, message: "HTTP 202 without a usable statementHandle",
                                     httpStatus: 202, requestID: requestID)
            }
            return .running(handle: handle, statusURL: status.statementStatusUrl)
        default:
            throw exchange.failure(response, requestID: requestID, handle: nil)
        }
    }

    private func poll(
        handle: String, statusURL: String?, requestID: String, deadline: ContinuousClock.Instant?, timeout: Int?
    ) async throws -> Data {
        var statusURL = statusURL
        var generator = SystemRandomNumberGenerator()
        // Bounded by the deadline when there is one; otherwise by cancellation (the server's own timeout ends it).
        for round in 1... {
            var wait = options.pollPolicy.delay(beforeRetry: round, using: &generator)
            if let deadline {
                let remaining = deadline - ContinuousClock.now
                if remaining <= .zero {
                    await exchange.cancelDetached(handle: handle)
                    throw SnowflakeError(
                        kind: .statementTimedOut,
                        message: "no result within the \(timeout ?? 0) s timeout (plus grace); the statement was cancelled",
                        statementHandle: handle, requestID: requestID)
                }
                wait = min(wait, remaining)
            }
            try await Task.sleep(for: wait)
            let response = try await exchange.perform(retryStatuses: [500, 502, 503, 504], requestID: requestID) { token, _ in
                exchange.requests.status(handle: handle, statusURL: statusURL, token: token)
            }
            switch response.statusCode {
            case 200:
                return response.body
            case 202, 429:
                // 429 while polling means "still running, slow down".
                if let next = StatementResponse.lenient(response.body).statementStatusUrl { statusURL = next }
            default:
                throw exchange.failure(response, requestID: requestID, handle: handle)
            }
        }
        throw CancellationError()
    }

    static func isCancellation(_ error: any Error) -> Bool {
        if error is CancellationError { return true }
        if let transport = error as? HTTPTransportError, transport.kind == .cancelled { return true }
        return Task.isCancelled
    }
}
