import Foundation
import MMMTestSupport
import MMMTransport
import Testing

@Suite(.timeLimit(.minutes(1)))
struct URLSessionTransportTests {
    let transport = URLSessionTransport()

    private func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func postSendsMethodHeadersAndBody() async throws {
        let server = try await PythonServer(script: "http_test_server.py")
        defer { server.stop() }
        let request = HTTPRequest(
            method: .post, url: server.baseURL.appendingPathComponent("echo"),
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
        let server = try await PythonServer(script: "http_test_server.py")
        defer { server.stop() }
        for code in [429, 503, 422] {
            let response = try await transport.send(
                HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent("status/\(code)")))
            #expect(response.statusCode == code)
            #expect(!response.isSuccess)
            #expect(try json(response.body)["code"] as? String == "390505")
        }
    }

    /// Design question from the brief: does FoundationNetworking decode `Content-Encoding: gzip` by itself?
    @Test func gzipContentEncodingIsDecodedByTheHTTPStack() async throws {
        let server = try await PythonServer(script: "http_test_server.py")
        defer { server.stop() }
        let response = try await transport.send(
            HTTPRequest(method: .get, url: URL(string: "\(server.baseURL.absoluteString)/gzip?n=123456")!))
        #expect(response.statusCode == 200)
        #expect(response.body.count == 123_456)
        #expect(response.body.prefix(10) == Data("0123456789".utf8))
        // Without the header the bytes arrive as sent (still gzip): callers must detect 1f 8b themselves.
        let raw = try await transport.send(
            HTTPRequest(method: .get, url: URL(string: "\(server.baseURL.absoluteString)/gzip-raw?n=1000")!))
        #expect(raw.body.prefix(2) == Data([0x1f, 0x8b]))
    }

    @Test func connectionRefusedIsAConnectionFailure() async throws {
        // Start and stop a server so the port is known to be free.
        let server = try await PythonServer(script: "http_test_server.py")
        let url = server.baseURL.appendingPathComponent("echo")
        server.stop()
        let error = try await #require(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(method: .get, url: url))
        }
        #expect(error.kind == .connectionFailed)
        #expect(error.isRetryable)
        #expect(error.host == "127.0.0.1")
    }

    @Test func idleTimeoutIsReported() async throws {
        let server = try await PythonServer(script: "http_test_server.py")
        defer { server.stop() }
        let url = URL(string: "\(server.baseURL.absoluteString)/slow?seconds=20")!
        let error = try await #require(throws: HTTPTransportError.self) {
            try await transport.send(HTTPRequest(method: .get, url: url, timeout: 0.5))
        }
        #expect(error.kind == .timedOut)
        #expect(error.isRetryable)
    }

    @Test func taskCancellationCancelsTheRequest() async throws {
        let server = try await PythonServer(script: "http_test_server.py")
        defer { server.stop() }
        let url = URL(string: "\(server.baseURL.absoluteString)/slow?seconds=20")!
        let transport = self.transport
        let task = Task { try await transport.send(HTTPRequest(method: .get, url: url, timeout: 60)) }
        // Wait (bounded) until the server has the request in hand, then cancel.
        let hitsURL = server.baseURL.appendingPathComponent("hits")
        for _ in 0..<200 {
            let hits = try await transport.send(HTTPRequest(method: .get, url: hitsURL))
            if try json(hits.body)["slow"] as? Int == 1 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        task.cancel()
        let result = await task.result
        let error = try #require(throws: HTTPTransportError.self) { try result.get() }
        #expect(error.kind == .cancelled)
        #expect(!error.isRetryable)
    }
}
