import Foundation
import MMMCloud
import MMMCore
import MMMTransport

/// Prints the loud line a test that cannot run its dependency must leave (stderr only).
func skipped(_ why: String) {
    FileHandle.standardError.write(Data("SKIPPED: \(why)\n".utf8))
}

/// Client options with fast retries so fault tests finish quickly.
/// The request timeout is generous: CI runs every suite at once on two cores.
func fastOptions(log: (@Sendable (String) -> Void)? = nil, requestTimeout: TimeInterval = 60) -> GoogleClientOptions {
    GoogleClientOptions(
        userAgent: "mmm-trainer-tests/1.0",
        retryPolicy: RetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(5), maxDelay: .milliseconds(40)),
        pollPolicy: RetryPolicy(initialDelay: .milliseconds(5), maxDelay: .milliseconds(20)),
        requestTimeout: requestTimeout, transferTimeout: max(requestTimeout, 60), log: log)
}

/// A unique lowercase name for per-test resources in the shared fakes.
func uniqueName(_ prefix: String) -> String {
    prefix + "-" + UUID().uuidString.lowercased().prefix(12)
}

/// A wall clock tests can move forward.
final class AdjustableClock: WallClock {
    private let offset = Locked<TimeInterval>(0)

    func now() -> Date { Date().addingTimeInterval(offset.withLock { $0 }) }

    func advance(by seconds: TimeInterval) { offset.withLock { $0 += seconds } }
}

/// An in-memory file system for credential discovery.
struct InMemoryCloudFiles: CloudFileSystem {
    var files: [String: String] = [:]
    var unreadable: Set<String> = []

    struct Unreadable: Error {}

    func contents(atPath path: String) throws -> Data? {
        if unreadable.contains(path) { throw Unreadable() }
        return files[path].map { Data($0.utf8) }
    }
}

/// Collects log lines through a stream (Sendable, no locks).
struct LogCapture: Sendable {
    private let stream: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation

    init() { (stream, continuation) = AsyncStream.makeStream(of: String.self) }

    var handler: @Sendable (String) -> Void { { [continuation] line in continuation.yield(line) } }

    /// Ends the capture and returns every line logged so far.
    func finish() async -> [String] {
        continuation.finish()
        var lines: [String] = []
        for await line in stream { lines.append(line) }
        return lines
    }
}
