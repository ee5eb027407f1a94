import Foundation
import MMMTransport

/// A Cloud Run Admin API v2 client for jobs: run with overrides, follow the operation and the execution, list
/// executions, cancel.
///
/// `run` is **not idempotent** (every call starts an execution), so it is only repeated when the request never
/// left; after an ambiguous failure, look for the execution with ``findExecution(of:environmentName:value:)``
/// (e.g. by a unique `RUN_ID` override) before running again. Reads are retried per Google's rules.
public struct CloudRunClient: Sendable, CustomReflectable {
    let exchange: GoogleAPIExchange
    let baseURL: URL

    /// Creates a client.
    /// - Parameters:
    ///   - credentials: Where tokens come from.
    ///   - endpoints: Service addresses (``GoogleEndpoints/run``; `MMM_RUN_ENDPOINT`).
    ///   - options: User agent, retries, polling, timeouts, logging.
    ///   - transport: The HTTP transport.
    public init(
        credentials: GoogleCredentials, endpoints: GoogleEndpoints = .production,
        options: GoogleClientOptions = GoogleClientOptions(), transport: any HTTPTransport = URLSessionTransport.shared
    ) {
        baseURL = endpoints.run
        exchange = GoogleAPIExchange(logTag: "run", service: "Cloud Run", transport: transport,
                                     credentials: credentials, options: options)
    }

    /// Reflection (`dump`, debuggers) shows the endpoint and the kind of credentials only — never tokens, and
    /// never the HTTP stack's internals.
    public var customMirror: Mirror {
        Mirror(self, children: ["endpoint": baseURL.absoluteString, "credentials": exchange.credentials.kind.description],
               displayStyle: .struct)
    }

    /// A client with discovered credentials and the environment's endpoint override.
    /// - Throws: ``GoogleCredentialsError``.
    public static func fromEnvironment(
        _ environment: GoogleCloudEnvironment, credentialsOptions: GoogleCredentialsOptions = GoogleCredentialsOptions(),
        transport: any HTTPTransport = URLSessionTransport.shared
    ) async throws -> CloudRunClient {
        let credentials = try await GoogleCredentials.discover(environment: environment, options: credentialsOptions,
                                                               transport: transport)
        return CloudRunClient(credentials: credentials, endpoints: try GoogleEndpoints(environment: environment),
                              options: credentialsOptions.client, transport: transport)
    }

    /// Starts an execution of a job.
    /// - Parameters:
    ///   - job: The job.
    ///   - overrides: Arguments, environment, task count and timeout for this run.
    /// - Returns: The operation; its ``CloudRunOperation/execution`` names the new execution right away.
    /// - Throws: ``GoogleCloudError``. A `serverError`/`transport` failure is ambiguous: the execution may exist.
    public func run(_ job: CloudRunJobName, overrides: CloudRunOverrides? = nil) async throws -> CloudRunOperation {
        if let taskCount = overrides?.taskCount, taskCount < 1 {
            throw GoogleCloudError(kind: .invalidInput, service: exchange.service, operation: "run \(job)",
                                   message: "the task count must be at least 1")
        }
        let call = try call(.post, "/v2/\(job.resourceName):run",
                            body: try JSONEncoder().encode(CloudRunWire.RunRequest(overrides)), idempotent: false,
                            operation: "run \(job)")
        let (response, _) = try await exchange.perform(call)
        guard response.isSuccess else {
            let ambiguous = response.statusCode >= 500 || response.statusCode == 408
            throw exchange.failure(response, call, hint: ambiguous
                ? "the execution may have started anyway; list the job's executions before running it again" : nil)
        }
        return try decode(CloudRunWire.Operation.self, response, call).model
    }

    /// Reads an operation.
    /// - Parameter name: `projects/P/locations/L/operations/ID`.
    /// - Throws: ``GoogleCloudError``.
    public func operation(_ name: String) async throws -> CloudRunOperation {
        try CloudRunNames.check(name, pattern: CloudRunNames.operationPattern)
        return try await exchange.json(CloudRunWire.Operation.self,
                                       try call(.get, "/v2/" + name, idempotent: true, operation: "read \(name)")).model
    }

