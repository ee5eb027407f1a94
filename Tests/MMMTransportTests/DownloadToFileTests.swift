import Foundation
import MMMTestSupport
import MMMTransport
import Testing

/// `download(_:to:)`: bodies streamed into a file; error bodies returned in memory, the file left alone.
@Suite(.timeLimit(.minutes(5)))
struct DownloadToFileTests {
    @Test func successStreamsIntoTheFile() async throws {
        let server = try await PythonServer(script: "http_test_server.py")
        defer { server.stop() }
        let folder = try TemporaryDirectory.make("download")
        let destination = folder.appendingPathComponent("out.bin")
        try Data("previous".utf8).write(to: destination)
        let url = try #require(URL(string: "\(server.baseURL.absoluteString)/bytes?n=3000000"))
        for transport in [URLSessionTransport() as any HTTPTransport, InMemoryOnly()] {
            let response = try await transport.download(HTTPRequest(method: .get, url: url), to: destination)
            #expect(response.statusCode == 200)
            #expect(response.body.isEmpty)
            let expected = try await URLSessionTransport().send(HTTPRequest(method: .get, url: url)).body
            #expect(expected.count == 3_000_000)
            #expect(try Data(contentsOf: destination) == expected)
        }
    }

    @Test func errorBodiesComeBackAndTheFileIsUntouched() async throws {
        let server = try await PythonServer(script: "http_test_server.py")
        defer { server.stop() }
        let destination = try TemporaryDirectory.make("download").appendingPathComponent("keep.txt")
        try Data("previous".utf8).write(to: destination)
        let url = server.baseURL.appendingPathComponent("status/503")
        for transport in [URLSessionTransport() as any HTTPTransport, InMemoryOnly()] {
            let response = try await transport.download(HTTPRequest(method: .get, url: url), to: destination)
            #expect(response.statusCode == 503)
            #expect(String(decoding: response.body, as: UTF8.self).contains("390505"))
            #expect(try Data(contentsOf: destination) == Data("previous".utf8))
        }
    }
}

/// A transport with only `send`, so the protocol's default `download` is exercised.
private struct InMemoryOnly: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse { try await URLSessionTransport.shared.send(request) }
}
