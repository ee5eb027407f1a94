import Foundation
import MMMTestSupport
import MMMTransport
import Testing

/// Against one `http_test_server.py` shared by the whole test run (slow requests carry an id, so concurrent tests do
/// not count each other's).
/// Time limit: the work takes seconds, but Swift Testing starts every test at once and a test also waits for a
/// cooperative-pool thread before and after its body; a whole `swift test` took up to 10 minutes at load average 20 on
/// 2 cores, so 20 minutes can only be exceeded by a hang.
@Suite(.dedicatedThreads, .timeLimit(.minutes(20)))
struct URLSessionTransportTests {
    let transport = URLSessionTransport()

    private func server() async throws -> URL { try await SharedPythonServer.http.baseURL() }

    private func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func postSendsMethodHeadersAndBody() async throws {
        let base = try await server()
        let request = HTTPRequest(
            method: .post, url: base.appendingPathComponent("echo"),
            headers: ["Content-Type": "application/json", "X-Custom": "value 1", "User-Agent": "mmm-test/1.0"],
            body: Data(#"{"statement":"select 1"}"#.utf8))
        let response = try await transport.send(request)
        #expect(response.statusCode == 200)
        #expect(response.header("CONTENT-TYPE") == "application/json")
        let echo = try json(response.body)
        #expect(echo["method"] as? String == "POST")
        #expect(echo["body"] as? String == #"{"statement":"select 1"}"#)
        let headers = try #require(echo["headers"] as? [String: String])
        #expect(headers["X-Custom"] == "value 1")
        #expect(headers["User-Agent"] == "mmm-test/1.0")
    }

    @Test func errorStatusesAreReturnedAsResponses() async throws {
        let base = try await server()
        for code in [429, 503, 422] {
            let response = try await transport.send(
                HTTPRequest(method: .get, url: base.appendingPathComponent("status/\(code)")))
            #expect(response.statusCode == code)
            #expect(!response.isSuccess)
            #expect(try json(response.body)["code"] as? String == "390505")
        }
    }

    /// Design question from the brief: does FoundationNetworking decode `Content-Encoding: gzip` by itself?
    @Test func gzipContentEncodingIsDecodedByTheHTTPStack() async throws {
        let base = try await server()
        let response = try await transport.send(
            HTTPRequest(method: .get, url: URL(string: "\(base.absoluteString)/gzip?n=123456")!))
        #expect(response.statusCode == 200)
        #expect(response.body.count == 123_456)
        #expect(response.body.prefix(10) == Data("0123456789".utf8))
        // Without the header the bytes arrive as sent (still gzip): callers must detect 1f 8b themselves.
        let raw = try await transport.send(
            HTTPRequest(method: .get, url: URL(string: "\(base.absoluteString)/gzip-raw?n=1000")!))
        #expect(raw.body.prefix(2) == Data([0x1f, 0x8b]))
    }

    @Test func connectionRefusedIsAConnectionFailure() async throws {
        // A port that was just bound and closed by the server, so nothing listens on it.
        let base = try await server()
        let free = try await transport.send(HTTPRequest(method: .get, url: base.appendingPathComponent("free-port")))
        let port = try #require(try json(free.body)["port"] as? Int)
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/echo"))
        let error = try await #require(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(method: .get, url: url))
        }
        #expect(error.kind == .connectionFailed)
        #expect(error.isRetryable)
        #expect(error.host == "127.0.0.1")
    }

    /// The server holds the request for two minutes, far beyond the 0.5 s timeout, so only the timeout can end it.
    @Test func idleTimeoutIsReported() async throws {
        let base = try await server()
        let url = try #require(URL(string: "\(base.absoluteString)/slow?seconds=120&id=\(UUID().uuidString)"))
        let error = try await #require(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(method: .get, url: url, timeout: 0.5))
        }
        #expect(error.kind == .timedOut)
        #expect(error.isRetryable)
    }

    @Test func taskCancellationCancelsTheRequest() async throws {
        let base = try await server()
        let id = UUID().uuidString
        let url = URL(string: "\(base.absoluteString)/slow?seconds=120&id=\(id)")!
        let transport = self.transport
        let task = Task { try await transport.send(HTTPRequest(method: .get, url: url, timeout: 600)) }
        // Wait until the server has this test's request in hand (up to 5 minutes: a bound for hangs, not a guess
        // at the machine's speed), then cancel.
        let hitsURL = URL(string: "\(base.absoluteString)/hits?id=\(id)")!
        var arrived = false
        for _ in 0..<15_000 where !arrived {
            let hits = try await transport.send(HTTPRequest(method: .get, url: hitsURL))
            arrived = try json(hits.body)["slow"] as? Int == 1
            if !arrived { try await Task.sleep(for: .milliseconds(20)) }
        }
        try #require(arrived, "the slow request never reached the server")
        task.cancel()
        let result = await task.result
        let error = try #require(throws: HTTPTransportError.self) { try result.get() }
        #expect(error.kind == .cancelled)
        #expect(!error.isRetryable)
    }
}