    /// Reads an execution.
    /// - Parameter name: `projects/P/locations/L/jobs/J/executions/E`.
    /// - Throws: ``GoogleCloudError``.
    public func execution(_ name: String) async throws -> CloudRunExecution {
        try CloudRunNames.check(name, pattern: CloudRunNames.executionPattern)
        return try await exchange.json(CloudRunWire.Execution.self,
                                       try call(.get, "/v2/" + name, idempotent: true, operation: "read \(name)")).model
    }

    /// Lists one page of a job's executions, newest first.
    /// - Throws: ``GoogleCloudError``.
    public func listExecutions(of job: CloudRunJobName, pageSize: Int? = nil, pageToken: String? = nil) async throws
        -> CloudRunExecutionPage
    {
        let call = try call(.get, "/v2/\(job.resourceName)/executions",
                            query: [("pageSize", pageSize.map(String.init)), ("pageToken", pageToken)], idempotent: true,
                            operation: "list executions of \(job)")
        let page = try await exchange.json(CloudRunWire.ExecutionList.self, call)
        let token = page.nextPageToken.flatMap { $0.isEmpty ? nil : $0 }
        return CloudRunExecutionPage(executions: (page.executions ?? []).map(\.model), nextPageToken: token)
    }

    /// The newest execution whose container environment has `environmentName` = `value` (e.g. `RUN_ID`), searching
    /// at most `limit` executions.
    /// - Throws: ``GoogleCloudError``.
    public func findExecution(of job: CloudRunJobName, environmentName: String, value: String, limit: Int = 200)
        async throws -> CloudRunExecution?
    {
        var token: String?
        var seen = 0
        while seen < limit {
            let page = try await listExecutions(of: job, pageSize: min(100, limit - seen), pageToken: token)
            if let match = page.executions.first(where: { $0.environment[environmentName] == value }) { return match }
            seen += page.executions.count
            guard let next = page.nextPageToken, next != token, !page.executions.isEmpty else { return nil }
            token = next
        }
        return nil
    }

    /// Asks Cloud Run to cancel a running execution.
    /// - Parameter name: The execution.
    /// - Returns: The cancel operation.
    /// - Throws: ``GoogleCloudError``.
    @discardableResult
    public func cancel(execution name: String) async throws -> CloudRunOperation {
        try CloudRunNames.check(name, pattern: CloudRunNames.executionPattern)
        // Cancelling twice has the same effect as once.
        let call = try call(.post, "/v2/\(name):cancel", body: Data("{}".utf8), idempotent: true,
                            operation: "cancel \(name)")
        return try await exchange.json(CloudRunWire.Operation.self, call).model
    }

    /// Polls an execution (with ``GoogleClientOptions/pollPolicy`` delays) until it finishes or `timeout` passes.
    /// - Parameters:
    ///   - name: The execution.
    ///   - timeout: Give up after this long (`nil`: wait as long as it takes).
    ///   - progress: Called with each state read.
    /// - Returns: The finished execution (or the last one read when the timeout passed).
    /// - Throws: ``GoogleCloudError``, `CancellationError`.
    public func waitForExecution(
        _ name: String, timeout: Duration? = nil, progress: (@Sendable (CloudRunExecution) -> Void)? = nil
    ) async throws -> CloudRunExecution {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }
        var generator = SystemRandomNumberGenerator()
        var poll = 1
        while true {
            let execution = try await execution(name)
            progress?(execution)
            if execution.state.isTerminal { return execution }
            if let deadline, clock.now >= deadline { return execution }
            try await Task.sleep(for: exchange.options.pollPolicy.delay(beforeRetry: poll, using: &generator))
            poll += 1
        }
    }

    func call(
        _ method: HTTPMethod, _ path: String, query: [(String, String?)] = [], body: Data? = nil, idempotent: Bool,
        operation: String
    ) throws(GoogleCloudError) -> GoogleAPICall {
        guard let url = baseURL.appendingEncodedPath(path, query: query) else {
            throw GoogleCloudError(kind: .invalidInput, service: exchange.service, operation: operation,
                                   message: "could not build a request URL")
        }
        return GoogleAPICall(method: method, url: url, headers: body == nil ? [:] : ["Content-Type": "application/json"],
                             body: body, idempotent: idempotent, operation: operation,
                             timeout: exchange.options.requestTimeout)
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ response: HTTPResponse, _ call: GoogleAPICall)
        throws(GoogleCloudError) -> Value
    {
        guard let value = try? JSONDecoder().decode(Value.self, from: response.body) else {
            throw exchange.invalidResponse(call, response, expected: "an operation")
        }
        return value
    }
}
