import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One Python fixture server per test process, started on first use and then shared by every test that asks for it.
///
/// Starting Python (and importing `cryptography`) for every test costs seconds of CPU on a loaded machine; a shared
/// server costs it once. Tests stay apart through the server's own isolation (a fresh listener per scenario in
/// `fake_snowflake.py --shared`, an id per slow request in `http_test_server.py`). The scripts exit when the test
/// process is gone, so nothing needs stopping; a server that died is started again on the next call.
public actor SharedPythonServer {
    /// A control request the server refused or answered with an error.
    public struct ControlFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// `http_test_server.py` (echo, status, gzip, slow, free-port endpoints).
    public static let http = SharedPythonServer(script: "http_test_server.py")
    /// `fake_snowflake.py --shared`: a control port that opens one listener per scenario.
    public static let snowflake = SharedPythonServer(script: "fake_snowflake.py", arguments: ["--shared"])

    private let script: String
    private let arguments: [String]
    private var server: PythonServer?
    private var waiters: [CheckedContinuation<URL, any Error>] = []
    private var starting = false

    /// A server for `script` in `Tests/Fixtures/snowflake`, not started yet.
    /// - Parameters:
    ///   - script: the Python file.
    ///   - arguments: its arguments.
    public init(script: String, arguments: [String] = []) {
        self.script = script
        self.arguments = arguments
    }

    /// The server's `http://127.0.0.1:<port>` URL, starting it if needed (concurrent callers share one start).
    /// - Throws: ``PythonServer/StartFailure`` when the script does not report a port.
    public func baseURL() async throws -> URL {
        if let server, server.process.isRunning { return server.baseURL }
        if starting { return try await withCheckedThrowingContinuation { waiters.append($0) } }
        starting = true
        defer { starting = false }
        do {
            let started = try await PythonServer(script: script, arguments: arguments)
            server = started
            let url = started.baseURL
            for waiter in waiters { waiter.resume(returning: url) }
            waiters = []
            return url
        } catch {
            for waiter in waiters { waiter.resume(throwing: error) }
            waiters = []
            throw error
        }
    }

    /// Sends a control request (`POST` with a JSON body, or `GET` without one) and returns the body of a 200 answer.
    /// - Parameters:
    ///   - path: e.g. `/_fake/scenarios`.
    ///   - json: the body; nil sends a `GET`.
    /// - Returns: the response body.
    /// - Throws: ``ControlFailure`` for any status but 200, or the transport error.
    public func control(_ path: String, json: Data? = nil) async throws -> Data {
        let url = try await baseURL().appendingPathComponent(path)
        var request = URLRequest(url: url)
        request.httpMethod = json == nil ? "GET" : "POST"
        if let json {
            request.httpBody = json
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, status) = try await Self.send(request)
        guard status == 200 else {
            throw ControlFailure(description: "\(script) \(path): HTTP \(status): \(String(decoding: data, as: UTF8.self))")
        }
        return data
    }

    private static func send(_ request: URLRequest) async throws -> (Data, Int) {
        try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume(returning: (data ?? Data(), (response as? HTTPURLResponse)?.statusCode ?? 0))
                }
            }.resume()
        }
    }
}
