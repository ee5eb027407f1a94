import Foundation
import MMMTransport
import Testing

/// How the shared transport behaves when a server resets a connection (faults from the Google fake).
///
/// libcurl silently resends a request whose *reused* connection dies, and FoundationNetworking never completes
/// such a resend when it has a body. ``HTTPRequest/usesFreshConnection`` (the default for requests with a body)
/// avoids both: the reset surfaces at once, and the request reached the server exactly once.
@Suite(.timeLimit(.minutes(5)))
struct ConnectionResetTests {
    @Test func aResetRequestWithABodyFailsAtOnceAndIsSentOnce() async throws {
        guard let fake = try await FakeGoogle.get() else { return }
        let transport = URLSessionTransport()
        for when in ["before", "after"] {
            let marker = uniqueName("reset")
            try await fake.faults(marker, [["reset": when]])
            // Warm the pool so a pooled connection would be available.
            _ = try await transport.send(HTTPRequest(method: .get, url: fake.baseURL.appendingPathComponent("warm")))
            let started = ContinuousClock.now
            let error = await #expect(throws: HTTPTransportError.self) {
                try await transport.send(HTTPRequest(method: .post, url: fake.baseURL.appendingPathComponent(marker),
                                                     body: Data(#"{"a":1}"#.utf8), timeout: 30))
            }
            #expect(error?.kind != .timedOut)
            #expect(error?.requestMayHaveBeenSent == true)
            #expect(ContinuousClock.now - started < .seconds(10))
            #expect(try await fake.requests(marker).count == 1, "reset \(when): sent exactly once")
        }
    }

    @Test func connectionRefusedIsKnownNotToHaveBeenSent() async throws {
        let error = await #expect(throws: HTTPTransportError.self) {
            try await URLSessionTransport().send(HTTPRequest(
                method: .post, url: try #require(URL(string: "http://127.0.0.1:9/x")), body: Data("{}".utf8), timeout: 10))
        }
        #expect(error?.kind == .connectionFailed)
        #expect(error?.requestMayHaveBeenSent == false)
    }
}
