import Foundation
import MMMTransport

/// A wall clock tests set per task: `ManualClock.$current.withValue(date) { … }`. Task-local, so it needs no
/// shared mutable state and every task a test starts sees its own time.
struct ManualClock: WallClock {
    @TaskLocal static var current = Date(timeIntervalSince1970: 1_700_000_000)

    func now() -> Date { Self.current }
}

/// A clock that is off from the real one by a fixed amount (simulated skew).
struct SkewedClock: WallClock {
    let skew: TimeInterval
    func now() -> Date { Date().addingTimeInterval(skew) }
}

/// Collects the client's log lines through a stream (Sendable, no locks).
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
